package io.thanosjava.storeapi.remoteread;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.storeapi.proto.prompb.Query;
import io.thanosjava.storeapi.proto.prompb.ReadHints;
import io.thanosjava.storeapi.proto.prompb.ReadRequest;
import io.thanosjava.storeapi.proto.store.Func;
import io.thanosjava.storeapi.proto.store.Grouping;
import io.thanosjava.storeapi.proto.store.QueryHints;
import io.thanosjava.storeapi.proto.store.Range;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteReadQueriesTest {

    @Test
    void readHintsCarryTheSeriesRequestRangeAndQueryHints() {
        SeriesRequest request = SeriesRequest.newBuilder()
                .setMinTime(1000).setMaxTime(9000)
                .setQueryHints(QueryHints.newBuilder()
                        .setStepMillis(15_000)
                        .setFunc(Func.newBuilder().setName("rate"))
                        .setGrouping(Grouping.newBuilder().setBy(true).addLabels("job").addLabels("pod"))
                        .setRange(Range.newBuilder().setMillis(300_000)))
                .build();
        assertThat(RemoteReadQueries.readHints(request)).isEqualTo(ReadHints.newBuilder()
                .setStartMs(1000).setEndMs(9000).setStepMs(15_000).setFunc("rate")
                .setBy(true).addGrouping("job").addGrouping("pod").setRangeMs(300_000).build());
    }

    @Test
    void withoutQueryHintsOnlyTheRangeIsSet() {
        SeriesRequest request = SeriesRequest.newBuilder().setMinTime(-5).setMaxTime(5).build();
        assertThat(RemoteReadQueries.readHints(request))
                .isEqualTo(ReadHints.newBuilder().setStartMs(-5).setEndMs(5).build());
    }

    @Test
    void queryWithHintsAndStreamedRequest() {
        ReadHints hints = ReadHints.newBuilder().setStepMs(1).build();
        Query q = RemoteReadQueries.query(1, 2, List.of(LabelMatcher.of(LabelMatcher.Type.NRE, "a", "b.*")), hints);
        assertThat(q.getHints()).isEqualTo(hints);
        assertThat(q.getMatchers(0).getType()).isEqualTo(io.thanosjava.storeapi.proto.prompb.LabelMatcher.Type.NRE);
        ReadRequest r = RemoteReadQueries.streamedRequest(List.of(q, q));
        assertThat(r.getQueriesList()).containsExactly(q, q);
        assertThat(r.getAcceptedResponseTypesList()).containsExactly(ReadRequest.ResponseType.STREAMED_XOR_CHUNKS);
    }
}
