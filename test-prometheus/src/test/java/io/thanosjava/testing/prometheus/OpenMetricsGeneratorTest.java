package io.thanosjava.testing.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenMetricsGeneratorTest {
    private final OpenMetricsGenerator generator = OpenMetricsGenerator.builder(1).jobs(2).instancesPerJob(3)
            .end(1_794_960_000_000L + 6 * 3_600_000L).build();
    private final String text = generator.generate();

    @Test
    void sameSeedSameTextOtherSeedOtherText() {
        assertThat(OpenMetricsGenerator.builder(1).jobs(2).instancesPerJob(3)
                .end(1_794_960_000_000L + 6 * 3_600_000L).build().generate()).isEqualTo(text);
        assertThat(OpenMetricsGenerator.builder(2).jobs(2).instancesPerJob(3)
                .end(1_794_960_000_000L + 6 * 3_600_000L).build().generate()).isNotEqualTo(text);
    }

    @Test
    void timestampsIncreasePerSeriesNeverOnWholeSecondsAndStayInRange() {
        Map<String, Long> last = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String series = line.substring(0, line.indexOf("} ") + 1);
            String ts = line.substring(line.lastIndexOf(' ') + 1);
            long millis = Math.round(Double.parseDouble(ts) * 1000);
            assertThat(ts).doesNotEndWith(".000");
            assertThat(millis).isBetween(1_794_960_000_001L, 1_794_960_000_000L + 6 * 3_600_000L - 1);
            Long previous = last.put(series, millis);
            if (previous != null) {
                assertThat(millis).as(line).isGreaterThan(previous);
            }
        }
        assertThat(last).hasSize(generator.seriesCount());
        assertThat(text).endsWith("# EOF\n");
    }

    @Test
    void countersResetAndHistogramBucketsStayCumulative() {
        Map<String, Double> lastValue = new HashMap<>();
        int resets = 0;
        Map<Long, Double> bucketAtTime = new HashMap<>();
        Set<String> gaps = new HashSet<>();
        Map<String, Long> lastTime = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String series = line.substring(0, line.indexOf("} ") + 1);
            String[] parts = line.substring(series.length() + 1).split(" ");
            double value = Double.parseDouble(parts[0]);
            long t = Math.round(Double.parseDouble(parts[1]) * 1000);
            Long previousTime = lastTime.put(series, t);
            if (previousTime != null && t - previousTime > 5 * 60_000) {
                gaps.add(series);
            }
            if (series.startsWith("gen_requests_total")) {
                Double previous = lastValue.put(series, value);
                if (previous != null && value < previous) {
                    resets++;
                }
            }
            if (series.startsWith("gen_request_duration_seconds_bucket{instance=\"host-0:9100\",job=\"job-0\"")) {
                Double lower = bucketAtTime.put(t, value);
                if (lower != null) {
                    assertThat(value).as(line).isGreaterThanOrEqualTo(lower);
                }
            }
        }
        assertThat(resets).isPositive();
        assertThat(gaps).isNotEmpty();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> OpenMetricsGenerator.builder(1).start(10).end(10).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenMetricsGenerator.builder(1).interval(3).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
