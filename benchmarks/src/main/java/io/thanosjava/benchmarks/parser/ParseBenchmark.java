package io.thanosjava.benchmarks.parser;

import io.thanosjava.promql.ParserOptions;
import io.thanosjava.promql.PromqlParser;
import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.PrettyPrinter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing (lexing, parsing, type checking) typical Grafana dashboard queries, plus printing them
 * back in canonical and formatted form. One op is one query.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
    /** Query shapes from common dashboards (request rates, latency quantiles, node and Kubernetes panels). */
    public enum Query {
        RATE_BY_JOB("sum by (job) (rate(http_requests_total{job=~\"api.*\"}[5m]))"),
        UP("up == 0"),
        LATENCY_P99("histogram_quantile(0.99, sum by (le, handler) (rate(http_request_duration_seconds_bucket"
                + "{job=\"api\",handler=~\"/api/v1/.*\"}[5m])))"),
        NODE_CPU("100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\",instance=~\"node-.*\"}[5m])))"),
        K8S_CPU_RATIO("sum(rate(container_cpu_usage_seconds_total{namespace=\"monitoring\",pod=~\"prometheus-.*\","
                + "container!=\"\"}[5m])) by (pod) / on (pod) group_left sum(kube_pod_container_resource_requests"
                + "{namespace=\"monitoring\",resource=\"cpu\"}) by (pod)"),
        ERROR_RATIO("sum(rate(http_requests_total{status=~\"5..\"}[5m] offset 1h)) / sum(rate(http_requests_total[5m] "
                + "offset 1h)) > bool 0.05"),
        SUBQUERY("max_over_time(deriv(rate(process_cpu_seconds_total[1m])[30m:1m])[1h:] @ end())"),
        TOPK_SERIES("topk(10, count by (__name__) ({__name__=~\".+\"}))");

        final String text;

        Query(String text) {
            this.text = text;
        }
    }

    @Param
    public Query query;

    private String text;
    private Expr parsed;

    @Setup
    public void setup() {
        text = query.text;
        parsed = PromqlParser.parseExpr(text, ParserOptions.DEFAULT);
        verify();
    }

    /** The printed forms must read back to the same tree, or the timings compare different work. */
    private void verify() {
        if (!PromqlParser.parseExpr(print(), ParserOptions.DEFAULT).equals(parsed)) {
            throw new IllegalStateException("canonical form does not round-trip: " + text);
        }
        if (PromqlParser.parseExpr(format(), ParserOptions.DEFAULT).type() != parsed.type()) {
            throw new IllegalStateException("formatted form changes the type: " + text);
        }
    }

    @Benchmark
    public Expr parse() {
        return PromqlParser.parseExpr(text, ParserOptions.DEFAULT);
    }

    @Benchmark
    public String print() {
        return parsed.toString();
    }

    @Benchmark
    public String format() {
        return PrettyPrinter.format(parsed);
    }
}
