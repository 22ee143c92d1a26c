package io.thanosjava.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.thanosjava.storeapi.proto.hints.SeriesRequestHints;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.info.StoreInfo;
import io.thanosjava.storeapi.proto.prompb.ChunkedReadResponse;
import io.thanosjava.storeapi.proto.prompb.ReadHints;
import io.thanosjava.storeapi.proto.store.Aggr;
import io.thanosjava.storeapi.proto.store.AggrChunk;
import io.thanosjava.storeapi.proto.store.Chunk;
import io.thanosjava.storeapi.proto.store.LabelMatcher;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelValuesRequest;
import io.thanosjava.storeapi.proto.store.PartialResponseStrategy;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Method paths, type names and field numbers are those of upstream Thanos and Prometheus. */
class WireCompatibilityTest {

    @Test
    void grpcMethodsHaveTheUpstreamFullNames() {
        assertThat(StoreGrpc.getSeriesMethod().getFullMethodName()).isEqualTo("thanos.Store/Series");
        assertThat(StoreGrpc.getSeriesMethod().getType()).isEqualTo(MethodType.SERVER_STREAMING);
        assertThat(StoreGrpc.getLabelNamesMethod().getFullMethodName()).isEqualTo("thanos.Store/LabelNames");
        assertThat(StoreGrpc.getLabelNamesMethod().getType()).isEqualTo(MethodType.UNARY);
        assertThat(StoreGrpc.getLabelValuesMethod().getFullMethodName()).isEqualTo("thanos.Store/LabelValues");
        assertThat(StoreGrpc.getInfoMethod().getFullMethodName()).isEqualTo("thanos.Store/Info");
        assertThat(InfoGrpc.getInfoMethod().getFullMethodName()).isEqualTo("thanos.info.Info/Info");
        assertThat(InfoGrpc.getInfoMethod().getType()).isEqualTo(MethodType.UNARY);
    }

    /** Type names appear in google.protobuf.Any URLs and content types. */
    @Test
    void messagesHaveTheUpstreamFullNames() {
        assertThat(SeriesRequest.getDescriptor().getFullName()).isEqualTo("thanos.SeriesRequest");
        assertThat(InfoResponse.getDescriptor().getFullName()).isEqualTo("thanos.info.InfoResponse");
        assertThat(SeriesRequestHints.getDescriptor().getFullName()).isEqualTo("hintspb.SeriesRequestHints");
        assertThat(ChunkedReadResponse.getDescriptor().getFullName()).isEqualTo("prometheus.ChunkedReadResponse");
        assertThat(io.thanosjava.storeapi.proto.store.ZLabelSet.getDescriptor().getFullName()).isEqualTo("thanos.ZLabelSet");
    }

