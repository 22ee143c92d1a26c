package io.thanosjava.model;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fully anchored RE2 regular expression with {@code .} matching newlines, as Prometheus compiles
 * label matchers: {@code ^(?s:regex)$}. Common shapes are recognised once, at construction, and
 * answered without running the regex engine: {@code .*}, {@code .+}, a literal, a literal
 * alternation {@code a|b|c}, and {@code lit.*}, {@code .*lit}, {@code .*lit.*}. Recognition is
 * deliberately narrow (plain characters and escaped punctuation only), so every fast answer is the
 * regex's answer; anything else goes to re2j, behind a cheap {@code startsWith} check when the
 * expression begins with a literal that every match must start with (e.g. {@code api-[0-9]+}).
 */
final class FastRegexMatcher {
    private enum Kind { ANY, NON_EMPTY, LITERAL, SET, PREFIX, SUFFIX, CONTAINS, REGEX }

    private static final String META = "\\.+*?()|[]{}^$";

    private final Kind kind;
    /** The literal of LITERAL, PREFIX, SUFFIX and CONTAINS. */
    private final String literal;
    /** The alternatives of SET, in pattern order without duplicates. */
    private final List<String> alternatives;
    private final Set<String> set;
    private final Pattern pattern;
    /** For REGEX: a prefix every match starts with, possibly empty. */
    private final String requiredPrefix;

    private FastRegexMatcher(Kind kind, String literal, List<String> alternatives, Pattern pattern) {
        this.kind = kind;
        this.literal = literal;
        this.requiredPrefix = kind == Kind.REGEX && literal != null ? literal : "";
        this.alternatives = alternatives;
        this.set = alternatives.isEmpty() ? Set.of() : new HashSet<>(alternatives);
        this.pattern = pattern;
    }

    /**
     * @throws InvalidMatcherException with Go's message ({@code error parsing regexp: ...}) when
     *     the expression does not compile
     */
    static FastRegexMatcher compile(String regex) {
        validate(regex);
        FastRegexMatcher fast = recognise(regex);
        return fast != null ? fast : new FastRegexMatcher(Kind.REGEX, requiredPrefix(regex), List.of(), anchored(regex));
    }

    /** Runs only re2j, bypassing the fast paths; for tests and benchmarks that compare the two. */
    static FastRegexMatcher compileWithoutFastPaths(String regex) {
        validate(regex);
        return new FastRegexMatcher(Kind.REGEX, null, List.of(), anchored(regex));
    }

    boolean matches(String s) {
        switch (kind) {
            case ANY: return true;
            case NON_EMPTY: return !s.isEmpty();
            case LITERAL: return literal.equals(s);
            case SET: return set.contains(s);
            case PREFIX: return s.startsWith(literal);
            case SUFFIX: return s.endsWith(literal);
            case CONTAINS: return s.contains(literal);
            default: return s.startsWith(requiredPrefix) && pattern.matcher(s).matches();
        }
    }

    /** The strings this expression matches when it is a literal or a literal alternation, else empty. */
    List<String> setMatches() {
        return kind == Kind.LITERAL ? List.of(literal) : alternatives;
    }

    /** Whether a fast path answers, rather than the regex engine. */
    boolean isOptimised() {
        return kind != Kind.REGEX;
    }

