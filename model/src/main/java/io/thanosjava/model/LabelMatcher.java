package io.thanosjava.model;

import java.util.List;
import java.util.Objects;

/**
 * A label matcher ({@code =}, {@code !=}, {@code =~}, {@code !~}) with Prometheus semantics: a
 * missing label has the value {@code ""}; regular expressions use RE2 syntax and linear-time
 * matching, fully anchored, with {@code .} matching newlines.
 *
 * <p>Regular expressions are analysed once, when the matcher is built: {@code .*}, {@code .+},
 * literals, literal alternations ({@code a|b|c}) and literal prefixes, suffixes and infixes
 * ({@code foo.*}, {@code .*foo}, {@code .*foo.*}) are answered by plain string operations; every
 * other expression runs on re2j. Both give the same answer.
 */
public final class LabelMatcher {
    public enum Type {
        EQ("="), NEQ("!="), RE("=~"), NRE("!~");

        private final String op;

        Type(String op) {
            this.op = op;
        }

        public String op() {
            return op;
        }
    }

    private final Type type;
    private final String name;
    private final String value;
    /** The compiled expression of RE and NRE matchers; null for EQ and NEQ. */
    private final FastRegexMatcher regex;

    private LabelMatcher(Type type, String name, String value, FastRegexMatcher regex) {
        this.type = type;
        this.name = name;
        this.value = value;
        this.regex = regex;
    }

    /**
     * Creates a matcher. For regex types the value is compiled as {@code ^(?s:value)$}.
     *
     * @throws InvalidMatcherException when the regular expression does not compile; the message
     *     has Go's shape, e.g. {@code error parsing regexp: missing closing ): `(foo`}
     */
    public static LabelMatcher of(Type type, String name, String value) {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(value, "value is null");
        boolean isRegex = type == Type.RE || type == Type.NRE;
        return new LabelMatcher(type, name, value, isRegex ? FastRegexMatcher.compile(value) : null);
    }

    /**
     * For {@code =} the value, for {@code =~} the values a literal or literal alternation matches
     * (e.g. {@code a|b} gives {@code [a, b]}); otherwise empty. Stores can turn these into index
     * lookups.
     */
    public List<String> setMatches() {
        switch (type) {
            case EQ: return List.of(value);
            case RE: return regex.setMatches();
            default: return List.of();
        }
    }

    public Type type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** Whether a label value matches; pass {@code ""} for a label the series does not have. */
    public boolean matches(String v) {
        Objects.requireNonNull(v, "label value is null");
        switch (type) {
            case EQ: return value.equals(v);
            case NEQ: return !value.equals(v);
            case RE: return regex.matches(v);
            default: return !regex.matches(v);
        }
    }

    /** Whether the series with these labels is selected by this matcher. */
    public boolean matches(Labels labels) {
        return matches(labels.getOrEmpty(name));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LabelMatcher)) {
            return false;
        }
        LabelMatcher m = (LabelMatcher) o;
        return type == m.type && name.equals(m.name) && value.equals(m.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, value);
    }

    /** PromQL form, e.g. {@code job=~"api.*"}. */
    @Override
    public String toString() {
        return name + type.op() + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
