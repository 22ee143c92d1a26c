package io.thanosjava.examples;

import io.thanosjava.model.Labels;
import java.time.Instant;

/**
 * The data both examples query, small enough to check by hand: the counter
 * {@code http_requests_total} of two instances ({@code api-0} serving 1 request per second,
 * {@code api-1} 2 per second), scraped every 20 s for 30 minutes by two HA Prometheus replicas.
 * Replica "a" misses the scrapes of minutes 8 to 12, replica "b" those of minutes 18 to 22;
 * otherwise both hold the same samples. The gaps begin more than a minute before the examples'
 * query times: when penalty deduplication switches replicas it skips the new replica's samples
 * for two scrape intervals (as Thanos does), which would thin out a {@code [1m]} window right
 * after the switch.
 */
final class ExampleData {
    static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long END = START + minutes(30);
    static final long SCRAPE_INTERVAL_MILLIS = 20_000;
    static final String REPLICA_LABEL = "replica";

    private static final String[] INSTANCES = {"api-0", "api-1"};
    private static final double INITIAL_COUNT = 1000;

    /** The two replicas and the scrapes each one missed, {@code [gapStart, gapEnd)}. */
    enum Replica {
        A("a", START + minutes(8), START + minutes(12)),
        B("b", START + minutes(18), START + minutes(22));

        final String name;
        private final long gapStart;
        private final long gapEnd;

        Replica(String name, long gapStart, long gapEnd) {
            this.name = name;
            this.gapStart = gapStart;
            this.gapEnd = gapEnd;
        }
    }

    /** Receives one series with its samples in time order. */
    interface SeriesSink {
        void series(Labels labels, long[] timestamps, double[] values);
    }

    private ExampleData() {
    }

    /** Requests per second of instance {@code instance}. */
    private static double requestsPerSecond(int instance) {
        return instance + 1;
    }

    /** What {@code replica} scraped; labels are the targets' own (no replica label). */
    static void scrapes(Replica replica, SeriesSink sink) {
        long[] timestamps = scrapeTimes(replica);
        for (int i = 0; i < INSTANCES.length; i++) {
            double[] values = new double[timestamps.length];
            for (int s = 0; s < timestamps.length; s++) {
                values[s] = INITIAL_COUNT + requestsPerSecond(i) * (timestamps[s] - START) / 1000;
            }
            sink.series(Labels.of("__name__", "http_requests_total", "job", "api", "instance", INSTANCES[i]),
                    timestamps, values);
        }
    }

    private static long[] scrapeTimes(Replica replica) {
        long skipped = (replica.gapEnd - replica.gapStart) / SCRAPE_INTERVAL_MILLIS;
        long[] times = new long[(int) ((END - START) / SCRAPE_INTERVAL_MILLIS + 1 - skipped)];
        int n = 0;
        for (long t = START; t <= END; t += SCRAPE_INTERVAL_MILLIS) {
            if (t < replica.gapStart || t >= replica.gapEnd) {
                times[n++] = t;
            }
        }
        return times;
    }

    static long minutes(long m) {
        return m * 60_000;
    }
}
