package io.thanosjava.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;

/** A function call; the arguments have been checked against {@link Function#argTypes()}. */
public record Call(Function function, List<Expr> args, PositionRange pos) implements Expr {
    public Call {
        requireNonNull(function, "function is null");
        args = List.copyOf(requireNonNull(args, "args is null"));
        requireNonNull(pos, "pos is null");
    }

    public Call(Function function, List<Expr> args) {
        this(function, args, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return function.returnType();
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitCall(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Call c && c.function.equals(function) && c.args.equals(args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, args);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
