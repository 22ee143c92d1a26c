package io.thanosjava.engine;

/**
 * Statistics of one query, shaped like Prometheus' {@code stats=all}.
 *
 * @param totalQueryableSamples samples read from storage
 * @param peakSamples the largest number of samples held at once
 * @param evalNanos wall time of evaluation
 */
public record QueryStats(long totalQueryableSamples, long peakSamples, long evalNanos) {
}
