package io.thanosjava.testing.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class PrometheusFixtureTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SERIES = "/api/v1/series?match[]="
            + URLEncoder.encode("{__name__=~\"gen_.+\"}", StandardCharsets.UTF_8) + "&start=1794960000&end=1794963600";

    @Test
    void servesBackfilledDataWithExternalLabelsAndSurvivesRestart() throws Exception {
        OpenMetricsGenerator generator = OpenMetricsGenerator.builder(7).jobs(1).instancesPerJob(2).build();
        try (PrometheusFixture prometheus = PrometheusFixture.start(generator.generate(), Map.of("cluster", "eu-1"))) {
            String series = get(prometheus.baseUrl(), SERIES);
            assertThat(series.split("__name__", -1)).hasSize(generator.seriesCount() + 1);
            assertThat(get(prometheus.baseUrl(), "/api/v1/status/config")).contains("cluster: eu-1");

            prometheus.kill();
            assertThat(prometheus.isRunning()).isFalse();
            assertThatThrownBy(() -> get(prometheus.baseUrl(), "/-/ready")).isInstanceOf(IOException.class);
            prometheus.restart();
            assertThat(get(prometheus.baseUrl(), SERIES)).isEqualTo(series);
        }
    }

    @Test
    void badInputFailsWithPromtoolsMessage() {
        assertThatThrownBy(() -> PrometheusFixture.start("not openmetrics at all{\n", Map.of()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("promtool backfill failed");
    }

    static String get(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
