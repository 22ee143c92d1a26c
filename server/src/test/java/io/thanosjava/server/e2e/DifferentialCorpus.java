package io.thanosjava.server.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The queries of the differential suite, generated from templates over {@link DifferentialData}'s
 * metrics: every PromQL function family, aggregations, binary operators and vector matching,
 * subqueries, {@code offset} and {@code @}, each asked as an instant and as a range query, plus
 * series, labels and label-values requests.
 *
 * <p>Avoiding the Prometheus 2.42 vs 3.x differences: every evaluation time is a whole second
 * (samples never are, so no window or lookback boundary holds a sample); every time is 7 s past a
 * multiple of 20 s while subquery steps, ranges and offsets are multiples of 20 s, so no subquery
 * range starts on an inner step; no {@code holt_winters}, no function or syntax missing in 2.42,
 * no {@code lookback_delta} or {@code limit} parameters, no NaN or infinite inputs to
 * {@code stddev}/{@code stdvar}/{@code topk}/{@code bottomk}, no {@code @} with
 * {@code predict_linear}, no {@code le} matched by string, no {@code histogram_fraction}.
 */
final class DifferentialCorpus {
    /** A request path with its query string, and what it is for messages. */
    record Request(String pathAndQuery, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    static final String C = "gen_requests_total";
    static final String G = "gen_temperature_celsius";
    static final String B = "gen_request_duration_seconds_bucket";
    static final String H_SUM = "gen_request_duration_seconds_sum";
    static final String H_COUNT = "gen_request_duration_seconds_count";

    private static final String[] COUNTERS = {C, C + "{code=\"500\"}", C + "{job=~\"job-[01]\"}", H_COUNT, B + "{job=\"job-2\"}"};
    private static final String[] GAUGES = {G, G + "{instance!=\"host-0:9100\"}", G + "{job=~\"job-1|job-2\"}"};

    /** PromQL expressions; {@code %c} a counter selector, {@code %g} a gauge selector. */
    private static final String[] TEMPLATES = {
        // range functions on counters
        "rate(%c[5m])", "increase(%c[10m])", "irate(%c[2m])", "resets(%c[20m])", "changes(%c[15m])",
        "rate(%c[1m])", "increase(%c[5m] offset 10m)", "rate(%c[5m] offset -5m)",
        // range functions on gauges
        "delta(%g[10m])", "idelta(%g[3m])", "deriv(%g[10m])", "predict_linear(%g[10m], 600)",
        "avg_over_time(%g[10m])", "min_over_time(%g[7m])", "max_over_time(%g[7m])", "sum_over_time(%g[5m])",
        "count_over_time(%g[10m])", "quantile_over_time(0.3, %g[10m])", "quantile_over_time(0.95, %g[20m])",
        "stddev_over_time(%g[10m])", "stdvar_over_time(%g[10m])", "last_over_time(%g[10m])",
        "present_over_time(%g[2m])", "changes(%g[5m])", "absent_over_time(%g[1m])",
        "absent_over_time(nonexistent_metric[5m])",
        // instant-vector math
        "abs(%g)", "ceil(%g)", "floor(%g)", "round(%g)", "round(%g, 0.5)", "exp(%g / 10)", "ln(abs(%g) + 1)",
        "log2(abs(%g) + 1)", "log10(abs(%g) + 1)", "sqrt(abs(%g))", "sgn(%g)", "clamp(%g, -5, 5)",
        "clamp_min(%g, 0)", "clamp_max(%g, 10)", "sin(%g)", "cos(%g)", "tan(%g)", "asin(clamp(%g / 40, -1, 1))",
        "acos(clamp(%g / 40, -1, 1))", "atan(%g)", "sinh(%g / 10)", "cosh(%g / 10)", "tanh(%g)",
        "asinh(%g)", "acosh(abs(%g) + 1)", "atanh(clamp(%g / 50, -0.9, 0.9))", "deg(%g)", "rad(%g)", "-%g",
        // labels, types, time
        "timestamp(%g)", "absent(nonexistent_metric)", "absent(%g)", "scalar(sum(%g))", "vector(1)", "time()",
        "sort(%g)", "sort_desc(%g)", "label_replace(%g, \"host\", \"$1\", \"instance\", \"(.*):.*\")",
        "label_join(%g, \"jobinst\", \"/\", \"job\", \"instance\")", "minute()", "hour(timestamp(%g))",
        "day_of_week()", "day_of_month(timestamp(%g))", "days_in_month()", "month()", "year(timestamp(%g))",
        "day_of_year()", "pi()", "scalar(%g)",
        // histograms
        "histogram_quantile(0.9, sum by (le, job) (rate(" + B + "[5m])))",
        "histogram_quantile(0.5, rate(" + B + "[10m]))",
        "histogram_quantile(0.99, sum by (le) (increase(" + B + "[15m])))",
        "rate(" + H_SUM + "[5m]) / rate(" + H_COUNT + "[5m])",
        // aggregations
        "sum(%g)", "sum by (job) (rate(%c[5m]))", "sum without (instance) (rate(%c[5m]))", "avg by (instance) (%g)",
        "min by (job) (%g)", "max without (job) (%g)", "count by (job) (%c)", "stddev by (job) (%g)",
        "stdvar(%g)", "group by (job) (%c)", "topk(2, %g)", "bottomk(3, rate(%c[5m]))", "topk by (job) (1, %g)",
        "quantile(0.5, %g)", "quantile by (job) (0.9, rate(%c[5m]))", "count_values(\"value\", round(%g))",
        "count_values by (job) (\"bucket\", floor(%g / 10))", "avg(rate(%c[5m]))", "sum(%c) by (code)",
        // binary operators and matching
        "%g + 1", "2 * %g", "%g - %g", "%g / 3", "%g %% 7", "%g ^ 2", "1 - %g", "%g * on (job, instance) %g",
        "rate(%c[5m]) / on (job, instance) group_left %g",
        "%g / ignoring (code) group_right sum without () (rate(" + C + "[5m]))",
        "rate(" + C + "{code=\"500\"}[5m]) / ignoring (code) rate(" + C + "{code=\"200\"}[5m])",
        "sum by (job) (rate(%c[5m])) / on (job) group_left sum by (job, instance) (rate(%c[5m]))",
        "%g > 10", "%g < bool 0", "%g >= %g", "%g == bool %g", "%g != 5", "rate(%c[5m]) > bool 1",
        "%g and %g > 0", "%g or vector(3)", "%g unless %g < 0", "%c and on (job) %g", "%g or on (instance) %c",
        "1 + 2 * 3", "(%g > 0) * 2",
        // subqueries, offset, @
        "max_over_time(rate(%c[5m])[20m:1m])", "avg_over_time(%g[30m:20s])", "min_over_time(%g[10m:40s] offset 5m)",
        "sum_over_time(deriv(%g[5m])[20m:2m])", "%g offset 5m", "%g offset 1h", "rate(%c[5m] offset 20m)",
        "%g @ start()", "%g @ end()", "rate(%c[5m] @ end())", "%g @ 1794963607", "avg_over_time(%g[10m] @ start())",
        "sum(%g offset 10m) - sum(%g)", "max_over_time(%g[5m] @ 1794962007 offset 1m)",
    };

    private DifferentialCorpus() {
    }

    /** Instant and range queries over every template and selector combination. */
    static List<Request> queries(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Request> out = new ArrayList<>();
        long afterEnd = DifferentialData.END / 1000 + 7;
        for (String metric : new String[] {C, G, B, H_SUM, H_COUNT}) {
            // every raw sample: the deduplicated union of the replicas must be exactly Prometheus' data
            out.add(new Request("/api/v1/query?" + param("query", metric + "[2h1m]") + "&time=" + afterEnd,
                    "raw samples " + metric));
        }
        int n = 0;
        for (String template : TEMPLATES) {
            int variants = template.contains("%c") || template.contains("%g") ? 2 : 1;
            for (int v = 0; v < variants; v++, n++) {
                String expr = template.replace("%c", COUNTERS[n % COUNTERS.length])
                        .replace("%g", GAUGES[n % GAUGES.length]).replace("%%", "%");
                long t = time(r, 600, 7200);
                out.add(new Request("/api/v1/query?" + param("query", expr) + "&time=" + t, "instant " + expr + " @" + t));
                long start = time(r, 300, 4800);
                long end = start + 20 * (60 + r.nextInt(60));
                long step = 20L * (1 + r.nextInt(6));
                out.add(new Request("/api/v1/query_range?" + param("query", expr) + "&start=" + start + "&end=" + end
                        + "&step=" + step, "range " + expr + " [" + start + ", " + end + "] step " + step));
            }
        }
        return out;
    }

    /** series, labels and label-values requests with match[] and time ranges. */
    static List<Request> metadata(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] matchers = {C, G + "{job=\"job-1\"}", "{__name__=~\"gen_request_duration.*\",instance=\"host-1:9100\"}",
            B + "{le=~\"0.*\"}", "{job=~\"job-[02]\",__name__!=\"" + B + "\"}", "nonexistent_metric"};
        String[] names = {"job", "instance", "code", "le", "__name__", "nonexistent"};
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < matchers.length; i++) {
            long start = time(r, 0, 6000);
            String range = "&start=" + start + "&end=" + (start + 1200);
            String match = param("match[]", matchers[i]);
            out.add(new Request("/api/v1/series?" + match + range, "series " + matchers[i] + range));
            out.add(new Request("/api/v1/labels?" + match + range, "labels " + matchers[i] + range));
            out.add(new Request("/api/v1/label/" + names[i] + "/values?" + match + range,
                    "label values " + names[i] + " " + matchers[i] + range));
            out.add(new Request("/api/v1/label/" + names[i] + "/values" + "?" + range.substring(1),
                    "label values " + names[i] + range));
        }
        out.add(new Request("/api/v1/series?" + param("match[]", C) + "&" + param("match[]", G + "{job=\"job-0\"}"),
                "series, two match[]"));
        return out;
    }

    /** A whole second, 7 s past a multiple of 20 s, between {@code from} and {@code to} seconds into the data. */
    static long time(SplittableRandom r, int from, int to) {
        return DifferentialData.START / 1000 + from + 20L * r.nextInt((to - from) / 20) + 7;
    }

    static String param(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
