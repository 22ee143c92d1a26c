package io.thanosjava.model.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.model.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each series' chunks, decoded and joined in order, equal what Prometheus' query API returned for
 * that series: the same timestamps and the same value strings.
 */
class XorApiGroundTruthTest {
    @Test
    void joinedChunksEqualTheApiAnswerForEverySeries() throws IOException {
        JsonNode expected = new ObjectMapper()
                .readTree(SharedData.path("golden", "expected-raw-samples.json").toFile())
                .get("series");
        List<GoldenChunks.Golden> chunks = GoldenChunks.all();
        XorChunkIterator it = new XorChunkIterator();
        SampleBuffer joined = new SampleBuffer();
        int chunk = 0;
        int samples = 0;
        for (JsonNode series : expected) {
            String labels = series.get("labels").toString();
            joined.clear();
            while (chunk < chunks.size() && chunks.get(chunk).labels().equals(labels)) {
                it.reset(chunks.get(chunk).data()).decodeRemainingInto(joined, Long.MIN_VALUE, Long.MAX_VALUE);
                chunk++;
            }
            JsonNode apiSamples = series.get("samples");
            assertThat(joined.size()).as("samples of %s", labels).isEqualTo(apiSamples.size());
            for (int i = 0; i < joined.size(); i++) {
                assertThat(joined.timestamp(i)).as("t of sample %d of %s", i, labels).isEqualTo(apiSamples.get(i).get(0).asLong());
                assertThat(GoFloatFormat.formatApiValue(joined.value(i))).as("value of sample %d of %s", i, labels)
                        .isEqualTo(apiSamples.get(i).get(1).asText());
            }
            samples += joined.size();
        }
        assertThat(chunk).as("every chunk belongs to a series, in order").isEqualTo(chunks.size());
        assertThat(samples).isEqualTo(22_809);
    }
}
