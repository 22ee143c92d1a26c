package io.thanosjava.benchmarks.engine;

import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.model.Labels;
import io.thanosjava.stores.memory.InMemoryStore;
import io.thanosjava.stores.memory.InMemoryStoreBuilder;

/**
 * The data of thanos-io/promql-engine's range-query benchmark, so that figures compare with the
 * published ones: 1,000 pods, each with 3 {@code http_requests_total} counters (container c0..c2,
 * value {@code pod + container * k} at scrape {@code k}), one constant {@code http_responses_total}
 * (value {@code pod}) and 11 classic {@code http_response_seconds_bucket} counters ({@code le} 0..9,
 * value {@code pod + le * k}, and +Inf, value {@code pod + pod * k}). Scraped every 30 s from time
 * 0 for 6 h (721 samples each, 15,000 series). Queries cover the first 2 h at a 30 s step.
 */
final class EngineDataset {
    static final int PODS = 1_000;
    static final int CONTAINERS = 3;
    static final int FINITE_BUCKETS = 10;
    static final long SCRAPE_MS = 30_000;
    static final int SAMPLES = 6 * 120 + 1;

    static final long QUERY_START_MS = 0;
    static final long QUERY_END_MS = 2 * 3_600_000L;
    static final long QUERY_STEP_MS = 30_000;
    /** Steps of the range query: 0, 30 s, ..., 2 h. */
    static final int STEPS = (int) ((QUERY_END_MS - QUERY_START_MS) / QUERY_STEP_MS) + 1;

    private EngineDataset() {
    }

    /** Value of {@code http_requests_total{pod="p<pod>", container="c<container>"}} at scrape {@code k}. */
    static double requests(int pod, int container, int k) {
        return pod + (double) container * k;
    }

    /** Receives each series of the data set once. */
    interface SeriesSink {
        void add(Labels labels, long[] timestamps, double[] values);
    }

    /** The data set as the engine's in-process {@code Queryable}. */
    static InMemoryQueryable queryable() {
        InMemoryQueryable.Builder builder = InMemoryQueryable.builder();
        forEachSeries(builder::add);
        return builder.build();
    }

    /** The data set as a StoreAPI backend, in 120-sample XOR chunks. */
    static InMemoryStore store() {
        InMemoryStoreBuilder builder = new InMemoryStoreBuilder();
        forEachSeries((labels, timestamps, values) -> {
            int id = builder.series(labels);
            for (int k = 0; k < timestamps.length; k++) {
                builder.append(id, timestamps[k], values[k]);
            }
        });
        return builder.build();
    }

    static void forEachSeries(SeriesSink sink) {
        long[] timestamps = new long[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            timestamps[k] = k * SCRAPE_MS;
        }
        for (int pod = 0; pod < PODS; pod++) {
            String podName = "p" + pod;
            for (int c = 0; c < CONTAINERS; c++) {
                sink.add(Labels.of(Labels.METRIC_NAME, "http_requests_total", "pod", podName, "container", "c" + c),
                        timestamps, line(pod, c));
            }
            sink.add(Labels.of(Labels.METRIC_NAME, "http_responses_total", "pod", podName), timestamps, line(pod, 0));
            for (int le = 0; le < FINITE_BUCKETS; le++) {
                sink.add(bucket(podName, Integer.toString(le)), timestamps, line(pod, le));
            }
            sink.add(bucket(podName, "+Inf"), timestamps, line(pod, pod));
        }
    }

    private static Labels bucket(String pod, String le) {
        return Labels.of(Labels.METRIC_NAME, "http_response_seconds_bucket", "pod", pod, "le", le);
    }

    /** {@code start + slope * k} for every scrape {@code k}. */
    private static double[] line(int start, int slope) {
        double[] values = new double[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            values[k] = start + (double) slope * k;
        }
        return values;
    }
}