    @Test
    void seriesRequestDecodesFromHandBuiltBytes() throws Exception {
        byte[] hints = new WireBytes().message(1, new WireBytes().varint(1, 2).string(2, "__block_id").string(3, "01H.*")).toByteArray();
        byte[] bytes = new WireBytes()
                .varint(1, 1000)
                .varint(2, 2000)
                .message(3, new WireBytes().varint(1, 2).string(2, "job").string(3, "api.*"))
                .message(3, new WireBytes().string(2, "env").string(3, "prod"))
                .varint(4, 300_000)
                .packed(5, 1, 2)
                .varint(5, 5) // unpacked element of the same repeated enum
                .varint(6, 1)
                .varint(7, 1)
                .varint(8, 1)
                .message(9, new WireBytes().string(1, "type.googleapis.com/hintspb.SeriesRequestHints").bytes(2, hints))
                .varint(10, 15_000)
                .varint(11, 60_000)
                .message(12, new WireBytes()
                        .varint(1, 30_000)
                        .message(2, new WireBytes().string(1, "rate"))
                        .message(4, new WireBytes().varint(1, 1).string(3, "job"))
                        .message(5, new WireBytes().varint(1, 300_000))
                        .string(6, "instance")
                        .varint(7, 1)
                        .string(8, "__cf_series_hash__"))
                .message(13, new WireBytes().varint(1, 1).varint(2, 3).varint(3, 1).string(4, "pod"))
                .string(14, "replica")
                .string(14, "rule_replica")
                .varint(15, 101)
                .varint(16, 64)
                .toByteArray();

        SeriesRequest r = SeriesRequest.parseFrom(bytes);

        assertThat(r.getUnknownFields().asMap()).isEmpty();
        assertThat(r.getMinTime()).isEqualTo(1000);
        assertThat(r.getMaxTime()).isEqualTo(2000);
        assertThat(r.getMatchersList()).containsExactly(
                LabelMatcher.newBuilder().setType(LabelMatcher.Type.RE).setName("job").setValue("api.*").build(),
                LabelMatcher.newBuilder().setType(LabelMatcher.Type.EQ).setName("env").setValue("prod").build());
        assertThat(r.getMaxResolutionWindow()).isEqualTo(300_000);
        assertThat(r.getAggregatesList()).containsExactly(Aggr.COUNT, Aggr.SUM, Aggr.COUNTER);
        assertThat(r.getPartialResponseDisabled()).isTrue();
        assertThat(r.getPartialResponseStrategy()).isEqualTo(PartialResponseStrategy.ABORT);
        assertThat(r.getSkipChunks()).isTrue();
        assertThat(r.getHints().getTypeUrl()).isEqualTo("type.googleapis.com/hintspb.SeriesRequestHints");
        SeriesRequestHints unpacked = r.getHints().unpack(SeriesRequestHints.class);
        assertThat(unpacked.getBlockMatchers(0).getName()).isEqualTo("__block_id");
        assertThat(r.getStep()).isEqualTo(15_000);
        assertThat(r.getRange()).isEqualTo(60_000);
        assertThat(r.getQueryHints().getStepMillis()).isEqualTo(30_000);
        assertThat(r.getQueryHints().getFunc().getName()).isEqualTo("rate");
        assertThat(r.getQueryHints().getGrouping().getBy()).isTrue();
        assertThat(r.getQueryHints().getGrouping().getLabelsList()).containsExactly("job");
        assertThat(r.getQueryHints().getRange().getMillis()).isEqualTo(300_000);
        assertThat(r.getQueryHints().getProjectionLabelsList()).containsExactly("instance");
        assertThat(r.getQueryHints().getProjectionInclude()).isTrue();
        assertThat(r.getQueryHints().getSeriesHashLabelName()).isEqualTo("__cf_series_hash__");
        assertThat(r.getShardInfo().getShardIndex()).isEqualTo(1);
        assertThat(r.getShardInfo().getTotalShards()).isEqualTo(3);
        assertThat(r.getShardInfo().getBy()).isTrue();
        assertThat(r.getShardInfo().getLabelsList()).containsExactly("pod");
        assertThat(r.getWithoutReplicaLabelsList()).containsExactly("replica", "rule_replica");
        assertThat(r.getLimit()).isEqualTo(101);
        assertThat(r.getResponseBatchSize()).isEqualTo(64);
    }

