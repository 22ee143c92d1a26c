package io.thanosjava.engine.store;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.thanosjava.dedup.ChunkSeries;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.AggrChunk;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelNamesResponse;
import io.thanosjava.storeapi.proto.store.LabelValuesRequest;
import io.thanosjava.storeapi.proto.store.LabelValuesResponse;
import io.thanosjava.storeapi.proto.store.Series;
import io.thanosjava.storeapi.proto.store.SeriesBatch;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small StoreAPI {@code Store} service for tests: real gRPC, scripted behaviour. It serves series with
 * its external labels attached, filters by matchers and time (chunk overlap), honours
 * {@code without_replica_labels} and {@code response_batch_size} unless told not to, and can misbehave:
 * fail after half its series, hang, send corrupt chunk bytes, split series over frames, send warnings.
 */
class FakeStore extends StoreGrpc.StoreImplBase {
    enum Fault { NONE, FAIL_AFTER_HALF, HANG_AFTER_HALF, HANG_AT_START, GARBAGE_CHUNK, UNSORTED }

    private final Labels externalLabels;
    private final List<ChunkSeries> series;
    volatile Fault fault = Fault.NONE;
    volatile boolean honourBatchSize = true;
    volatile boolean honourWithoutReplicaLabels = true;
    volatile boolean splitSeries;
    volatile String warning;
    final List<SeriesRequest> seriesRequests = new CopyOnWriteArrayList<>();
    final List<String> tenants = new CopyOnWriteArrayList<>();
    /** Completes when a hanging call got cancelled by the client. */
    final java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);

    FakeStore(Labels externalLabels, List<ChunkSeries> series) {
        this.externalLabels = externalLabels;
        this.series = series;
    }

    private List<ChunkSeries> matching(List<LabelMatcher> matchers, long mint, long maxt, List<String> strip) {
        List<ChunkSeries> out = new ArrayList<>();
        for (ChunkSeries s : series) {
            Labels.Builder b = s.labels().toBuilder();
            for (int i = 0; i < externalLabels.size(); i++) {
                b.set(externalLabels.name(i), externalLabels.value(i));
            }
            Labels labels = b.build();
            boolean ok = true;
            for (LabelMatcher m : matchers) {
                ok &= m.matches(labels.getOrEmpty(m.name()));
            }
            List<Chunk> chunks = new ArrayList<>();
            for (Chunk c : s.chunks()) {
                if (c.maxTime() >= mint && c.minTime() <= maxt) {
                    chunks.add(c);
                }
            }
            if (ok && !chunks.isEmpty()) {
                out.add(new ChunkSeries(strip.isEmpty() ? labels : labels.without(strip), chunks));
            }
        }
        out.sort((a, b) -> a.labels().compareTo(b.labels()));
        return out;
    }

    @Override
    public void series(SeriesRequest request, StreamObserver<SeriesResponse> observer) {
        seriesRequests.add(request);
        tenants.add(TenantCapture.CURRENT.get());
        ((ServerCallStreamObserver<SeriesResponse>) observer).setOnCancelHandler(cancelled::countDown);
        List<LabelMatcher> matchers = new ArrayList<>();
        for (var m : request.getMatchersList()) {
            matchers.add(MatcherConverter.fromThanos(m));
        }
        List<ChunkSeries> answer = matching(matchers, request.getMinTime(), request.getMaxTime(),
                honourWithoutReplicaLabels ? request.getWithoutReplicaLabelsList() : List.of());
        if (fault == Fault.UNSORTED && answer.size() > 1) {
            answer.add(answer.remove(0));
        }
        if (fault == Fault.HANG_AT_START) {
            return;
        }
        if (warning != null) {
            observer.onNext(SeriesResponse.newBuilder().setWarning(warning).build());
        }
        int half = answer.size() / 2;
        int batch = honourBatchSize ? (int) Math.max(1, request.getResponseBatchSize()) : 1;
        List<Series> pending = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            if (i == half && fault == Fault.FAIL_AFTER_HALF) {
                flush(observer, pending);
                // Half of a series already sent: the client must not use it as if complete.
                observer.onNext(single(toWire(answer.get(i), true, false)));
                observer.onError(Status.INTERNAL.withDescription("disk on fire").asRuntimeException());
                return;
            }
            if (i == half && fault == Fault.HANG_AFTER_HALF) {
                flush(observer, pending);
                return;
            }
            boolean garbage = fault == Fault.GARBAGE_CHUNK && i == half;
            if (splitSeries && answer.get(i).chunks().size() > 1) {
                flush(observer, pending);
                observer.onNext(single(toWire(answer.get(i), true, garbage)));
                observer.onNext(single(toWire(answer.get(i), false, garbage)));
                continue;
            }
            pending.add(toWire(answer.get(i), null, garbage));
            if (pending.size() >= batch) {
                flush(observer, pending);
            }
        }
        flush(observer, pending);
        observer.onCompleted();
    }

    private static SeriesResponse single(Series s) {
        return SeriesResponse.newBuilder().setSeries(s).build();
    }

    private static void flush(StreamObserver<SeriesResponse> observer, List<Series> pending) {
        if (pending.size() == 1) {
            observer.onNext(single(pending.get(0)));
        } else if (!pending.isEmpty()) {
            observer.onNext(SeriesResponse.newBuilder().setBatch(SeriesBatch.newBuilder().addAllSeries(pending)).build());
        }
        pending.clear();
    }

    /** @param firstHalf null for all chunks, true/false for the first/second half of them */
    private static Series toWire(ChunkSeries s, Boolean firstHalf, boolean garbage) {
        Series.Builder b = Series.newBuilder().addAllLabels(LabelsConverter.toThanos(s.labels()));
        List<Chunk> chunks = s.chunks();
        int from = 0;
        int to = chunks.size();
        if (firstHalf != null) {
            int mid = Math.max(1, chunks.size() / 2);
            from = firstHalf ? 0 : mid;
            to = firstHalf ? mid : chunks.size();
        }
        for (int i = from; i < to; i++) {
            AggrChunk wire = ChunkConverter.toThanosRaw(chunks.get(i));
            if (garbage && i == from) {
                byte[] bytes = wire.getRaw().getData().toByteArray();
                for (int j = 2; j < bytes.length; j++) {
                    bytes[j] = (byte) (bytes[j] * 31 + 7);
                }
                bytes[0] = (byte) 0x7f;
                wire = wire.toBuilder().setRaw(wire.getRaw().toBuilder().setData(ByteString.copyFrom(bytes))).build();
            }
            b.addChunks(wire);
        }
        return b.build();
    }

    @Override
    public void labelNames(LabelNamesRequest request, StreamObserver<LabelNamesResponse> observer) {
        List<LabelMatcher> matchers = new ArrayList<>();
        for (var m : request.getMatchersList()) {
            matchers.add(MatcherConverter.fromThanos(m));
        }
        TreeSet<String> names = new TreeSet<>();
        for (ChunkSeries s : matching(matchers, request.getStart(), request.getEnd(), List.of())) {
            for (int i = 0; i < s.labels().size(); i++) {
                names.add(s.labels().name(i));
            }
        }
        if (fault != Fault.NONE) {
            observer.onError(Status.UNAVAILABLE.withDescription("label index unavailable").asRuntimeException());
            return;
        }
        LabelNamesResponse.Builder response = LabelNamesResponse.newBuilder();
        names.descendingSet().forEach(n -> response.addNames(ByteString.copyFromUtf8(n)));
        observer.onNext(response.build());
        observer.onCompleted();
    }

    @Override
    public void labelValues(LabelValuesRequest request, StreamObserver<LabelValuesResponse> observer) {
        List<LabelMatcher> matchers = new ArrayList<>();
        for (var m : request.getMatchersList()) {
            matchers.add(MatcherConverter.fromThanos(m));
        }
        TreeSet<String> values = new TreeSet<>();
        for (ChunkSeries s : matching(matchers, request.getStart(), request.getEnd(), List.of())) {
            String v = s.labels().get(request.getLabel());
            if (v != null) {
                values.add(v);
            }
        }
        if (fault != Fault.NONE) {
            observer.onError(Status.UNAVAILABLE.withDescription("label index unavailable").asRuntimeException());
            return;
        }
        LabelValuesResponse.Builder response = LabelValuesResponse.newBuilder();
        values.forEach(v -> response.addValues(ByteString.copyFromUtf8(v)));
        if (warning != null) {
            response.addWarnings(warning);
        }
        observer.onNext(response.build());
        observer.onCompleted();
    }
}
