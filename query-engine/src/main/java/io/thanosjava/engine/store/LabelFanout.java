package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.thanosjava.engine.QueryException;
import io.thanosjava.engine.storage.LabelQueryResult;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.MatcherConverter;
import io.thanosjava.storeapi.proto.store.LabelNamesRequest;
import io.thanosjava.storeapi.proto.store.LabelNamesResponse;
import io.thanosjava.storeapi.proto.store.LabelValuesRequest;
import io.thanosjava.storeapi.proto.store.LabelValuesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code LabelNames} / {@code LabelValues} fan-out: the same store selection as Series (time range
 * {@code [start, end]}, external labels against the matchers), matchers and time range sent to every
 * store, calls in parallel, answers merged into one list sorted byte-wise and de-duplicated, cut to
 * {@code limit} when it is positive. A failing store becomes a warning naming it (WARN) or fails the
 * call (ABORT); store warnings are kept. A {@link ResponseCache} may answer for a store; only complete
 * answers without warnings are offered to it.
 */
public final class LabelFanout {
    /** Per-store answers remembered for a while, keyed by store address, tenant and request. */
    public interface ResponseCache {
        /** The values {@code store} answered to {@code request} before, or {@code null}. */
        List<ByteString> get(String store, String tenant, MessageLite request);

        /** Remembers a complete answer without warnings. */
        void put(String store, String tenant, MessageLite request, List<ByteString> values);
    }

    private static final ResponseCache NO_CACHE = new ResponseCache() {
        @Override
        public List<ByteString> get(String store, String tenant, MessageLite request) {
            return null;
        }

        @Override
        public void put(String store, String tenant, MessageLite request, List<ByteString> values) {
        }
    };

    private final FanoutOptions options;
    private final ResponseCache cache;

    public LabelFanout(FanoutOptions options) {
        this(options, NO_CACHE);
    }

    public LabelFanout(FanoutOptions options, ResponseCache cache) {
        this.options = requireNonNull(options, "options is null");
        this.cache = requireNonNull(cache, "cache is null");
    }

    public LabelQueryResult labelNames(List<StoreEndpoint> stores, long start, long end, List<LabelMatcher> matchers,
            long limit, PartialResponseStrategy strategy, String tenant) {
        requireNonNull(matchers, "matchers is null");
        LabelNamesRequest request = LabelNamesRequest.newBuilder()
                .setStart(start).setEnd(end).addAllMatchers(toWire(matchers)).setLimit(limit)
                .setPartialResponseStrategy(strategy.toWire())
                .build();
        return collect(select(stores, matchers, start, end), request, tenant, "fetch label names from", strategy, limit,
                store -> stub(store, tenant).labelNames(request),
                known -> LabelNamesResponse.newBuilder().addAllNames(known).build(),
                LabelNamesResponse::getNamesList, LabelNamesResponse::getWarningsList);
    }

    /** @throws QueryException {@code bad_data} when {@code name} is empty, as stores reject it */
    public LabelQueryResult labelValues(List<StoreEndpoint> stores, String name, long start, long end,
            List<LabelMatcher> matchers, long limit, PartialResponseStrategy strategy, String tenant) {
        requireNonNull(name, "name is null");
        requireNonNull(matchers, "matchers is null");
        if (name.isEmpty()) {
            throw new QueryException(QueryException.Type.BAD_DATA, "label name must not be empty");
        }
        LabelValuesRequest request = LabelValuesRequest.newBuilder()
                .setLabel(name).setStart(start).setEnd(end).addAllMatchers(toWire(matchers)).setLimit(limit)
                .setPartialResponseStrategy(strategy.toWire())
                .build();
        return collect(select(stores, matchers, start, end), request, tenant, "fetch label values from", strategy, limit,
                store -> stub(store, tenant).labelValues(request),
                known -> LabelValuesResponse.newBuilder().addAllValues(known).build(),
                LabelValuesResponse::getValuesList, LabelValuesResponse::getWarningsList);
    }

