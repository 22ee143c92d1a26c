package io.thanosjava.engine.eval;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.thanosjava.engine.QueryException;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ast.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code label_replace} and {@code label_join}: whole-series label rewrites. */
final class LabelFunctions {
    private LabelFunctions() {
    }

    static EvalResult labelReplace(Evaluator ev, Call call, StepGrid g) {
        String dst = str(ev, call, 1, g);
        String repl = str(ev, call, 2, g);
        String src = str(ev, call, 3, g);
        String regex = str(ev, call, 4, g);
        Pattern p;
        try {
            p = Pattern.compile("^(?s:" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw QueryException.execution("invalid regular expression in label_replace(): " + regex);
        }
        if (!Aggregations.validLabelName(dst)) {
            throw QueryException.execution("invalid destination label name in label_replace(): " + dst);
        }
        List<StepSeries> in = ev.vectors(call.args().get(0), g);
        Map<String, Integer> named = p.namedGroups();
        for (StepSeries s : in) {
            Matcher m = p.matcher(s.labels.getOrEmpty(src));
            if (m.matches()) {
                String value = expand(repl, m, named);
                s.labels = s.labels.toBuilder().set(dst, value).build();
                if (dst.equals(Labels.METRIC_NAME)) {
                    s.dropName = false;
                }
            }
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(in, false));
    }

    static EvalResult labelJoin(Evaluator ev, Call call, StepGrid g) {
        String dst = str(ev, call, 1, g);
        String sep = str(ev, call, 2, g);
        List<String> srcs = new ArrayList<>();
        for (int i = 3; i < call.args().size(); i++) {
            String src = str(ev, call, i, g);
            if (!Aggregations.validLabelName(src)) {
                throw QueryException.execution("invalid source label name in label_join(): " + src);
            }
            srcs.add(src);
        }
        if (!Aggregations.validLabelName(dst)) {
            throw QueryException.execution("invalid destination label name in label_join(): " + dst);
        }
        List<StepSeries> in = ev.vectors(call.args().get(0), g);
        for (StepSeries s : in) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < srcs.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append(s.labels.getOrEmpty(srcs.get(i)));
            }
            s.labels = s.labels.toBuilder().set(dst, sb.toString()).build();
            if (dst.equals(Labels.METRIC_NAME)) {
                s.dropName = false;
            }
        }
        return new EvalResult.Vectors(NameDropping.mergeSameLabels(in, false));
    }

    private static String str(Evaluator ev, Call call, int i, StepGrid g) {
        return ((EvalResult.Str) ev.eval(call.args().get(i), g)).value();
    }

    /**
     * Go's {@code Regexp.Expand}: {@code $name} takes the longest run of letters, digits and '_';
     * {@code ${name}} is explicit; numbers are group indexes; {@code $$} is a dollar; unknown or
     * non-participating groups expand to "".
     */
    static String expand(String template, Matcher m, Map<String, Integer> named) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = template.indexOf('}', i + 2);
                name = close < 0 ? "" : template.substring(i + 2, close);
                end = close + 1;
                if (close < 0 || !isName(name)) {
                    out.append(c);
                    i++;
                    continue;
                }
            } else {
                int j = i + 1;
                while (j < n && isNameChar(template.charAt(j))) {
                    j++;
                }
                name = template.substring(i + 1, j);
                end = j;
                if (name.isEmpty()) {
                    out.append(c);
                    i++;
                    continue;
                }
            }
            out.append(group(m, named, name));
            i = end;
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String group(Matcher m, Map<String, Integer> named, String name) {
        int idx = -1;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                idx = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return "";
            }
        } else if (named.containsKey(name)) {
            idx = named.get(name);
        }
        if (idx < 0 || idx > m.groupCount()) {
            return "";
        }
        String v = m.group(idx);
        return v == null ? "" : v;
    }
}
