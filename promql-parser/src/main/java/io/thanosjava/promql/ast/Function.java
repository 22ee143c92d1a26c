package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A PromQL function signature.
 *
 * @param argTypes the declared argument types; with {@code variadic != 0} the last one repeats
 * @param variadic 0: exactly {@code argTypes.size()} arguments; n &gt; 0: up to n more optional ones
 *     (so at least {@code argTypes.size() - 1}, at most {@code argTypes.size() - 1 + n}); -1: unbounded
 * @param experimental whether it needs the experimental-functions switch
 */
public record Function(String name, List<ValueType> argTypes, int variadic, ValueType returnType, boolean experimental) {
    public Function {
        requireNonNull(name, "name is null");
        argTypes = List.copyOf(requireNonNull(argTypes, "argTypes is null"));
        requireNonNull(returnType, "returnType is null");
        if (variadic < -1) {
            throw new IllegalArgumentException("variadic must be >= -1");
        }
    }

    /** The declared type of argument {@code i} (the last declared type repeats for variadic calls). */
    public ValueType argType(int i) {
        return argTypes.get(Math.min(i, argTypes.size() - 1));
    }
}
