package io.thanosjava.storeapi.remoteread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.prompb.Query;
import io.thanosjava.storeapi.proto.prompb.QueryResult;
import io.thanosjava.storeapi.proto.prompb.ReadRequest;
import io.thanosjava.storeapi.proto.prompb.ReadResponse;
import io.thanosjava.storeapi.proto.prompb.TimeSeries;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests and the non-streamed SAMPLES response, checked against what Prometheus' client sent and its server answered. */
class RemoteReadBodiesGoldenTest {

    static List<JsonNode> fixtures() {
        return Golden.fixtures();
    }

    /** Our request builder produces exactly the message Prometheus' client sent (field numbers, enums, matchers). */
    @ParameterizedTest
    @MethodSource("fixtures")
    void builtRequestEqualsTheRecordedOne(JsonNode fixture) throws Exception {
        JsonNode request = fixture.get("request");
        ReadRequest recorded = ReadRequest.parseFrom(Base64.getDecoder().decode(request.get("protobuf_base64").asText()));

        List<Query> queries = new ArrayList<>();
        for (JsonNode q : request.get("queries")) {
            List<LabelMatcher> matchers = new ArrayList<>();
            for (JsonNode m : q.get("matchers")) {
                matchers.add(LabelMatcher.of(LabelMatcher.Type.valueOf(m.get("type").asText()),
                        m.get("name").asText(), m.get("value").asText()));
            }
            queries.add(RemoteReadQueries.query(q.get("start_timestamp_ms").asLong(),
                    q.get("end_timestamp_ms").asLong(), matchers, null));
        }
        ReadRequest built = request.get("accepted_response_types").isEmpty()
                ? ReadRequest.newBuilder().addAllQueries(queries).build()
                : RemoteReadQueries.streamedRequest(queries);

        assertThat(built).isEqualTo(recorded);
        assertThat(recorded.getUnknownFields().asMap()).isEmpty();
        assertThat(RemoteReadBodies.decodeRequest(RemoteReadBodies.encodeRequest(built))).isEqualTo(recorded);
    }

    @Test
    void samplesResponseDecodesToTheRecordedSamples() throws Exception {
        JsonNode expected = Golden.fixture("remote-read-samples-response.bin").get("expected").get("results");
        ReadResponse response = RemoteReadBodies.decodeSamplesResponse(Golden.bytes("remote-read-samples-response.bin"));

        assertThat(response.getResultsCount()).isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            QueryResult result = response.getResults(r);
            JsonNode wantSeries = expected.get(r).get("series");
            assertThat(result.getTimeseriesCount()).isEqualTo(wantSeries.size());
            for (int s = 0; s < wantSeries.size(); s++) {
                TimeSeries ts = result.getTimeseries(s);
                JsonNode want = wantSeries.get(s);
                assertThat(LabelsConverter.fromProm(ts.getLabelsList())).isEqualTo(StreamedGoldenTest.labels(want.get("labels")));
                JsonNode samples = want.get("samples");
                assertThat(ts.getSamplesCount()).isEqualTo(samples.size());
                for (int i = 0; i < samples.size(); i++) {
                    assertThat(ts.getSamples(i).getTimestamp()).isEqualTo(samples.get(i).get(0).asLong());
                    assertThat(String.format("%016x", Double.doubleToRawLongBits(ts.getSamples(i).getValue())))
                            .isEqualTo(samples.get(i).get(2).asText());
                }
            }
        }
        assertThat(RemoteReadBodies.decodeSamplesResponse(RemoteReadBodies.encodeSamplesResponse(response)))
                .isEqualTo(response);
    }

    @Test
    void samplesResponseOverTheSizeLimitIsRejected() {
        byte[] body = Golden.bytes("remote-read-samples-response.bin");
        assertThatThrownBy(() -> RemoteReadBodies.decodeSamplesResponse(body, 10))
                .isInstanceOf(RemoteReadFormatException.class)
                .hasMessageContaining("limit is 10");
    }

    @Test
    void garbageIsNotASamplesResponse() {
        assertThatThrownBy(() -> RemoteReadBodies.decodeSamplesResponse(new byte[] {(byte) 0x80}))
                .isInstanceOf(RemoteReadFormatException.class);
        // Valid snappy holding bytes that are not a ReadResponse (field 1 declared longer than the message).
        byte[] notProto = RemoteReadBodies.compress(new byte[] {0x0a, 0x7f, 0x01});
        assertThatThrownBy(() -> RemoteReadBodies.decodeSamplesResponse(notProto))
                .isInstanceOf(RemoteReadFormatException.class)
                .hasMessageStartingWith("invalid ReadResponse");
    }
}
