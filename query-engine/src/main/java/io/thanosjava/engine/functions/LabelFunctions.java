package io.thanosjava.engine.functions;

import static java.util.Objects.requireNonNull;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.thanosjava.model.Labels;
import java.util.Map;

/**
 * {@code label_replace} and {@code label_join} on one label set, with Prometheus 3.x's validation
 * and error texts. Validation ({@link #labelReplace(String, String, String, String)},
 * {@link #labelJoin(String, String, String...)}) happens once per call site, before any series is
 * evaluated; the returned object then rewrites label sets. Only the label set changes: merging
 * series that end up equal (and the {@code vector cannot contain metrics with the same labelset}
 * error) is the evaluator's job, as is cancelling a pending name drop when the destination is
 * {@code __name__}.
 */
public final class LabelFunctions {
    private LabelFunctions() {
    }

    /**
     * Prepares {@code label_replace(v, dst, replacement, src, regex)}. The regex is RE2 syntax,
     * fully anchored and compiled as {@code ^(?s:regex)$}.
     *
     * @throws InvalidFunctionArgumentException {@code invalid regular expression in label_replace(): <regex>}
     *     or {@code invalid destination label name in label_replace(): <dst>}
     */
    public static Replace labelReplace(String dst, String replacement, String src, String regex) {
        requireNonNull(dst, "dst is null");
        requireNonNull(replacement, "replacement is null");
        requireNonNull(src, "src is null");
        requireNonNull(regex, "regex is null");
        Pattern pattern;
        try {
            pattern = Pattern.compile("^(?s:" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new InvalidFunctionArgumentException("invalid regular expression in label_replace(): " + regex);
        }
        if (!isValidLabelName(dst)) {
            throw new InvalidFunctionArgumentException("invalid destination label name in label_replace(): " + dst);
        }
        return new Replace(dst, replacement, src, pattern);
    }

    /**
     * Prepares {@code label_join(v, dst, separator, src...)}; zero source labels are allowed.
     *
     * @throws InvalidFunctionArgumentException {@code invalid source label name in label_join(): <src>}
     *     (checked first) or {@code invalid destination label name in label_join(): <dst>}
     */
    public static Join labelJoin(String dst, String separator, String... srcs) {
        requireNonNull(dst, "dst is null");
        requireNonNull(separator, "separator is null");
        requireNonNull(srcs, "srcs is null");
        for (String src : srcs) {
            requireNonNull(src, "src is null");
            if (!isValidLabelName(src)) {
                throw new InvalidFunctionArgumentException("invalid source label name in label_join(): " + src);
            }
        }
        if (!isValidLabelName(dst)) {
            throw new InvalidFunctionArgumentException("invalid destination label name in label_join(): " + dst);
        }
        return new Join(dst, separator, srcs.clone());
    }

    /**
     * Prometheus 3.x's label-name rule: any non-empty, well-formed UTF-8 string. Here: no lone
     * surrogate, which is how the parser keeps bytes that are not valid UTF-8 (e.g. from a
     * {@code "\xff"} escape; see {@code GoFormat.rawByte}).
     */
    public static boolean isValidLabelName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Labels withLabel(Labels labels, String name, String value) {
        String current = labels.getOrEmpty(name);
        if (current.equals(value)) {
            return labels;
        }
        // An empty value deletes the label.
        return labels.toBuilder().set(name, value).build();
    }

    /** A validated {@code label_replace}. Thread-safe. */
    public static final class Replace {
        private final String dst;
        private final String replacement;
        private final String src;
        private final Pattern pattern;
        private final Map<String, Integer> namedGroups;

        private Replace(String dst, String replacement, String src, Pattern pattern) {
            this.dst = dst;
            this.replacement = replacement;
            this.src = src;
            this.pattern = pattern;
            this.namedGroups = pattern.namedGroups();
        }

        /**
         * When the regex matches the source label's value (missing = {@code ""}), the labels with
         * {@code dst} set to the expanded replacement (deleted when empty); otherwise null, because
         * a series the regex does not match is left alone entirely (its pending name drop too).
         */
        public Labels apply(Labels labels) {
            requireNonNull(labels, "labels is null");
            String value = labels.getOrEmpty(src);
            Matcher m = pattern.matcher(value);
            if (!m.matches()) {
                return null;
            }
            StringBuilder out = new StringBuilder(replacement.length() + value.length());
            RegexpTemplate.expand(out, replacement, m, namedGroups);
            return withLabel(labels, dst, out.toString());
        }

        public String destination() {
            return dst;
        }
    }

    /** A validated {@code label_join}. Thread-safe. */
    public static final class Join {
        private final String dst;
        private final String separator;
        private final String[] srcs;

        private Join(String dst, String separator, String[] srcs) {
            this.dst = dst;
            this.separator = separator;
            this.srcs = srcs;
        }

        /**
         * The labels with {@code dst} set to the source values (missing = {@code ""}) joined by
         * the separator; deleted when that is empty.
         */
        public Labels apply(Labels labels) {
            requireNonNull(labels, "labels is null");
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < srcs.length; i++) {
                if (i > 0) {
                    joined.append(separator);
                }
                joined.append(labels.getOrEmpty(srcs[i]));
            }
            return withLabel(labels, dst, joined.toString());
        }

        public String destination() {
            return dst;
        }
    }
}
