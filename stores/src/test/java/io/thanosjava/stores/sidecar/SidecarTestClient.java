package io.thanosjava.stores.sidecar;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.prompb.ChunkedSeries;
import io.thanosjava.storeapi.proto.store.AggrChunk;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import io.thanosjava.storeapi.remoteread.ChunkedFrame;
import io.thanosjava.storeapi.remoteread.ChunkedFrameReader;
import io.thanosjava.storeapi.remoteread.RemoteReadQueries;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A StoreAPI client over loopback gRPC, and a direct remote-read reader, for comparing the two. */
final class SidecarTestClient implements AutoCloseable {
    /** One series as received: labels and chunks in arrival order. */
    record ReceivedSeries(Labels labels, List<Chunk> chunks) {}

    private final ManagedChannel channel;
    final StoreGrpc.StoreBlockingStub store;
    final InfoGrpc.InfoBlockingStub info;

    SidecarTestClient(int port) {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(Integer.MAX_VALUE)
                .build();
        store = StoreGrpc.newBlockingStub(channel);
        info = InfoGrpc.newBlockingStub(channel);
    }

    static SeriesRequest.Builder request(long mint, long maxt, LabelMatcher... matchers) {
        SeriesRequest.Builder b = SeriesRequest.newBuilder().setMinTime(mint).setMaxTime(maxt);
        for (LabelMatcher m : matchers) {
            b.addMatchers(MatcherConverter.toThanos(m));
        }
        return b;
    }

    /** Every series of the stream; consecutive frames with equal labels are joined. */
    List<ReceivedSeries> series(SeriesRequest request) {
        List<ReceivedSeries> out = new ArrayList<>();
        Iterator<SeriesResponse> it = store.withDeadlineAfter(60, TimeUnit.SECONDS).series(request);
        while (it.hasNext()) {
            SeriesResponse r = it.next();
            List<io.thanosjava.storeapi.proto.store.Series> batch = r.hasSeries() ? List.of(r.getSeries())
                    : r.getBatch().getSeriesList();
            for (io.thanosjava.storeapi.proto.store.Series s : batch) {
                add(out, LabelsConverter.fromThanos(s.getLabelsList()), fromThanos(s.getChunksList()));
            }
        }
        return out;
    }

    /** The same selection read straight from Prometheus' remote-read endpoint. */
    static List<ReceivedSeries> remoteRead(PrometheusClient client, long mint, long maxt, LabelMatcher... matchers)
            throws IOException {
        List<ReceivedSeries> out = new ArrayList<>();
        try (InputStream body = client.remoteRead(RemoteReadQueries.streamedRequest(
                List.of(RemoteReadQueries.query(mint, maxt, List.of(matchers), null))))) {
            ChunkedFrameReader reader = new ChunkedFrameReader(body);
            for (ChunkedFrame f = reader.next(); f != null; f = reader.next()) {
                for (ChunkedSeries s : f.message().getChunkedSeriesList()) {
                    List<Chunk> chunks = new ArrayList<>();
                    for (io.thanosjava.storeapi.proto.prompb.Chunk c : s.getChunksList()) {
                        chunks.add(ChunkConverter.fromProm(c));
                    }
                    add(out, LabelsConverter.fromProm(s.getLabelsList()), chunks);
                }
            }
        }
        return out;
    }

    private static void add(List<ReceivedSeries> out, Labels labels, List<Chunk> chunks) {
        if (!out.isEmpty() && out.get(out.size() - 1).labels().equals(labels)) {
            out.get(out.size() - 1).chunks().addAll(chunks);
        } else {
            out.add(new ReceivedSeries(labels, new ArrayList<>(chunks)));
        }
    }

    private static List<Chunk> fromThanos(List<AggrChunk> chunks) {
        List<Chunk> out = new ArrayList<>(chunks.size());
        for (AggrChunk c : chunks) {
            out.add(ChunkConverter.fromThanosRaw(c));
        }
        return out;
    }

    /** Labels and chunk bytes of every series, one string each, for whole-answer comparisons. */
    static List<String> keysOf(List<ReceivedSeries> series) {
        return PrometheusSidecarTest.keys(series);
    }

    @Override
    public void close() {
        try {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