    @Test
    void seriesResponseFramesDecodeFromHandBuiltBytes() throws Exception {
        byte[] chunkData = {0, 1, 2, 3};
        WireBytes series = new WireBytes()
                .message(1, new WireBytes().string(1, "__name__").string(2, "up"))
                .message(1, new WireBytes().string(1, "job").string(2, "api"))
                .message(2, new WireBytes()
                        .varint(1, 10)
                        .varint(2, 20)
                        .message(3, new WireBytes().bytes(2, chunkData).varint(3, 0xfedcba9876543210L))
                        .message(5, new WireBytes().varint(1, 0).bytes(2, chunkData)));

        SeriesResponse single = SeriesResponse.parseFrom(new WireBytes().message(1, series).toByteArray());
        assertThat(single.getResultCase()).isEqualTo(SeriesResponse.ResultCase.SERIES);
        assertThat(LabelsConverter.fromThanos(single.getSeries().getLabelsList()))
                .isEqualTo(io.thanosjava.model.Labels.of("__name__", "up", "job", "api"));
        AggrChunk c = single.getSeries().getChunks(0);
        assertThat(c.getMinTime()).isEqualTo(10);
        assertThat(c.getMaxTime()).isEqualTo(20);
        assertThat(c.getRaw().getType()).as("unset type is XOR").isEqualTo(Chunk.Encoding.XOR);
        assertThat(c.getRaw().getData().toByteArray()).isEqualTo(chunkData);
        assertThat(c.getRaw().getHash()).isEqualTo(0xfedcba9876543210L);
        assertThat(c.hasSum()).isTrue();
        assertThat(c.hasCount()).isFalse();

        SeriesResponse warning = SeriesResponse.parseFrom(new WireBytes().string(2, "store down").toByteArray());
        assertThat(warning.getWarning()).isEqualTo("store down");

        SeriesResponse hints = SeriesResponse.parseFrom(new WireBytes().message(3, new WireBytes().string(1, "x")).toByteArray());
        assertThat(hints.getResultCase()).isEqualTo(SeriesResponse.ResultCase.HINTS);

        SeriesResponse batch = SeriesResponse.parseFrom(new WireBytes()
                .message(4, new WireBytes().message(1, series).message(1, series)).toByteArray());
        assertThat(batch.getBatch().getSeriesCount()).isEqualTo(2);
    }

