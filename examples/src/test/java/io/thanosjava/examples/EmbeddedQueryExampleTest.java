package io.thanosjava.examples;

import static io.thanosjava.examples.ExampleData.START;
import static io.thanosjava.examples.ExampleData.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.engine.Querier;
import io.thanosjava.engine.RequestOptions;
import io.thanosjava.engine.Value;
import io.thanosjava.model.Labels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The embedded example's answers, worked out by hand: a 1m rate over scrapes 20 s apart sees three
 * samples 40 s apart and extrapolates to 60 s, so each instance's rate is exactly its requests per
 * second (1 and 2), and the cluster's sum is 3 wherever one replica has data.
 */
class EmbeddedQueryExampleTest {
    private static final long[] STEPS = {
        START + minutes(5), START + minutes(10), START + minutes(15), START + minutes(20), START + minutes(25)};

    @Test
    void deduplicatedRateCountsEachRequestOnce() {
        try (Querier querier = EmbeddedQueryExample.newQuerier()) {
            Value.Series series = onlySeries(EmbeddedQueryExample.requestRate(querier, RequestOptions.DEFAULT).value());
            assertThat(series.labels()).isEqualTo(Labels.empty());
            assertThat(series.timestamps()).containsExactly(STEPS);
            assertThat(series.values()).containsExactly(3, 3, 3, 3, 3);
        }
    }

    @Test
    void withoutDedupBothReplicasCountExceptInTheirGaps() {
        // Minute 10 lies in replica a's gap, minute 20 in replica b's: only one replica counts there.
        try (Querier querier = EmbeddedQueryExample.newQuerier()) {
            Value.Series series = onlySeries(
                    EmbeddedQueryExample.requestRate(querier, RequestOptions.DEFAULT.withDedup(false)).value());
            assertThat(series.timestamps()).containsExactly(STEPS);
            assertThat(series.values()).containsExactly(6, 3, 6, 3, 6);
        }
    }

    @Test
    void mainPrintsBothResults() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmbeddedQueryExample.run(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualToNormalizingNewlines("""
                sum(rate(http_requests_total[1m])) (deduplicated):
                  {} @ 2024-01-01T00:05:00Z = 3.0
                  {} @ 2024-01-01T00:10:00Z = 3.0
                  {} @ 2024-01-01T00:15:00Z = 3.0
                  {} @ 2024-01-01T00:20:00Z = 3.0
                  {} @ 2024-01-01T00:25:00Z = 3.0
                sum(rate(http_requests_total[1m])) (dedup=false):
                  {} @ 2024-01-01T00:05:00Z = 6.0
                  {} @ 2024-01-01T00:10:00Z = 3.0
                  {} @ 2024-01-01T00:15:00Z = 6.0
                  {} @ 2024-01-01T00:20:00Z = 3.0
                  {} @ 2024-01-01T00:25:00Z = 6.0
                """);
    }

    private static Value.Series onlySeries(Value value) {
        assertThat(value).isInstanceOf(Value.Matrix.class);
        Value.Matrix matrix = (Value.Matrix) value;
        assertThat(matrix.series()).hasSize(1);
        return matrix.series().get(0);
    }
}