    /**
     * Parses the expression alone, as Prometheus does, so errors read against it as written: the
     * anchoring wrapper would balance a stray parenthesis and accept {@code a)|(b} as
     * {@code ^(?s:a)|(b)$}.
     */
    private static void validate(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw invalid(regex, e);
        }
    }

    /** The regex engine's matcher for a validated expression, anchored at both ends as Prometheus anchors it. */
    private static Pattern anchored(String regex) {
        return Pattern.compile("^(?s:" + regex + ")$");
    }

    private static InvalidMatcherException invalid(String regex, PatternSyntaxException e) {
        String description = e.getDescription();
        String fragment = e.getPattern();
        if (description.startsWith("regexp/syntax: internal error")) {
            // re2j 1.8 fails this way on an unbalanced ')' where Go says "unexpected )".
            description = "unexpected )";
            fragment = regex;
        }
        return new InvalidMatcherException("error parsing regexp: " + description + ": `" + fragment + "`", e);
    }

    /** The fast form of {@code regex}, or null when it needs the regex engine. */
    private static FastRegexMatcher recognise(String regex) {
        if (regex.equals(".*")) {
            return new FastRegexMatcher(Kind.ANY, null, List.of(), null);
        }
        if (regex.equals(".+")) {
            return new FastRegexMatcher(Kind.NON_EMPTY, null, List.of(), null);
        }
        boolean leadingAny = regex.startsWith(".*");
        boolean trailingAny = regex.length() >= (leadingAny ? 4 : 2) && regex.endsWith(".*") && !endsWithEscapedDot(regex);
        String middle = regex.substring(leadingAny ? 2 : 0, regex.length() - (trailingAny ? 2 : 0));
        if (leadingAny || trailingAny) {
            String lit = unescapeLiteral(middle);
            if (lit == null || lit.isEmpty()) {
                return null;
            }
            Kind kind = leadingAny && trailingAny ? Kind.CONTAINS : leadingAny ? Kind.SUFFIX : Kind.PREFIX;
            return new FastRegexMatcher(kind, lit, List.of(), null);
        }
        List<String> alternatives = literalAlternatives(stripGroup(regex));
        if (alternatives == null) {
            return null;
        }
        if (alternatives.size() == 1) {
            return new FastRegexMatcher(Kind.LITERAL, alternatives.get(0), List.of(), null);
        }
        return new FastRegexMatcher(Kind.SET, null, List.copyOf(alternatives), null);
    }

    /**
     * The literal characters at the start of an expression without alternation, which every match
     * must begin with. Stops at the first operator. Unless that operator starts a new atom, the
     * last character is given back: a quantifier applies to it ({@code ab*} requires only
     * {@code a}), and so does one after a flag group or an assertion ({@code a(?i)*}).
     */
    static String requiredPrefix(String regex) {
        if (regex.indexOf('|') >= 0) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        int beforeLast = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int width = 1;
            if (c == '\\') {
                if (i + 1 == regex.length() || regex.charAt(i + 1) >= 0x80 || Character.isLetterOrDigit(regex.charAt(i + 1))) {
                    prefix.setLength(beforeLast);
                    break;
                }
                c = regex.charAt(i + 1);
                width = 2;
            } else if (META.indexOf(c) >= 0) {
                if (!startsAtom(regex, i)) {
                    prefix.setLength(beforeLast);
                }
                break;
            }
            beforeLast = prefix.length();
            prefix.append(c);
            if (width == 1 && Character.isHighSurrogate(c) && i + 1 < regex.length()) {
                prefix.append(regex.charAt(i + 1)); // keep a surrogate pair together
                width = 2;
            }
            i += width;
        }
        return prefix.toString();
    }

    /** Whether the operator at {@code i} begins an atom ({@code .}, a class, a capturing group). */
    private static boolean startsAtom(String regex, int i) {
        char c = regex.charAt(i);
        return c == '.' || c == '[' || (c == '(' && !regex.startsWith("(?", i));
    }

    /** {@code x\.*} ends in an escaped dot and a star, not in {@code .*}. */
    private static boolean endsWithEscapedDot(String regex) {
        int backslashes = 0;
        for (int i = regex.length() - 3; i >= 0 && regex.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return (backslashes & 1) == 1;
    }

    /** {@code (body)} or {@code (?:body)} when the parentheses enclose everything; otherwise the input. */
    private static String stripGroup(String regex) {
        int open = regex.startsWith("(?:") ? 3 : regex.startsWith("(") ? 1 : 0;
        if (open == 0 || !regex.endsWith(")") || regex.startsWith("(?", 0) && open == 1) {
            return regex;
        }
        String body = regex.substring(open, regex.length() - 1);
        return body.indexOf('(') < 0 && body.indexOf(')') < 0 ? body : regex;
    }

    /** The literals of {@code a|b|c}, de-duplicated in order, or null when any part is not a literal. */
    private static List<String> literalAlternatives(String body) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i < body.length() && body.charAt(i) == '\\') {
                i++; // an escaped character never splits
                continue;
            }
            if (i == body.length() || body.charAt(i) == '|') {
                String lit = unescapeLiteral(body.substring(start, i));
                if (lit == null) {
                    return null;
                }
                if (!out.contains(lit)) {
                    out.add(lit);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * The string a regex made only of plain characters and backslash-escaped ASCII punctuation
     * matches, or null when it contains anything else.
     */
    private static String unescapeLiteral(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 == s.length()) {
                    return null;
                }
                char next = s.charAt(i + 1);
                if (next >= 0x80 || Character.isLetterOrDigit(next)) {
                    return null; // \d, \pL, \Q, \x41 and friends are not literals
                }
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                sb.append(next);
                i++;
            } else if (META.indexOf(c) >= 0) {
                return null;
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