    /** Go's gogo encoder writes empty non-nullable sub-messages; presence is what signals a capability. */
    @Test
    void infoResponseSignalsCapabilitiesByPresence() throws Exception {
        byte[] bytes = new WireBytes()
                .message(1, new WireBytes().message(1, new WireBytes().string(1, "cluster").string(2, "eu")))
                .string(2, "sidecar")
                .message(3, new WireBytes().varint(1, 5).varint(2, Long.MAX_VALUE).varint(3, 1).varint(5, 1)
                        .message(6, new WireBytes().varint(2, 7).varint(3, 8)))
                .bytes(4, new byte[0])
                .bytes(9, new byte[0])
                .toByteArray();
        InfoResponse info = InfoResponse.parseFrom(bytes);
        assertThat(info.getComponentType()).isEqualTo("sidecar");
        assertThat(LabelsConverter.fromLabelSet(info.getLabelSets(0))).isEqualTo(io.thanosjava.model.Labels.of("cluster", "eu"));
        StoreInfo store = info.getStore();
        assertThat(store.getMinTime()).isEqualTo(5);
        assertThat(store.getMaxTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(store.getSupportsSharding()).isTrue();
        assertThat(store.getSupportsWithoutReplicaLabels()).isTrue();
        assertThat(store.getTsdbInfos(0).getMaxTime()).isEqualTo(8);
        assertThat(info.hasRules()).isTrue();
        assertThat(info.hasStatus()).isTrue();
        assertThat(info.hasTargets()).isFalse();
        assertThat(info.hasExemplars()).isFalse();
    }

    @Test
    void labelNamesWithInvalidUtf8StillDecode() throws Exception {
        byte[] bytes = new WireBytes().bytes(1, new byte[] {'a', (byte) 0xff}).string(2, "w").toByteArray();
        var response = io.thanosjava.storeapi.proto.store.LabelNamesResponse.parseFrom(bytes);
        assertThat(response.getNames(0).toStringUtf8()).isEqualTo("a\ufffd");
    }

    /** Field numbers of the messages the tests above do not build by hand (from the upstream .proto files). */
    @ParameterizedTest
    @CsvSource({
            "thanos.LabelNamesRequest, partial_response_disabled, 1",
            "thanos.LabelNamesRequest, partial_response_strategy, 2",
            "thanos.LabelNamesRequest, start, 3",
            "thanos.LabelNamesRequest, end, 4",
            "thanos.LabelNamesRequest, hints, 5",
            "thanos.LabelNamesRequest, matchers, 6",
            "thanos.LabelNamesRequest, without_replica_labels, 7",
            "thanos.LabelNamesRequest, limit, 8",
            "thanos.LabelValuesRequest, label, 1",
            "thanos.LabelValuesRequest, partial_response_disabled, 2",
            "thanos.LabelValuesRequest, partial_response_strategy, 3",
            "thanos.LabelValuesRequest, start, 4",
            "thanos.LabelValuesRequest, end, 5",
            "thanos.LabelValuesRequest, hints, 6",
            "thanos.LabelValuesRequest, matchers, 7",
            "thanos.LabelValuesRequest, without_replica_labels, 8",
            "thanos.LabelValuesRequest, limit, 9",
            "thanos.AggrChunk, count, 4",
            "thanos.AggrChunk, min, 6",
            "thanos.AggrChunk, max, 7",
            "thanos.AggrChunk, counter, 8",
            "thanos.info.InfoResponse, metric_metadata, 5",
            "thanos.info.InfoResponse, targets, 6",
            "thanos.info.InfoResponse, exemplars, 7",
            "thanos.info.InfoResponse, query, 8",
            "thanos.info.StoreInfo, supports_projections, 7",
            "thanos.info.TSDBInfo, labels, 1",
            "thanos.InfoResponse, label_sets, 5",
            "thanos.InfoResponse, storeType, 4",
            "prometheus.ReadHints, step_ms, 1",
            "prometheus.ReadHints, func, 2",
            "prometheus.ReadHints, start_ms, 3",
            "prometheus.ReadHints, end_ms, 4",
            "prometheus.ReadHints, grouping, 5",
            "prometheus.ReadHints, by, 6",
            "prometheus.ReadHints, range_ms, 7",
            "prometheus.Query, hints, 4",
            "prometheus.TimeSeries, samples, 2",
            "prometheus.Sample, value, 1",
            "prometheus.Sample, timestamp, 2",
            "hintspb.QueryStats, data_downloaded_size_sum, 20",
            "hintspb.QueryStats, get_all_duration, 21",
            "hintspb.QueryStats, merge_duration, 22",
    })
    void fieldNumbersMatchUpstream(String message, String field, int number) {
        Descriptor d = descriptor(message);
        FieldDescriptor f = d.findFieldByName(field);
        assertThat(f).as("%s.%s", message, field).isNotNull();
        assertThat(f.getNumber()).isEqualTo(number);
    }

    @Test
    void enumNumbersMatchUpstream() {
        assertThat(Chunk.Encoding.FLOAT_HISTOGRAM.getNumber()).isEqualTo(2);
        assertThat(io.thanosjava.storeapi.proto.prompb.Chunk.Encoding.XOR.getNumber()).isEqualTo(1);
        assertThat(io.thanosjava.storeapi.proto.prompb.Chunk.Encoding.FLOAT_HISTOGRAM.getNumber()).isEqualTo(3);
        assertThat(Aggr.COUNTER.getNumber()).isEqualTo(5);
        assertThat(io.thanosjava.storeapi.proto.store.StoreType.DEBUG.getNumber()).isEqualTo(6);
        assertThat(io.thanosjava.storeapi.proto.prompb.ReadRequest.ResponseType.STREAMED_XOR_CHUNKS.getNumber()).isEqualTo(1);
    }

    private static Descriptor descriptor(String fullName) {
        for (Descriptor d : new Descriptor[] {
                LabelNamesRequest.getDescriptor(), LabelValuesRequest.getDescriptor(), AggrChunk.getDescriptor(),
                InfoResponse.getDescriptor(), StoreInfo.getDescriptor(), io.thanosjava.storeapi.proto.info.TSDBInfo.getDescriptor(),
                io.thanosjava.storeapi.proto.store.InfoResponse.getDescriptor(), ReadHints.getDescriptor(),
                io.thanosjava.storeapi.proto.prompb.Query.getDescriptor(), io.thanosjava.storeapi.proto.prompb.TimeSeries.getDescriptor(),
                io.thanosjava.storeapi.proto.prompb.Sample.getDescriptor(), io.thanosjava.storeapi.proto.hints.QueryStats.getDescriptor()}) {
            if (d.getFullName().equals(fullName)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no descriptor listed for " + fullName);
    }
}
