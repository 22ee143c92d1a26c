package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Per-request overrides of a {@link Querier}'s defaults: Thanos' {@code dedup}, {@code replicaLabels[]},
 * {@code partial_response}, {@code storeMatch[]}, {@code timeout} and {@code lookback_delta}.
 *
 * @param dedup whether replicas are deduplicated (only effective when there are replica labels)
 * @param replicaLabels replica label names; empty means the querier's
 * @param partialResponse what a failing store becomes; {@code null} means the querier's default
 * @param storeMatchers series selectors restricting the stores asked ({@code storeMatch[]}): a store takes part
 *     when one selector matches one of its external label sets, or its address through {@code __address__};
 *     in-process queryables have neither, so any selector leaves them out; empty means every store
 * @param timeout evaluation timeout; {@code null} means the querier's, and a longer one is ignored
 * @param lookbackDeltaMillis lookback delta of instant selectors; 0 means the querier's
 * @param cancel stops the query when cancelled; {@code null} for none
 */
public record RequestOptions(boolean dedup, List<String> replicaLabels, PartialResponse partialResponse,
                             List<String> storeMatchers, Duration timeout, long lookbackDeltaMillis,
                             CancelHandle cancel) {
    /** Deduplication on, everything else the querier's default. */
    public static final RequestOptions DEFAULT = new RequestOptions(true, List.of(), null, List.of(), null, 0, null);

    /**
     * @throws IllegalArgumentException for a timeout that is not positive or a negative lookback delta
     */
    public RequestOptions {
        replicaLabels = List.copyOf(requireNonNull(replicaLabels, "replicaLabels is null"));
        storeMatchers = List.copyOf(requireNonNull(storeMatchers, "storeMatchers is null"));
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (lookbackDeltaMillis < 0) {
            throw new IllegalArgumentException("lookback delta must not be negative, got " + lookbackDeltaMillis + "ms");
        }
    }

    /** These options with deduplication switched on or off. */
    public RequestOptions withDedup(boolean on) {
        return new RequestOptions(on, replicaLabels, partialResponse, storeMatchers, timeout, lookbackDeltaMillis, cancel);
    }

    /** These options with other replica labels (empty: the querier's). */
    public RequestOptions withReplicaLabels(List<String> labels) {
        return new RequestOptions(dedup, labels, partialResponse, storeMatchers, timeout, lookbackDeltaMillis, cancel);
    }

    /** These options with another partial-response strategy ({@code null}: the querier's). */
    public RequestOptions withPartialResponse(PartialResponse strategy) {
        return new RequestOptions(dedup, replicaLabels, strategy, storeMatchers, timeout, lookbackDeltaMillis, cancel);
    }

    /** These options restricted to the stores matching one of the selectors (empty: all stores). */
    public RequestOptions withStoreMatchers(List<String> selectors) {
        return new RequestOptions(dedup, replicaLabels, partialResponse, selectors, timeout, lookbackDeltaMillis, cancel);
    }

    /** These options with a lower timeout ({@code null}: the querier's). */
    public RequestOptions withTimeout(Duration t) {
        return new RequestOptions(dedup, replicaLabels, partialResponse, storeMatchers, t, lookbackDeltaMillis, cancel);
    }

    /** These options with another lookback delta (0: the querier's). */
    public RequestOptions withLookbackDelta(long millis) {
        return new RequestOptions(dedup, replicaLabels, partialResponse, storeMatchers, timeout, millis, cancel);
    }

    /** These options with a handle that cancels the query ({@code null}: none). */
    public RequestOptions withCancel(CancelHandle handle) {
        return new RequestOptions(dedup, replicaLabels, partialResponse, storeMatchers, timeout, lookbackDeltaMillis,
                handle);
    }
}
