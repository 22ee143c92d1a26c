package io.thanosjava.engine.promqltest;

import io.thanosjava.engine.CancelHandle;
import io.thanosjava.engine.QueryEngine;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.QueryOptions;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.Value;
import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ParseException;
import io.thanosjava.promql.ParserOptions;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes one {@code .test} script (Prometheus' promqltest language, plus Thanos' {@code store}
 * directive) and reports the outcome of every eval, keyed by line number.
 */
final class ScriptRunner {
    private static final Pattern INSTANT = Pattern.compile("(?i)^eval(?:_(fail|warn|info|ordered))?\\s+instant\\s+at\\s+(\\S+)\\s+(.+)$");
    private static final Pattern RANGE = Pattern.compile(
            "(?i)^eval(?:_(fail|warn|info|ordered))?\\s+range\\s+from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)\\s+(.+)$");
    private static final Pattern RANGE_VECTOR = Pattern.compile("^expect range vector from (\\S+) to (\\S+) step (\\S+)$");
    private static final Pattern STORE = Pattern.compile("^store\\s+(\\{.*\\})\\s+(\\S+)\\s+(\\S+)$");

    /** Outcome of one eval. */
    record Outcome(int line, boolean passed, String detail) {
    }

    private final QueryEngine engine;
    private final QueryOptions options;
    private final ParserOptions parserOptions;
    private final SeriesData data = new SeriesData();
    private final List<Outcome> outcomes = new ArrayList<>();

    ScriptRunner(QueryOptions options, ParserOptions parserOptions) {
        this.options = options;
        this.engine = new QueryEngine(options);
        this.parserOptions = parserOptions;
    }

