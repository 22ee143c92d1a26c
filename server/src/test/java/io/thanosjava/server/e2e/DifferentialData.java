package io.thanosjava.server.e2e;

import io.thanosjava.testing.prometheus.OpenMetricsGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seeded data set of the differential tests, and its split into 2 shards x 2 replicas whose
 * penalty-deduplicated union is exactly the original.
 *
 * <p>Shards: series of {@code job-0} and {@code job-2} form shard 0, {@code job-1} shard 1.
 *
 * <p>Replicas: each replica drops a few samples that the other keeps, and only where Thanos'
 * penalty deduplication provably returns every sample. The merge follows one replica; after
 * emitting a sample at {@code t} it seeks the other replica to {@code t + 1 + 2 x (t - previous)}
 * (5 s for the first sample), and a seek never goes back. So the other replica has been pushed at
 * most to the largest such "reach" over the samples emitted so far. A replica drops the
 * {@value #DROPPED} samples that follow sample {@code i} only when that reach, over samples up to
 * {@code i}, is still before sample {@code i + 1}: both replicas then stand at or before it, the
 * one that has it wins, and no sample is passed over. Since every sample is emitted, the reach is
 * a property of the data alone. Drops alternate between replicas, eligible place by eligible place.
 * Replica 1 also lacks each series' first sample (harmless: replica 0 has it and wins, and the 5 s
 * initial penalty stops short of the second sample). Its chunks of 120 samples therefore never
 * start on the same sample as replica 0's (their sample counts differ by one plus an even number),
 * so no chunk is byte-identical in both: the fan-out drops identical chunks of a series, as Thanos'
 * does, and the overlap split would then leave one replica with a hole the penalty merge cannot
 * bridge without loss.
 * Cumulative series (counters, buckets, {@code _count}, {@code _sum}) drop only after their last
 * decrease, because a replica switch under a counter function corrects a decrease across it
 * (Thanos' counter adjustment), which would then differ from Prometheus at a real reset.
 */
final class DifferentialData {
    static final long START = 1_794_960_000_000L;
    static final long END = START + 2 * 3_600_000L;
    static final int DROPPED = 2;
    /** Thanos' penalty before any interval is known. */
    static final long INITIAL_PENALTY_MILLIS = 5000;

    private final String openMetrics;

    DifferentialData(long seed) {
        this.openMetrics = OpenMetricsGenerator.builder(seed).start(START).end(END).interval(15_000)
                .jobs(3).instancesPerJob(2).gapProbability(0.03).resetProbability(0.002).build().generate();
    }

    String openMetrics() {
        return openMetrics;
    }

    /** The OpenMetrics text of one shard's replica (0 or 1), with the replica's drops applied. */
    String replica(int shard, int replica) {
        Map<String, Set<Long>> dropped = droppedSamples(replica);
        StringBuilder out = new StringBuilder(openMetrics.length() / 2);
        for (String line : openMetrics.split("\n")) {
            if (line.startsWith("#")) {
                out.append(line).append('\n');
                continue;
            }
            String series = seriesOf(line);
            if (shardOf(series) != shard) {
                continue;
            }
            Set<Long> drops = dropped.get(series);
            if (drops == null || !drops.contains(timestampOf(line))) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** How many samples each replica drops in total (for the report). */
    int droppedCount(int replica) {
        int n = 0;
        for (Set<Long> s : droppedSamples(replica).values()) {
            n += s.size();
        }
        return n;
    }

    private Map<String, Set<Long>> droppedSamples(int replica) {
        Map<String, List<String>> bySeries = new HashMap<>();
        for (String line : openMetrics.split("\n")) {
            if (!line.startsWith("#")) {
                bySeries.computeIfAbsent(seriesOf(line), k -> new ArrayList<>()).add(line);
            }
        }
        Map<String, Set<Long>> result = new HashMap<>();
        for (Map.Entry<String, List<String>> e : bySeries.entrySet()) {
            Set<Long> drops = dropsOf(e.getKey(), e.getValue(), replica);
            if (!drops.isEmpty()) {
                result.put(e.getKey(), drops);
            }
        }
        return result;
    }

    private static Set<Long> dropsOf(String series, List<String> lines, int replica) {
        int n = lines.size();
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = timestampOf(lines.get(i));
            v[i] = valueOf(lines.get(i));
        }
        int firstAllowed = cumulative(series) ? afterLastDecrease(v) : 0;
        Set<Long> drops = new HashSet<>();
        int eligible = 0;
        long reach = t[0] + INITIAL_PENALTY_MILLIS;
        for (int i = 1; i + DROPPED + 1 < n; i++) {
            reach = Math.max(reach, t[i] + 2 * (t[i] - t[i - 1]));
            if (i < firstAllowed || reach >= t[i + 1]) {
                continue;
            }
            if (eligible++ % 2 == replica) {
                for (int k = 1; k <= DROPPED; k++) {
                    drops.add(t[i + k]);
                }
            }
        }
        if (replica == 1) {
            drops.add(t[0]);
        }
        return drops;
    }

    private static int afterLastDecrease(double[] v) {
        for (int i = v.length - 1; i > 0; i--) {
            if (v[i] < v[i - 1]) {
                return i;
            }
        }
        return 0;
    }

    private static boolean cumulative(String series) {
        String name = series.substring(0, series.indexOf('{'));
        return name.endsWith("_total") || name.endsWith("_bucket") || name.endsWith("_count") || name.endsWith("_sum");
    }

    private static int shardOf(String series) {
        return series.contains("job=\"job-1\"") ? 1 : 0;
    }

    private static String seriesOf(String line) {
        return line.substring(0, line.indexOf("} ") + 1);
    }

    private static double valueOf(String line) {
        int end = line.lastIndexOf(' ');
        return Double.parseDouble(line.substring(line.indexOf("} ") + 2, end));
    }

    /** Milliseconds of the sample's {@code seconds.mmm} timestamp. */
    private static long timestampOf(String line) {
        String ts = line.substring(line.lastIndexOf(' ') + 1);
        int dot = ts.indexOf('.');
        return Long.parseLong(ts.substring(0, dot)) * 1000 + Long.parseLong(ts.substring(dot + 1));
    }
}
