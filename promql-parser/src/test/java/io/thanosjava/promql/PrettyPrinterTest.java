package io.thanosjava.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.promql.ast.Expr;
import io.thanosjava.promql.ast.PrettyPrinter;
import io.thanosjava.promql.ast.Printer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formatter behind {@code /api/v1/format_query}: Prometheus' splitting and indentation rules. */
class PrettyPrinterTest {
    private static String format(String query) {
        return PrettyPrinter.format(PromqlParser.parseExpr(query, ParserOptions.ALL));
    }

    @Test
    void shortExpressionsStayOnOneLineInPrometheusLayout() {
        assertThat(format("sum(rate(x[5m])) by (job)")).isEqualTo("sum by (job) (rate(x[5m]))");
        assertThat(format("foo{b=\"2\", a=\"1\"} offset 5m @ 10")).isEqualTo("foo{a=\"1\",b=\"2\"} @ 10.000 offset 5m");
        assertThat(format("a + ignoring(job) group_left b")).isEqualTo("a + ignoring (job) group_left () b");
    }

    @Test
    void longBinaryExpressionsPutTheOperatorOnItsOwnLine() {
        String lhs = "sum by (job) (rate(http_requests_total{job=\"api-server\",status=~\"5..\"}[5m]))";
        String rhs = "sum by (job) (rate(http_requests_total{job=\"api-server\"}[5m]))";
        assertThat(format(lhs + " / on(job) " + rhs)).isEqualTo(
                "  " + lhs + "\n/ on (job)\n  " + rhs);
    }

    @Test
    void longAggregationsCallsAndParenthesesIndentTheirBody() {
        String selector = "http_requests_total{handler=\"/api/v1/query_range\",instance=\"prometheus-k8s-0:9090\",job=\"api-server\"}";
        assertThat(format("topk(5, rate(" + selector + "[5m]))")).isEqualTo(
                "topk(\n  5,\n  rate(\n    " + selector + "[5m]\n  )\n)");
        assertThat(format("(rate(" + selector + "[5m]))")).isEqualTo(
                "(\n  rate(\n    " + selector + "[5m]\n  )\n)");
        assertThat(format("label_replace(rate(" + selector + "[5m]), \"a\", \"$1\", \"b\", \"(.*)\")")).isEqualTo(
                "label_replace(\n  rate(\n    " + selector + "[5m]\n  ),\n  \"a\",\n  \"$1\",\n  \"b\",\n  \"(.*)\"\n)");
    }

    @Test
    void unaryAndSubqueryFollowPrometheusQuirks() {
        String selector = "http_requests_total{handler=\"/api/v1/query_range\",instance=\"prometheus-k8s-0:9090\",job=\"api-server\"}";
        assertThat(format("-rate(" + selector + "[5m])")).isEqualTo("-rate(\n  " + selector + "[5m]\n)");
        assertThat(format("max_over_time(rate(" + selector + "[5m])[1h:])")).isEqualTo(
                "max_over_time(\n  rate(\n    " + selector + "[5m]\n  )[1h:]\n)");
        // An unsplit subquery is not indented, even below a split parent.
        assertThat(format("quantile_over_time(scalar(" + selector + "), x[5m:] offset 1m)")).isEqualTo(
                "quantile_over_time(\n  scalar(\n    " + selector + "\n  ),\nx[5m:] offset 1m\n)");
    }

    @Test
    void formattedScriptExpressionsParseBackToTheSameQuery() {
        List<String> problems = new ArrayList<>();
        for (ScriptEvals.Eval e : ScriptEvals.read(ScriptEvals.testDataDir())) {
            Expr ast = PromqlParser.parseExpr(e.expr(), ParserOptions.ALL);
            String pretty = PrettyPrinter.format(ast);
            Expr again = PromqlParser.parseExpr(pretty, ParserOptions.ALL);
            if (!Printer.printLikePrometheus(again).equals(Printer.printLikePrometheus(ast))) {
                problems.add(e + " -> " + pretty);
            }
        }
        assertThat(problems).isEmpty();
    }
}