    List<Outcome> run(List<String> rawLines) {
        List<String> lines = new ArrayList<>(rawLines.size());
        for (String l : rawLines) {
            String t = l.trim();
            lines.add(t.startsWith("#") ? "" : t);
        }
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).isEmpty()) {
                end++;
            }
            List<String> body = lines.subList(i + 1, end);
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.equals("clear") || lower.startsWith("store")) {
                // one-line commands: the next line starts a new block even without a blank line
                if (lower.equals("clear")) {
                    data.clear();
                } else {
                    store(line);
                }
                i++;
                continue;
            } else if (lower.startsWith("load")) {
                load(line, body);
            } else if (lower.startsWith("eval")) {
                outcomes.add(eval(i + 1, line, body));
            } else {
                throw new IllegalArgumentException("line " + (i + 1) + ": invalid command \"" + line + "\"");
            }
            i = end;
        }
        return outcomes;
    }

    private void store(String line) {
        Matcher m = STORE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad store directive: " + line);
        }
        data.startStore(ScriptDuration.parseMillis(m.group(2)), ScriptDuration.parseMillis(m.group(3)));
    }

    private void load(String line, List<String> body) {
        String[] parts = line.split("\\s+");
        long interval = ScriptDuration.parseMillis(parts[1]);
        for (String l : body) {
            String[] sv = splitSeries(l);
            if (sv[1].startsWith("@st") || sv[0].endsWith("@st")) {
                continue; // start timestamps (newer than 3.9.1) are not modelled
            }
            Labels labels = parseLabels(sv[0]);
            List<Double> values;
            try {
                values = ValueSequence.parse(sv[1]);
            } catch (ValueSequence.HistogramLiteralException e) {
                continue; // native histograms are out of scope: evals over them fail and are listed
            }
            data.add(labels, values, interval);
        }
    }

    /** Splits {@code name{labels} values} into the series and the values text. */
    static String[] splitSeries(String line) {
        int i = 0;
        boolean inQuotes = false;
        int depth = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                }
            } else if (c == '"') {
                inQuotes = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    i++;
                    break;
                }
            } else if (Character.isWhitespace(c) && depth == 0) {
                break;
            }
            i++;
        }
        return new String[] {line.substring(0, i).trim(), line.substring(i).trim()};
    }

    static Labels parseLabels(String series) {
        if (series.replace(" ", "").equals("{}")) {
            return Labels.empty();
        }
        VectorSelector vs = PromqlParser.parseSeriesSelector(series);
        Labels.Builder b = Labels.builder();
        for (LabelMatcher m : vs.matchers()) {
            b.set(m.name(), m.value());
        }
        return b.build();
    }

    private Outcome eval(int lineNo, String line, List<String> body) {
        try {
            return evalChecked(lineNo, line, body);
        } catch (RuntimeException e) {
            return new Outcome(lineNo, false, "runner/engine crash: " + e);
        }
    }

    private Outcome evalChecked(int lineNo, String line, List<String> body) {
        Expectations ex = new Expectations();
        boolean range;
        long start;
        long end;
        long step;
        String expr;
        Matcher mi = INSTANT.matcher(line);
        Matcher mr = RANGE.matcher(line);
        String legacy;
        if (mi.matches()) {
            range = false;
            legacy = mi.group(1);
            start = end = ScriptDuration.parseMillis(mi.group(2));
            step = 0;
            expr = mi.group(3);
        } else if (mr.matches()) {
            range = true;
            legacy = mr.group(1);
            start = ScriptDuration.parseMillis(mr.group(2));
            end = ScriptDuration.parseMillis(mr.group(3));
            step = ScriptDuration.parseMillis(mr.group(4));
            expr = mr.group(5);
        } else {
            throw new IllegalArgumentException("line " + lineNo + ": bad eval command: " + line);
        }
        if (legacy != null) {
            ex.legacy(legacy.toLowerCase(Locale.ROOT));
        }
        for (String l : body) {
            parseBodyLine(l, ex, range);
        }
        Expr parsed;
        try {
            parsed = PromqlParser.parseExpr(expr, parserOptions);
        } catch (ParseException e) {
            String problem = ex.checkError(e.getMessage());
            return new Outcome(lineNo, problem == null, problem == null ? "" : problem);
        }
        String problem = check(parsed, expr, range, start, end, step, ex);
        if (problem == null && !range) {
            for (long at : AtModifierVariants.times(parsed, start)) {
                problem = check(AtModifierVariants.pin(parsed, start), expr, false, at, at, 0, ex);
                if (problem != null) {
                    problem = "with every selector @ " + start + "ms, evaluated at " + at + "ms: " + problem;
                    break;
                }
            }
        }
        return new Outcome(lineNo, problem == null, problem == null ? "" : problem);
    }

    /** The eval itself and, for instant evals, its check as the middle step of a range query. */
    private String check(Expr parsed, String text, boolean range, long start, long end, long step, Expectations ex) {
        String problem = runAndCompare(parsed, range, start, end, step, ex);
        if (problem == null && !range && ex.rangeModeCheck(text)) {
            problem = rangeModeCheck(parsed, start, ex);
        }
        return problem;
    }

    private void parseBodyLine(String l, Expectations ex, boolean range) {
        if (l.startsWith("expect ")) {
            Matcher rv = RANGE_VECTOR.matcher(l);
            if (rv.matches()) {
                ex.rangeVector = new long[] {ScriptDuration.parseMillis(rv.group(1)), ScriptDuration.parseMillis(rv.group(2)),
                        ScriptDuration.parseMillis(rv.group(3))};
                return;
            }
            if (l.startsWith("expect string ")) {
                ex.string = unquote(l.substring("expect string ".length()).trim());
                return;
            }
            ex.expect(l.substring("expect ".length()).trim());
            return;
        }
        if (l.startsWith("expected_fail_message ") || l.startsWith("expected_fail_regexp ")) {
            ex.expect(l.startsWith("expected_fail_message ") ? "fail msg: " + l.substring(22) : "fail regex: " + l.substring(21));
            return;
        }
        Double scalar = scalarLine(l);
        if (scalar != null) {
            ex.scalar = scalar;
            return;
        }
        String[] sv = splitSeries(l);
        Labels labels = parseLabels(sv[0]);
        List<Double> values;
        try {
            values = ValueSequence.parse(sv[1]);
        } catch (ValueSequence.HistogramLiteralException e) {
            ex.histogramExpected = true;
            return;
        }
        ex.series.put(labels, values);
        ex.order.add(labels);
    }

    private static Double scalarLine(String l) {
        if (l.contains("{") || l.contains(" ")) {
            return null;
        }
        try {
            String s = l.toLowerCase(Locale.ROOT);
            if (s.startsWith("0x") || s.startsWith("-0x")) {
                return (double) Long.decode(l);
            }
            return ValueSequence.number(l);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
            String body = s.substring(1, s.length() - 1);
            return s.startsWith("`") ? body : body.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
        }
        return s;
    }

    private Queryable queryable() {
        return data.queryable();
    }

    /** Runs the query and compares; returns null when it matches the expectations, else what differed. */
    private String runAndCompare(Expr expr, boolean range, long start, long end, long step, Expectations ex) {
        QueryResult res;
        try {
            res = range ? engine.rangeQuery(queryable(), expr, start, end, step, options, new CancelHandle())
                    : engine.instantQuery(queryable(), expr, start, options, new CancelHandle());
        } catch (QueryException e) {
            return ex.checkError(e.getMessage());
        }
        if (ex.fail) {
            return "expected error" + (ex.failMessage != null ? " \"" + ex.failMessage + "\"" : "") + " but got a result";
        }
        String annotations = ex.checkAnnotations(res.warnings(), res.infos());
        if (annotations != null) {
            return annotations;
        }
        if (ex.histogramExpected) {
            return "expected a native histogram result";
        }
        return ResultComparison.compare(res.value(), ex, range, start, step);
    }

    private String rangeModeCheck(Expr expr, long t, Expectations ex) {
        Value.Matrix m;
        try {
            m = (Value.Matrix) engine.rangeQuery(queryable(), expr, t - 60_000, t + 60_000, 60_000, options, new CancelHandle()).value();
        } catch (QueryException e) {
            return "range mode: " + e.getMessage();
        }
        List<Labels> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Value.Series s : m.series()) {
            for (int i = 0; i < s.timestamps().length; i++) {
                if (s.timestamps()[i] == t) {
                    labels.add(s.labels());
                    values.add(s.values()[i]);
                }
            }
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        Value asInstant = ex.scalar != null && v.length > 0 ? new Value.Scalar(t, v[0]) : new Value.Vector(t, labels, v);
        String p = ResultComparison.compare(asInstant, ex, false, t, 0);
        return p == null ? null : "range mode: " + p;
    }

    /** Series loaded so far, optionally split into Thanos-style stores with their own time ranges. */
    static final class SeriesData {
        private final List<long[]> storeRanges = new ArrayList<>();
        private final List<Map<Labels, List<double[]>>> stores = new ArrayList<>();
        private Queryable cached;

        SeriesData() {
            clear();
        }

        void clear() {
            storeRanges.clear();
            stores.clear();
            storeRanges.add(new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
            stores.add(new LinkedHashMap<>());
            cached = null;
        }

        void startStore(long mint, long maxt) {
            if (stores.size() == 1 && stores.get(0).isEmpty()) {
                storeRanges.clear();
                stores.clear();
            }
            storeRanges.add(new long[] {mint, maxt});
            stores.add(new LinkedHashMap<>());
            cached = null;
        }

        void add(Labels labels, List<Double> values, long interval) {
            Map<Labels, List<double[]>> store = stores.get(stores.size() - 1);
            List<double[]> samples = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    samples.add(new double[] {i * (double) interval, values.get(i)});
                }
            }
            store.computeIfAbsent(labels, k -> new ArrayList<>()).addAll(samples);
            cached = null;
        }

        Queryable queryable() {
            if (cached != null) {
                return cached;
            }
            List<Queryable> parts = new ArrayList<>();
            for (int s = 0; s < stores.size(); s++) {
                long[] r = storeRanges.get(s);
                InMemoryQueryable.Builder b = InMemoryQueryable.builder();
                for (Map.Entry<Labels, List<double[]>> e : stores.get(s).entrySet()) {
                    java.util.TreeMap<Long, Double> byTime = new java.util.TreeMap<>();
                    for (double[] sample : e.getValue()) {
                        long t = (long) sample[0];
                        if (t >= r[0] && t <= r[1]) {
                            byTime.put(t, sample[1]);
                        }
                    }
                    long[] ts = new long[byTime.size()];
                    double[] vs = new double[byTime.size()];
                    int i = 0;
                    for (Map.Entry<Long, Double> se : byTime.entrySet()) {
                        ts[i] = se.getKey();
                        vs[i++] = se.getValue();
                    }
                    b.add(e.getKey(), ts, vs);
                }
                parts.add(b.build());
            }
            cached = parts.size() == 1 ? parts.get(0) : new MergingQueryable(parts);
            return cached;
        }
    }
}
