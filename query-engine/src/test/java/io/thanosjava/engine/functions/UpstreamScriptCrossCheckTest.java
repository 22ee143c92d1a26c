package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Replays the upstream {@code functions.test} evals whose expression is a single range function
 * applied directly to a selector with equality matchers (and the {@code histograms.test} evals of
 * {@code histogram_quantile} applied directly to such a selector), computing each output with the kernels
 * and comparing with the script's expectation using the runner's 1e-6 relative tolerance. Evals
 * touching histogram samples, failing evals and other expression shapes are left to the engine's
 * script runner.
 */
class UpstreamScriptCrossCheckTest {
    private static final Pattern EVAL = Pattern.compile("^eval instant at (\\S+) (\\w+)\\((.*)\\)$");
    private static final Pattern SELECTOR = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)?(\\{[^}]*\\})?\\[([0-9a-z]+)\\]((?:\\s+(?:offset\\s+\\S+|@\\s+\\S+))*)$");
    private static final Pattern MATCHER = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");
    private static final Pattern EXPECTED = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)?(\\{.*\\})?\\s+(\\S+)$");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    private final Map<String, Integer> comparedPerFunction = new TreeMap<>();
    /** Whether the current data came from {@code load_with_nhcb}, which adds native histograms this replay lacks. */
    private boolean nativeHistogramsDerived;
    private final List<String> mismatches = new ArrayList<>();

    @Test
    void bucketQuantileReproducesTheUpstreamHistogramsScript() throws IOException {
        replay(Files.readAllLines(sharedDir().resolve("promql-testdata/v3.9.1/histograms.test")));
        System.out.println("histograms.test evals cross-checked: " + comparedPerFunction);
        assertThat(mismatches).isEmpty();
        assertThat(comparedPerFunction.getOrDefault("histogram_quantile", 0)).isGreaterThanOrEqualTo(8);
    }

    @Test
    void kernelsReproduceTheUpstreamFunctionsScript() throws IOException {
        Path script = sharedDir().resolve("promql-testdata/v3.9.1/functions.test");
        replay(Files.readAllLines(script));
        System.out.println("functions.test evals cross-checked per function: " + comparedPerFunction);
        assertThat(mismatches).isEmpty();
        int compared = comparedPerFunction.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(compared).as("evals compared").isGreaterThanOrEqualTo(60);
        assertThat(comparedPerFunction).containsKeys("rate", "increase", "delta", "irate", "idelta", "deriv",
                "predict_linear", "resets", "changes", "avg_over_time", "quantile_over_time",
                "double_exponential_smoothing", "stddev_over_time", "mad_over_time");
    }

    private static Path sharedDir() {
        String dir = System.getProperty("thanosjava.shared.dir");
        return dir != null ? Path.of(dir) : Path.of("..", "shared");
    }

    private void replay(List<String> lines) {
        Map<String, Series> series = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.equals("clear")) {
                series.clear();
                nativeHistogramsDerived = false;
            } else if (line.startsWith("load ") || line.startsWith("load_with_nhcb ")) {
                nativeHistogramsDerived |= line.startsWith("load_with_nhcb ");
                long interval = durationMs(line.substring(line.indexOf(' ') + 1).trim());
                while (i + 1 < lines.size() && isIndented(lines.get(i + 1))) {
                    Series s = Series.parse(lines.get(++i).trim(), interval);
                    series.put(s.labels.toString(), s);
                }
            } else if (line.startsWith("eval instant at ")) {
                List<String> body = new ArrayList<>();
                while (i + 1 < lines.size() && isIndented(lines.get(i + 1))) {
                    body.add(lines.get(++i).trim());
                }
                checkEval(line, body, series);
            }
        }
    }

    private static boolean isIndented(String line) {
        return !line.isEmpty() && Character.isWhitespace(line.charAt(0)) && !line.trim().isEmpty() && !line.trim().startsWith("#");
    }

    private void checkEval(String line, List<String> body, Map<String, Series> allSeries) {
        Matcher eval = EVAL.matcher(line);
        if (!eval.matches() || !isOneCall(eval.group(3)) || body.stream().anyMatch(b -> b.startsWith("expect fail") || b.startsWith("expect warn"))) {
            return;
        }
        long evalTime = durationMs(eval.group(1));
        String function = eval.group(2);
        List<String> args = splitArgs(eval.group(3));
        if (function.equals("histogram_quantile")) {
            checkHistogramQuantile(line, evalTime, args, body, allSeries);
            return;
        }
        Kernel kernel = Kernel.forCall(function, args);
        if (kernel == null) {
            return;
        }
        Matcher sel = SELECTOR.matcher(args.get(kernel.selectorArg).trim());
        if (!sel.matches()) {
            return;
        }
        Map<String, String> matchers = new TreeMap<>();
        if (sel.group(1) != null) {
            matchers.put("__name__", sel.group(1));
        }
        if (sel.group(2) != null && !parseEqualityMatchers(sel.group(2), matchers)) {
            return;
        }
        long range = durationMs(sel.group(3));
        long at = evalTime;
        long offset = 0;
        String[] modifiers = sel.group(4).trim().split("\\s+");
        for (int m = 0; m + 1 < modifiers.length; m += 2) {
            if (modifiers[m].equals("offset")) {
                offset = durationMs(modifiers[m + 1]);
            } else {
                at = (long) (Double.parseDouble(modifiers[m + 1]) * 1000);
            }
        }
        long rangeEnd = at - offset;
        long rangeStart = rangeEnd - range;

        Map<String, Double> actual = new TreeMap<>();
        for (Series s : allSeries.values()) {
            if (!s.matches(matchers)) {
                continue;
            }
            Window w = s.window(rangeStart, rangeEnd);
            if (w.sawHistogram) {
                return;
            }
            if (w.size() < kernel.minSamples) {
                continue;
            }
            // predict_linear takes its intercept at the step time, even under @.
            double value = kernel.apply(w, rangeStart, rangeEnd, evalTime);
            String labels = kernel.keepsName ? s.labels.toString() : s.labels.withoutMetricName().toString();
            actual.put(labels, value);
        }
        if (actual.isEmpty() && nativeHistogramsDerived) {
            return;
        }
        compare(line, function, body, actual);
    }

    private void compare(String line, String function, List<String> body, Map<String, Double> actual) {
        Map<String, Double> expected = new TreeMap<>();
        for (String b : body) {
            if (b.startsWith("expect") || b.startsWith("#")) {
                continue;
            }
            Matcher e = EXPECTED.matcher(b);
            if (!e.matches()) {
                return;
            }
            io.thanosjava.model.Labels.Builder lb = io.thanosjava.model.Labels.builder();
            if (e.group(1) != null) {
                lb.set("__name__", e.group(1));
            }
            if (e.group(2) != null) {
                Map<String, String> labels = new TreeMap<>();
                if (!parseEqualityMatchers(e.group(2), labels)) {
                    return;
                }
                labels.forEach(lb::set);
            }
            expected.put(lb.build().toString(), parseValue(e.group(3)));
        }
        comparedPerFunction.merge(function, 1, Integer::sum);
        if (!expected.keySet().equals(actual.keySet())) {
            mismatches.add(line + ": series " + actual.keySet() + " expected " + expected.keySet());
            return;
        }
        expected.forEach((labels, want) -> {
            double got = actual.get(labels);
            if (!almostEqual(want, got)) {
                mismatches.add(line + " " + labels + ": got " + got + " expected " + want);
            }
        });
    }

    /**
     * {@code histogram_quantile(φ, selector)} over classic buckets selected as an instant vector
     * (newest sample within the 5 m lookback), grouped by all labels but {@code le} and the name.
     */
    private void checkHistogramQuantile(String line, long evalTime, List<String> args, List<String> body,
                                        Map<String, Series> allSeries) {
        if (args.size() != 2 || !Kernel.isNumber(args.get(0))) {
            return;
        }
        Matcher sel = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)?(\\{[^}]*\\})?$").matcher(args.get(1).trim());
        if (!sel.matches()) {
            return;
        }
        Map<String, String> matchers = new TreeMap<>();
        if (sel.group(1) != null) {
            matchers.put("__name__", sel.group(1));
        }
        if (sel.group(2) != null && !parseEqualityMatchers(sel.group(2), matchers)) {
            return;
        }
        Map<String, List<double[]>> groups = new TreeMap<>();
        for (Series s : allSeries.values()) {
            if (!s.matches(matchers)) {
                continue;
            }
            Window w = s.window(evalTime - 300_000, evalTime);
            if (w.sawHistogram) {
                return;
            }
            String le = s.labels.get("le");
            if (w.size() == 0 || le == null) {
                continue;
            }
            String group = s.labels.without("__name__", "le").toString();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new double[] {parseValue(le), w.vs[w.n - 1]});
        }
        if (groups.isEmpty()) {
            return;
        }
        double phi = parseValue(args.get(0));
        BucketQuantile quantile = new BucketQuantile();
        Map<String, Double> actual = new TreeMap<>();
        groups.forEach((group, buckets) -> {
            double[] bounds = new double[buckets.size()];
            double[] counts = new double[buckets.size()];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = buckets.get(i)[0];
                counts[i] = buckets.get(i)[1];
            }
            actual.put(group, quantile.compute(phi, bounds, counts, bounds.length));
        });
        compare(line, "histogram_quantile", body, actual);
    }

    private static boolean almostEqual(double a, double b) {
        return BucketQuantile.almostEqual(a, b, 1e-6);
    }

    private static boolean parseEqualityMatchers(String braces, Map<String, String> out) {
        String inner = braces.substring(1, braces.length() - 1).trim();
        Matcher m = MATCHER.matcher(inner);
        int pos = 0;
        while (pos < inner.length()) {
            if (!m.find(pos) || m.start() != pos || !m.group(2).equals("=") || out.containsKey(m.group(1))) {
                return false;
            }
            out.put(m.group(1), m.group(3).replace("\\\"", "\"").replace("\\\\", "\\"));
            pos = m.end();
        }
        return true;
    }

    /** Whether the text inside the call's parentheses never closes them early (so the whole line is one call). */
    private static boolean isOneCall(String args) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"' && (i == 0 || args.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static List<String> splitArgs(String args) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"' && (i == 0 || args.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(args.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(args.substring(start).trim());
        return out;
    }

    static long durationMs(String text) {
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return Math.round(Double.parseDouble(text) * 1000);
        }
        Matcher m = DURATION_PART.matcher(text);
        long total = 0;
        int pos = 0;
        while (m.find() && m.start() == pos) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms": total += n; break;
                case "s": total += n * 1000; break;
                case "m": total += n * 60_000; break;
                case "h": total += n * 3_600_000; break;
                case "d": total += n * 86_400_000; break;
                case "w": total += n * 604_800_000; break;
                default: total += n * 31_536_000_000L; break;
            }
            pos = m.end();
        }
        if (pos != text.length()) {
            throw new IllegalArgumentException("bad duration " + text);
        }
        return total;
    }

    static double parseValue(String text) {
        switch (text.toLowerCase()) {
            case "inf": case "+inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "nan": return Double.NaN;
            default: return Double.parseDouble(text);
        }
    }

    /** One window of float samples; histogram positions only raise a flag. */
    private static final class Window {
        final long[] ts;
        final double[] vs;
        final int n;
        final boolean sawHistogram;

        Window(long[] ts, double[] vs, int n, boolean sawHistogram) {
            this.ts = ts;
            this.vs = vs;
            this.n = n;
            this.sawHistogram = sawHistogram;
        }

        int size() {
            return n;
        }
    }

    private static final class Series {
        final io.thanosjava.model.Labels labels;
        final List<Long> times = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        final List<Boolean> histogram = new ArrayList<>();

        private Series(io.thanosjava.model.Labels labels) {
            this.labels = labels;
        }

        static Series parse(String line, long interval) {
            int whitespace = 0;
            while (whitespace < line.length() && !Character.isWhitespace(line.charAt(whitespace))) {
                whitespace++;
            }
            int brace = line.indexOf('{');
            int split = brace >= 0 && brace < whitespace ? line.indexOf('}', brace) + 1 : whitespace;
            String metric = line.substring(0, split).trim();
            String rest = line.substring(split).trim();
            io.thanosjava.model.Labels.Builder lb = io.thanosjava.model.Labels.builder();
            int open = metric.indexOf('{');
            String name = open < 0 ? metric : metric.substring(0, open);
            if (!name.isEmpty()) {
                lb.set("__name__", name);
            }
            if (open >= 0) {
                Map<String, String> labels = new TreeMap<>();
                parseEqualityMatchers(metric.substring(open), labels);
                labels.forEach(lb::set);
            }
            Series s = new Series(lb.build());
            int position = 0;
            for (String token : tokenize(rest)) {
                position = s.expand(token, position, interval);
            }
            return s;
        }

        private static List<String> tokenize(String values) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < values.length()) {
                if (Character.isWhitespace(values.charAt(i))) {
                    i++;
                    continue;
                }
                int end = i;
                if (values.startsWith("{{", i)) {
                    end = values.indexOf("}}", i) + 2;
                }
                while (end < values.length() && !Character.isWhitespace(values.charAt(end))) {
                    if (values.startsWith("{{", end)) {
                        end = values.indexOf("}}", end) + 2;
                    } else {
                        end++;
                    }
                }
                out.add(values.substring(i, end));
                i = end;
            }
            return out;
        }

        private int expand(String token, int position, long interval) {
            if (token.startsWith("{{")) {
                int x = token.lastIndexOf("}}x");
                int copies = x >= 0 && token.substring(x + 3).matches("\\d+") ? Integer.parseInt(token.substring(x + 3)) + 1 : 1;
                for (int k = 0; k < copies; k++) {
                    add(position++, interval, Double.NaN, true);
                }
                return position;
            }
            if (token.equals("_")) {
                return position + 1;
            }
            if (token.startsWith("_x")) {
                return position + Integer.parseInt(token.substring(2));
            }
            if (token.equals("stale")) {
                return position + 1;
            }
            Matcher m = Pattern.compile("^([-+]?[^-+x]+(?:e[-+]?\\d+)?)(?:([-+])([^x]+))?x(\\d+)$").matcher(token);
            if (!m.matches()) {
                add(position++, interval, parseValue(token), false);
                return position;
            }
            double value = parseValue(m.group(1));
            double step = m.group(3) == null ? 0 : parseValue(m.group(3));
            boolean minus = "-".equals(m.group(2));
            int count = Integer.parseInt(m.group(4)) + 1;
            for (int k = 0; k < count; k++) {
                add(position++, interval, value, false);
                value = minus ? value - step : value + step;
            }
            return position;
        }

        private void add(int position, long interval, double value, boolean isHistogram) {
            times.add(position * interval);
            values.add(value);
            histogram.add(isHistogram);
        }

        boolean matches(Map<String, String> matchers) {
            for (Map.Entry<String, String> m : matchers.entrySet()) {
                if (!labels.getOrEmpty(m.getKey()).equals(m.getValue())) {
                    return false;
                }
            }
            return true;
        }

        Window window(long rangeStart, long rangeEnd) {
            long[] ts = new long[times.size()];
            double[] vs = new double[times.size()];
            int n = 0;
            boolean sawHistogram = false;
            for (int i = 0; i < times.size(); i++) {
                long t = times.get(i);
                if (t > rangeStart && t <= rangeEnd) {
                    if (histogram.get(i)) {
                        sawHistogram = true;
                    } else {
                        ts[n] = t;
                        vs[n++] = values.get(i);
                    }
                }
            }
            return new Window(ts, vs, n, sawHistogram);
        }
    }

    /** The kernel behind one PromQL function call shape. */
    private abstract static class Kernel {
        final int selectorArg;
        final int minSamples;
        final boolean keepsName;

        Kernel(int selectorArg, int minSamples, boolean keepsName) {
            this.selectorArg = selectorArg;
            this.minSamples = minSamples;
            this.keepsName = keepsName;
        }

        abstract double apply(Window w, long rangeStart, long rangeEnd, long evalTime);

        static Kernel forCall(String function, List<String> args) {
            switch (function) {
                case "rate": return simple(args, 2, (w, s, e, t) -> Rates.extrapolatedRate(w.ts, w.vs, 0, w.n, s, e, true, true));
                case "increase": return simple(args, 2, (w, s, e, t) -> Rates.extrapolatedRate(w.ts, w.vs, 0, w.n, s, e, true, false));
                case "delta": return simple(args, 2, (w, s, e, t) -> Rates.extrapolatedRate(w.ts, w.vs, 0, w.n, s, e, false, false));
                case "irate": return simple(args, 2, (w, s, e, t) -> Rates.irate(w.ts, w.vs, 0, w.n));
                case "idelta": return simple(args, 2, (w, s, e, t) -> Rates.idelta(w.ts, w.vs, 0, w.n));
                case "deriv": return simple(args, 2, (w, s, e, t) -> LinearRegression.deriv(w.ts, w.vs, 0, w.n));
                case "resets": return simple(args, 1, (w, s, e, t) -> OverTime.resets(w.vs, 0, w.n));
                case "changes": return simple(args, 1, (w, s, e, t) -> OverTime.changes(w.vs, 0, w.n));
                case "sum_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.sum(w.vs, 0, w.n));
                case "avg_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.avg(w.vs, 0, w.n));
                case "min_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.min(w.vs, 0, w.n));
                case "max_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.max(w.vs, 0, w.n));
                case "count_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.count(0, w.n));
                case "stddev_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.stddev(w.vs, 0, w.n));
                case "stdvar_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.stdvar(w.vs, 0, w.n));
                case "present_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.present(0, w.n));
                case "mad_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.medianAbsoluteDeviation(w.vs, 0, w.n, new double[w.n]));
                case "ts_of_min_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.timestampOfMin(w.ts, w.vs, 0, w.n));
                case "ts_of_max_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.timestampOfMax(w.ts, w.vs, 0, w.n));
                case "ts_of_first_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.timestampOfFirst(w.ts, 0, w.n));
                case "ts_of_last_over_time": return simple(args, 1, (w, s, e, t) -> OverTime.timestampOfLast(w.ts, 0, w.n));
                case "last_over_time": return args.size() == 1 ? of(0, 1, true, (w, s, e, t) -> OverTime.last(w.vs, 0, w.n)) : null;
                case "first_over_time": return args.size() == 1 ? of(0, 1, true, (w, s, e, t) -> OverTime.first(w.vs, 0, w.n)) : null;
                case "quantile_over_time": {
                    if (args.size() != 2 || !isNumber(args.get(0))) {
                        return null;
                    }
                    double phi = parseValue(args.get(0));
                    return of(1, 1, false, (w, s, e, t) -> OverTime.quantile(phi, w.vs, 0, w.n, new double[w.n]));
                }
                case "predict_linear": {
                    if (args.size() != 2) {
                        return null;
                    }
                    String d = args.get(1);
                    if (!isNumber(d) && !d.matches("(\\d+(ms|s|m|h|d|w|y))+")) {
                        return null;
                    }
                    double seconds = isNumber(d) ? parseValue(d) : durationMs(d) / 1000.0;
                    return of(0, 2, false, (w, s, e, t) -> LinearRegression.predictLinear(w.ts, w.vs, 0, w.n, t, seconds));
                }
                case "double_exponential_smoothing": {
                    if (args.size() != 3 || !isNumber(args.get(1)) || !isNumber(args.get(2))) {
                        return null;
                    }
                    double sf = parseValue(args.get(1));
                    double tf = parseValue(args.get(2));
                    DoubleExponentialSmoothing.validateFactors(sf, tf);
                    return of(0, 2, false, (w, s, e, t) -> DoubleExponentialSmoothing.smooth(w.vs, 0, w.n, sf, tf));
                }
                default: return null;
            }
        }

        private static boolean isNumber(String s) {
            return s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)(e[-+]?\\d+)?|[-+]?(?i:inf|nan)");
        }

        private static Kernel simple(List<String> args, int minSamples, Body body) {
            return args.size() == 1 ? of(0, minSamples, false, body) : null;
        }

        private static Kernel of(int selectorArg, int minSamples, boolean keepsName, Body body) {
            return new Kernel(selectorArg, minSamples, keepsName) {
                @Override
                double apply(Window w, long rangeStart, long rangeEnd, long evalTime) {
                    return body.apply(w, rangeStart, rangeEnd, evalTime);
                }
            };
        }
    }

    @FunctionalInterface
    private interface Body {
        double apply(Window w, long rangeStart, long rangeEnd, long evalTime);
    }
}
