package io.thanosjava.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Engine settings that a query may override.
 *
 * @param lookbackDeltaMillis how far back an instant selector looks for a sample (default 5m)
 * @param timeout wall-clock budget of one query
 * @param maxSamples most samples a query may hold in memory at once
 * @param defaultSubqueryStepMillis step of subqueries written without one ({@code x[5m:]})
 * @param enableExperimentalFunctions whether experimental functions and {@code limitk}/{@code limit_ratio} may run
 * @param delayedNameRemoval Prometheus' {@code promql-delayed-name-removal}: drop {@code __name__} at the end
 *     of evaluation instead of in each operator
 */
public record QueryOptions(long lookbackDeltaMillis, Duration timeout, long maxSamples, long defaultSubqueryStepMillis,
                           boolean enableExperimentalFunctions, boolean delayedNameRemoval) {
    /** Prometheus' default {@code --query.max-samples}. */
    public static final long DEFAULT_MAX_SAMPLES = 50_000_000L;

    /** Defaults as Thanos runs the Prometheus engine. */
    public static final QueryOptions DEFAULT = new QueryOptions(5 * 60_000L, Duration.ofMinutes(2), DEFAULT_MAX_SAMPLES,
            60_000L, false, false);

    /** Checks the components. */
    public QueryOptions {
        Objects.requireNonNull(timeout, "timeout is null");
        if (lookbackDeltaMillis <= 0) {
            throw new IllegalArgumentException("lookback delta must be positive, got " + lookbackDeltaMillis + "ms");
        }
        if (maxSamples <= 0) {
            throw new IllegalArgumentException("max samples must be positive, got " + maxSamples);
        }
        if (defaultSubqueryStepMillis <= 0) {
            throw new IllegalArgumentException("default subquery step must be positive, got " + defaultSubqueryStepMillis + "ms");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** These options with another lookback delta, in milliseconds. */
    public QueryOptions withLookbackDelta(long millis) {
        return new QueryOptions(millis, timeout, maxSamples, defaultSubqueryStepMillis, enableExperimentalFunctions, delayedNameRemoval);
    }

    /** These options with another timeout. */
    public QueryOptions withTimeout(Duration t) {
        return new QueryOptions(lookbackDeltaMillis, t, maxSamples, defaultSubqueryStepMillis, enableExperimentalFunctions, delayedNameRemoval);
    }

    /** These options with another sample limit. */
    public QueryOptions withMaxSamples(long n) {
        return new QueryOptions(lookbackDeltaMillis, timeout, n, defaultSubqueryStepMillis, enableExperimentalFunctions, delayedNameRemoval);
    }

    /** These options with experimental functions allowed or not. */
    public QueryOptions withExperimentalFunctions(boolean on) {
        return new QueryOptions(lookbackDeltaMillis, timeout, maxSamples, defaultSubqueryStepMillis, on, delayedNameRemoval);
    }

    /** These options with delayed {@code __name__} removal on or off. */
    public QueryOptions withDelayedNameRemoval(boolean on) {
        return new QueryOptions(lookbackDeltaMillis, timeout, maxSamples, defaultSubqueryStepMillis, enableExperimentalFunctions, on);
    }

    /** These options with another default subquery step, in milliseconds. */
    public QueryOptions withDefaultSubqueryStep(long millis) {
        return new QueryOptions(lookbackDeltaMillis, timeout, maxSamples, millis, enableExperimentalFunctions, delayedNameRemoval);
    }
}
