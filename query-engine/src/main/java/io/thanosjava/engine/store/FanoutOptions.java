package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Per-querier settings of the Series and label fan-out.
 *
 * @param responseTimeout {@code --store.response-timeout}: a store that sends no frame for this long
 *     while data is owed is given up on; {@link Duration#ZERO} disables it
 * @param callTimeout deadline of each store call ({@code --query.timeout}); {@link Duration#ZERO} disables it
 * @param seriesLimit {@code --store.limits.request-series}: most series one Series fan-out may return; 0 = no limit
 * @param samplesLimit {@code --store.limits.request-samples}: most samples (counted as chunks x 120) one Series
 *     fan-out may return; 0 = no limit
 * @param bufferedFrames response frames buffered per store before flow control holds the store back
 * @param responseBatchSize {@code response_batch_size} asked of stores (series per frame)
 * @param verifyChunks whether every received XOR chunk is decoded once on receipt, so that a store sending
 *     corrupt bytes is treated as a failed store (warning or error naming it) instead of failing the query
 *     later in the engine
 */
public record FanoutOptions(Duration responseTimeout, Duration callTimeout, long seriesLimit, long samplesLimit,
                            int bufferedFrames, int responseBatchSize, boolean verifyChunks) {
    /** Thanos counts samples of a Series call as chunks times this. */
    public static final long SAMPLES_PER_CHUNK = 120;

    public FanoutOptions {
        requireNonNull(responseTimeout, "responseTimeout is null");
        requireNonNull(callTimeout, "callTimeout is null");
        if (responseTimeout.isNegative() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
        if (seriesLimit < 0 || samplesLimit < 0) {
            throw new IllegalArgumentException("limits must not be negative (0 means no limit)");
        }
        if (bufferedFrames < 1) {
            throw new IllegalArgumentException("bufferedFrames must be at least 1, got " + bufferedFrames);
        }
        if (responseBatchSize < 0) {
            throw new IllegalArgumentException("responseBatchSize must not be negative, got " + responseBatchSize);
        }
    }

    /** Thanos' defaults: no response timeout, 2 minute calls, no limits, batches of 64; chunks verified. */
    public static FanoutOptions defaults() {
        return new FanoutOptions(Duration.ZERO, Duration.ofMinutes(2), 0, 0, 16, 64, true);
    }

    public FanoutOptions withResponseTimeout(Duration timeout) {
        return new FanoutOptions(timeout, callTimeout, seriesLimit, samplesLimit, bufferedFrames, responseBatchSize,
                verifyChunks);
    }

    public FanoutOptions withCallTimeout(Duration timeout) {
        return new FanoutOptions(responseTimeout, timeout, seriesLimit, samplesLimit, bufferedFrames, responseBatchSize,
                verifyChunks);
    }

    public FanoutOptions withLimits(long series, long samples) {
        return new FanoutOptions(responseTimeout, callTimeout, series, samples, bufferedFrames, responseBatchSize,
                verifyChunks);
    }

    public FanoutOptions withVerifyChunks(boolean verify) {
        return new FanoutOptions(responseTimeout, callTimeout, seriesLimit, samplesLimit, bufferedFrames,
                responseBatchSize, verify);
    }
}
