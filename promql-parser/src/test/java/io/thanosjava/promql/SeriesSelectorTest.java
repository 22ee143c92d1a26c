package io.thanosjava.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.promql.ast.PositionRange;
import io.thanosjava.promql.ast.VectorSelector;
import org.junit.jupiter.api.Test;

/** {@code match[]} selectors: a bare selector, nothing else. */
class SeriesSelectorTest {
    @Test
    void parsesNamesAndMatchers() {
        VectorSelector vs = PromqlParser.parseSeriesSelector("up{job=~\"api.*\", \"k8s.pod\"!=\"\"}");
        assertThat(vs.metricName()).isEqualTo("up");
        assertThat(vs.matchers()).containsExactly(LabelMatcher.of(LabelMatcher.Type.RE, "job", "api.*"),
                LabelMatcher.of(LabelMatcher.Type.NEQ, "k8s.pod", ""), LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "up"));
        assertThat(PromqlParser.parseSeriesSelector("{\"http.server.duration\"}").matchers())
                .containsExactly(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "http.server.duration"));
        assertThat(PromqlParser.parseSeriesSelector("sum").metricName()).isEqualTo("sum");
    }

    @Test
    void rejectsAnythingButASelector() {
        assertThatThrownBy(() -> PromqlParser.parseSeriesSelector("up[5m]")).hasMessage("1:3: parse error: unexpected \"[\"");
        assertThatThrownBy(() -> PromqlParser.parseSeriesSelector("up + 1")).hasMessage("1:4: parse error: unexpected <op:+>");
        assertThatThrownBy(() -> PromqlParser.parseSeriesSelector("rate(x[5m])")).hasMessage("1:5: parse error: unexpected \"(\"");
        assertThatThrownBy(() -> PromqlParser.parseSeriesSelector("{}"))
                .hasMessage("1:1: parse error: vector selector must contain at least one non-empty matcher");
        assertThatThrownBy(() -> PromqlParser.parseSeriesSelector("1")).hasMessage("1:1: parse error: unexpected number \"1\"");
        assertThatThrownBy(() -> PromqlParser.parseSeriesSelector("")).hasMessage("1:1: parse error: unexpected end of input");
    }

    @Test
    void errorsCarryTheirPositions() {
        ParseException e = org.assertj.core.api.Assertions.catchThrowableOfType(ParseException.class,
                () -> PromqlParser.parseExpr("sum(x) by (a) (y)"));
        assertThat(e.position()).isEqualTo(new PositionRange(14, 15));
        assertThat(e.detail()).isEqualTo("unexpected \"(\"");
        assertThat(new PositionRange(3, 4).lineColumn("a\nbc")).isEqualTo("2:2");
        assertThat(new PositionRange(9, 9).lineColumn("abc")).isEqualTo("invalid position");
    }
}
