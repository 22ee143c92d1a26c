package io.thanosjava.model;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;

/**
 * A label matcher ({@code =}, {@code !=}, {@code =~}, {@code !~}) with Prometheus semantics: a
 * missing label has the value {@code ""}; regular expressions use RE2 syntax and linear-time
 * matching, fully anchored, with {@code .} matching newlines.
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
    private final Pattern pattern;

    private LabelMatcher(Type type, String name, String value, Pattern pattern) {
        this.type = type;
        this.name = name;
        this.value = value;
        this.pattern = pattern;
    }

    /**
     * Creates a matcher. For regex types the value is compiled as {@code ^(?s:value)$}.
     *
     * @throws InvalidMatcherException when the regular expression does not compile
     */
    public static LabelMatcher of(Type type, String name, String value) {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(value, "value is null");
        Pattern p = null;
        if (type == Type.RE || type == Type.NRE) {
            try {
                p = Pattern.compile("^(?s:" + value + ")$");
            } catch (PatternSyntaxException e) {
                throw new InvalidMatcherException("error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`", e);
            }
        }
        return new LabelMatcher(type, name, value, p);
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
        switch (type) {
            case EQ: return value.equals(v);
            case NEQ: return !value.equals(v);
            case RE: return pattern.matcher(v).matches();
            default: return !pattern.matcher(v).matches();
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