    /**
     * Calls every selected store (or takes its cached answer) in parallel and merges the answers; complete
     * answers without warnings are offered to the cache.
     */
    private <R> LabelQueryResult collect(List<StoreEndpoint> selected, MessageLite request, String tenant, String what,
            PartialResponseStrategy strategy, long limit, Function<StoreEndpoint, Future<R>> call,
            Function<List<ByteString>, R> fromCache, Function<R, List<ByteString>> values,
            Function<R, List<String>> warnings) {
        List<Future<R>> calls = new ArrayList<>(selected.size());
        boolean[] cached = new boolean[selected.size()];
        for (int i = 0; i < selected.size(); i++) {
            StoreEndpoint store = selected.get(i);
            List<ByteString> known = cache.get(store.address(), tenant, request);
            cached[i] = known != null;
            calls.add(cached[i] ? CompletableFuture.completedFuture(fromCache.apply(known)) : call.apply(store));
        }
        Merged merged = new Merged();
        for (int i = 0; i < calls.size(); i++) {
            R response = await(calls, i, selected.get(i), what, strategy, merged);
            if (response != null) {
                merged.add(values.apply(response), warnings.apply(response));
                if (!cached[i] && warnings.apply(response).isEmpty()) {
                    cache.put(selected.get(i).address(), tenant, request, values.apply(response));
                }
            }
        }
        return merged.result(limit);
    }

    private static List<StoreEndpoint> select(List<StoreEndpoint> stores, List<LabelMatcher> matchers, long start,
            long end) {
        List<StoreEndpoint> selected = new ArrayList<>();
        for (StoreEndpoint store : requireNonNull(stores, "stores is null")) {
            if (StoreSelection.concerns(store.info(), matchers, start, end)) {
                selected.add(store);
            }
        }
        return selected;
    }

    private static List<io.thanosjava.storeapi.proto.store.LabelMatcher> toWire(List<LabelMatcher> matchers) {
        List<io.thanosjava.storeapi.proto.store.LabelMatcher> wire = new ArrayList<>(matchers.size());
        for (LabelMatcher m : matchers) {
            wire.add(MatcherConverter.toThanos(m));
        }
        return wire;
    }

    private StoreGrpc.StoreFutureStub stub(StoreEndpoint store, String tenant) {
        Metadata headers = new Metadata();
        headers.put(SeriesFanout.TENANT_HEADER, requireNonNull(tenant, "tenant is null"));
        StoreGrpc.StoreFutureStub stub = StoreGrpc.newFutureStub(store.channel())
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        if (!options.callTimeout().isZero()) {
            stub = stub.withDeadlineAfter(options.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        return stub;
    }

    /** The answer of call {@code i}, or {@code null} after recording its failure as a warning (WARN). */
    private static <T> T await(List<Future<T>> calls, int i, StoreEndpoint store, String what,
            PartialResponseStrategy strategy, Merged merged) {
        try {
            return calls.get(i).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelFrom(calls, i);
            throw new QueryException(QueryException.Type.CANCELED, "query canceled while waiting for " + store.address());
        } catch (ExecutionException e) {
            String message = what + " store " + store.address() + ": " + e.getCause().getMessage();
            if (strategy == PartialResponseStrategy.ABORT) {
                cancelFrom(calls, i + 1);
                throw new QueryException(QueryException.Type.EXECUTION, message);
            }
            merged.warnings.add(message);
            return null;
        }
    }

    private static void cancelFrom(List<? extends Future<?>> calls, int from) {
        for (int j = from; j < calls.size(); j++) {
            calls.get(j).cancel(true);
        }
    }

    private static final class Merged {
        private final TreeSet<String> values = new TreeSet<>(Labels::compareUtf8);
        private final List<String> warnings = new ArrayList<>();

        void add(List<ByteString> received, List<String> storeWarnings) {
            for (ByteString value : received) {
                values.add(value.toStringUtf8());
            }
            warnings.addAll(storeWarnings);
        }

        LabelQueryResult result(long limit) {
            List<String> out = new ArrayList<>(limit > 0 ? (int) Math.min(limit, values.size()) : values.size());
            for (String value : values) {
                if (limit > 0 && out.size() == limit) {
                    break;
                }
                out.add(value);
            }
            return new LabelQueryResult(out, warnings);
        }
    }
}
