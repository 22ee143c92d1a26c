package io.thanosjava.storeapi.remoteread;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.prompb.Query;
import io.thanosjava.storeapi.proto.prompb.ReadHints;
import io.thanosjava.storeapi.proto.prompb.ReadRequest;
import io.thanosjava.storeapi.proto.store.QueryHints;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import java.util.List;

/** Builds remote-read requests, in particular from a StoreAPI {@link SeriesRequest} (the sidecar's job). */
public final class RemoteReadQueries {
    private RemoteReadQueries() {}

    /** A query over the inclusive range [{@code startMs}, {@code endMs}]; {@code hints} may be null. */
    public static Query query(long startMs, long endMs, List<LabelMatcher> matchers, ReadHints hints) {
        requireNonNull(matchers, "matchers is null");
        Query.Builder q = Query.newBuilder().setStartTimestampMs(startMs).setEndTimestampMs(endMs);
        for (LabelMatcher m : matchers) {
            q.addMatchers(MatcherConverter.toProm(m));
        }
        if (hints != null) {
            q.setHints(hints);
        }
        return q.build();
    }

    /** A request that asks for the streamed chunk format only. */
    public static ReadRequest streamedRequest(List<Query> queries) {
        requireNonNull(queries, "queries is null");
        return ReadRequest.newBuilder()
                .addAllQueries(queries)
                .addAcceptedResponseTypes(ReadRequest.ResponseType.STREAMED_XOR_CHUNKS)
                .build();
    }

    /**
     * The remote-read hints equivalent to a Series request: its time range, and where present its
     * query hints' step, function, grouping and range.
     */
    public static ReadHints readHints(SeriesRequest request) {
        requireNonNull(request, "request is null");
        ReadHints.Builder h = ReadHints.newBuilder().setStartMs(request.getMinTime()).setEndMs(request.getMaxTime());
        if (request.hasQueryHints()) {
            QueryHints qh = request.getQueryHints();
            h.setStepMs(qh.getStepMillis());
            if (qh.hasFunc()) {
                h.setFunc(qh.getFunc().getName());
            }
            if (qh.hasGrouping()) {
                h.setBy(qh.getGrouping().getBy()).addAllGrouping(qh.getGrouping().getLabelsList());
            }
            if (qh.hasRange()) {
                h.setRangeMs(qh.getRange().getMillis());
            }
        }
        return h.build();
    }
}
