package io.thanosjava.stores.sidecar;

import static io.thanosjava.model.LabelMatcher.Type.EQ;
import static io.thanosjava.model.LabelMatcher.Type.NEQ;
import static io.thanosjava.model.LabelMatcher.Type.NRE;
import static io.thanosjava.model.LabelMatcher.Type.RE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the sidecar sends to Prometheus' HTTP API and how it reads the answers. */
class PrometheusRequestsTest {
    @Test
    void selectorEscapesValuesLikeGoStrings() {
        assertThat(PrometheusSelectors.selector(List.of(
                LabelMatcher.of(EQ, "__name__", "up"),
                LabelMatcher.of(NEQ, "job", "a\"b\\c\nd\te"),
                LabelMatcher.of(RE, "path", "/api/.*"),
                LabelMatcher.of(NRE, "x", "\u0001é"))))
                .isEqualTo("{__name__=\"up\",job!=\"a\\\"b\\\\c\\nd\\te\",path=~\"/api/.*\",x!~\"\\x01é\"}");
    }

    @Test
    void timesAreExactMillisecondSecondsAndOpenBoundsAreLeftOut() {
        assertThat(PrometheusSelectors.seconds(1_794_960_000_123L)).isEqualTo("1794960000.123");
        assertThat(PrometheusSelectors.seconds(-1_500)).isEqualTo("-1.500");
        assertThat(PrometheusSelectors.seconds(0)).isEqualTo("0.000");
        assertThat(PrometheusSelectors.query(List.of(), Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
        assertThat(PrometheusSelectors.query(List.of(), 5, Long.MAX_VALUE)).isEqualTo("?start=0.005");
        assertThat(PrometheusSelectors.query(List.of(LabelMatcher.of(EQ, "a", "b c")), Long.MIN_VALUE, 1000))
                .isEqualTo("?match%5B%5D=%7Ba%3D%22b+c%22%7D&end=1.000");
    }

    @Test
    void externalLabelsComeFromTheGlobalSection() {
        assertThat(ExternalLabelsConfig.parse("global:\n  scrape_interval: 1m\n  external_labels:\n"
                + "    region: eu\n    replica: \"1\"\n    zone: 'a: b'\nscrape_configs: []\n"))
                .isEqualTo(Labels.of("region", "eu", "replica", "1", "zone", "a: b"));
        assertThat(ExternalLabelsConfig.parse("global:\n  scrape_interval: 1m\n").isEmpty()).isTrue();
        assertThat(ExternalLabelsConfig.parse("").isEmpty()).isTrue();
        assertThatThrownBy(() -> ExternalLabelsConfig.parse("global:\n  external_labels: [a, b]\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a mapping");
        assertThatThrownBy(() -> ExternalLabelsConfig.parse("global: [\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void jsonAnswersAreCheckedForStatusAndShape() throws IOException {
        assertThat(PrometheusJson.stringList(bytes("{\"status\":\"success\",\"data\":[\"a\",\"\\u00e9\"],\"warnings\":[]}")))
                .containsExactly("a", "é");
        assertThat(PrometheusJson.stringList(bytes("{\"status\":\"success\",\"data\":[]}"))).isEmpty();
        assertThat(PrometheusJson.configYaml(bytes("{\"status\":\"success\",\"data\":{\"yaml\":\"global: {}\\n\"}}")))
                .isEqualTo("global: {}\n");
        assertThatThrownBy(() -> PrometheusJson.stringList(bytes("{\"status\":\"error\",\"errorType\":\"bad_data\","
                + "\"error\":\"invalid parameter\"}"))).hasMessage("status error: invalid parameter");
        assertThatThrownBy(() -> PrometheusJson.stringList(bytes("{\"status\":\"success\",\"data\":[1]}")))
                .hasMessageContaining("non-string");
        assertThatThrownBy(() -> PrometheusJson.stringList(bytes("<html>"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PrometheusJson.configYaml(bytes("{\"status\":\"success\",\"data\":{}}")))
                .hasMessageContaining("no \"yaml\"");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
