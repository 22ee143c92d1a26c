package io.thanosjava.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.model.Labels;
import io.thanosjava.promql.ParserOptions;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine evaluates range queries over all steps at once; Prometheus defines them as independent
 * instant evaluations. For random data and queries, every step of a range query must equal the
 * instant query at that time, bit for bit.
 */
class RangeInstantConsistencyProperties {
    private static final long STEP = 15_000;
    private static final List<String> QUERIES = List.of(
            "x", "x offset 1m", "rate(x[1m])", "sum by (a) (x)", "avg(x)", "max_over_time(x[2m])",
            "x * on(a) group_left sum by (a) (x)", "x > 5", "x or y", "x unless y", "topk(2, x)",
            "count_values(\"v\", round(x))", "quantile(0.3, x)", "stddev by (a) (x)", "delta(y[90s])",
            "sum_over_time(x[1m:20s])", "last_over_time(x[3m]) - y", "absent(nonexistent)", "resets(x[5m])",
            "histogram_quantile(0.5, sum by (le) (y))", "label_replace(x, \"b\", \"$1\", \"a\", \"(.*)\")");

    @Provide
    Arbitrary<double[][]> data() {
        return Arbitraries.integers().between(-3, 20).map(i -> (double) i).array(double[].class).ofSize(40)
                .array(double[][].class).ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> query() {
        return Arbitraries.of(QUERIES);
    }

    @Property(tries = 60)
    void everyStepOfARangeQueryEqualsTheInstantQuery(@ForAll("data") double[][] series, @ForAll("query") String query,
                                                      @ForAll("gaps") long seed) {
        InMemoryQueryable.Builder b = InMemoryQueryable.builder();
        String[] le = {"1", "5", "+Inf"};
        for (int s = 0; s < series.length; s++) {
            long[] t = new long[series[s].length];
            for (int i = 0; i < t.length; i++) {
                t[i] = i * 20_000L + ((seed >> (i % 60)) & 1) * 7_000L; // irregular scrapes
            }
            String name = s % 2 == 0 ? "x" : "y";
            b.add(Labels.of("__name__", name, "a", Integer.toString(s % 3), "le", le[s % 3]), t, series[s]);
        }
        InMemoryQueryable q = b.build();
        QueryEngine engine = new QueryEngine(QueryOptions.DEFAULT.withExperimentalFunctions(true));
        Expr expr = PromqlParser.parseExpr(query, ParserOptions.EXPERIMENTAL);
        long start = 60_000;
        long end = 600_000;
        Value.Matrix range = (Value.Matrix) engine.rangeQuery(q, expr, start, end, STEP).value();
        for (long t = start; t <= end; t += STEP) {
            Map<Labels, Double> fromRange = new HashMap<>();
            for (Value.Series s : range.series()) {
                for (int i = 0; i < s.timestamps().length; i++) {
                    if (s.timestamps()[i] == t) {
                        fromRange.put(s.labels(), s.values()[i]);
                    }
                }
            }
            Value v = engine.instantQuery(q, expr, t).value();
            Map<Labels, Double> fromInstant = new HashMap<>();
            if (v instanceof Value.Vector vec) {
                for (int i = 0; i < vec.size(); i++) {
                    fromInstant.put(vec.labels().get(i), vec.values()[i]);
                }
            }
            assertThat(bits(fromRange)).as(query + " at " + t).isEqualTo(bits(fromInstant));
        }
    }

    @Provide
    Arbitrary<Long> gaps() {
        return Arbitraries.longs();
    }

    /** Raw bits, so that NaN equals NaN and -0 differs from 0. */
    private static Map<Labels, Long> bits(Map<Labels, Double> m) {
        Map<Labels, Long> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Double.doubleToRawLongBits(v)));
        return out;
    }
}
