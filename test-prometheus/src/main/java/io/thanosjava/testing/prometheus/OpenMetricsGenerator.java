package io.thanosjava.testing.prometheus;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * Seeded random OpenMetrics text for backfilling a Prometheus and loading the same data elsewhere.
 * The same settings and seed always give the same text.
 *
 * <p>Every {@code job}/{@code instance} pair gets:
 * <ul>
 *   <li>{@code <prefix>_requests_total{code="200"|"500"}}: counters that occasionally reset to a
 *       small value;
 *   <li>{@code <prefix>_temperature_celsius}: a gauge doing a random walk (negative values too);
 *   <li>{@code <prefix>_request_duration_seconds}: a classic histogram ({@code _bucket} with
 *       {@code le} = 0.05, 0.1, 0.25, 0.5, 1, 2.5 and +Inf, {@code _sum}, {@code _count}), whose
 *       buckets are cumulative and reset together with its count.
 * </ul>
 * Samples are nominally every {@link Builder#interval} but carry a per-sample jitter of
 * 1..interval/4 ms whose millisecond part is never zero, so no timestamp falls on a whole second
 * and therefore never on the boundary of a window evaluated at whole seconds (where Prometheus 2.x
 * and 3.x differ). Each series also has random gaps (a run of missing samples, occasionally longer
 * than the 5 minute lookback). Series appear in label order inside each metric family and
 * timestamps increase within each series, as {@code promtool tsdb create-blocks-from openmetrics}
 * requires. The text ends with {@code # EOF}.
 *
 * <pre>{@code
 * String om = OpenMetricsGenerator.builder(42)
 *         .start(1_794_960_000_000L).end(1_794_967_200_000L)
 *         .interval(15_000).jobs(2).instancesPerJob(3)
 *         .build().generate();
 * }</pre>
 */
public final class OpenMetricsGenerator {
    private static final String[] BUCKETS = {"0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};
    private static final double[] BUCKET_BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, Double.POSITIVE_INFINITY};
    private static final String[] CODES = {"200", "500"};

    private final long seed;
    private final long start;
    private final long end;
    private final long interval;
    private final int jobs;
    private final int instancesPerJob;
    private final String prefix;
    private final double gapProbability;
    private final double resetProbability;

    private OpenMetricsGenerator(Builder b) {
        this.seed = b.seed;
        this.start = b.start;
        this.end = b.end;
        this.interval = b.interval;
        this.jobs = b.jobs;
        this.instancesPerJob = b.instancesPerJob;
        this.prefix = b.prefix;
        this.gapProbability = b.gapProbability;
        this.resetProbability = b.resetProbability;
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** Number of series {@link #generate} writes: (2 counters + 1 gauge + 9 histogram) per instance. */
    public int seriesCount() {
        return jobs * instancesPerJob * (CODES.length + 1 + BUCKETS.length + 2);
    }

    /** The OpenMetrics text, ending with {@code # EOF}. */
    public String generate() {
        StringBuilder out = new StringBuilder(1 << 16);
        SplittableRandom root = new SplittableRandom(seed);
        out.append("# TYPE ").append(prefix).append("_requests counter\n");
        for (int j = 0; j < jobs; j++) {
            for (int i = 0; i < instancesPerJob; i++) {
                for (String code : CODES) {
                    counter(out, root.split(), labels(j, i, "code", code));
                }
            }
        }
        out.append("# TYPE ").append(prefix).append("_temperature_celsius gauge\n");
        for (int j = 0; j < jobs; j++) {
            for (int i = 0; i < instancesPerJob; i++) {
                gauge(out, root.split(), labels(j, i, null, null));
            }
        }
        out.append("# TYPE ").append(prefix).append("_request_duration_seconds histogram\n");
        for (int j = 0; j < jobs; j++) {
            for (int i = 0; i < instancesPerJob; i++) {
                histogram(out, root.split(), j, i);
            }
        }
        return out.append("# EOF\n").toString();
    }

    private String labels(int job, int instance, String extraName, String extraValue) {
        String base = "instance=\"host-" + instance + ":9100\",job=\"job-" + job + "\"";
        if (extraName == null) {
            return base;
        }
        return extraName.compareTo("instance") < 0
                ? extraName + "=\"" + extraValue + "\"," + base
                : base + "," + extraName + "=\"" + extraValue + "\"";
    }

    private void counter(StringBuilder out, SplittableRandom r, String labels) {
        String name = prefix + "_requests_total{" + labels + "} ";
        double value = r.nextInt(1000);
        Timeline t = new Timeline(r);
        while (t.next()) {
            value = r.nextDouble() < resetProbability ? r.nextInt(5) : value + r.nextInt(50) + r.nextDouble();
            sample(out, name, value, t.timestamp);
        }
    }

    private void gauge(StringBuilder out, SplittableRandom r, String labels) {
        String name = prefix + "_temperature_celsius{" + labels + "} ";
        double value = r.nextDouble(-20, 40);
        Timeline t = new Timeline(r);
        while (t.next()) {
            value += r.nextDouble(-1.5, 1.5);
            sample(out, name, value, t.timestamp);
        }
    }

    /** Bucket series first (in {@code le} order), then {@code _count} and {@code _sum}, each over the same timeline. */
    private void histogram(StringBuilder out, SplittableRandom r, int job, int instance) {
        Timeline t = new Timeline(r.split());
        int steps = 0;
        long[] timestamps = new long[(int) ((end - start) / interval) + 1];
        while (t.next()) {
            timestamps[steps++] = t.timestamp;
        }
        long[][] cumulative = new long[BUCKETS.length][steps];
        double[] sums = new double[steps];
        long[] counts = new long[BUCKETS.length];
        double sum = 0;
        for (int s = 0; s < steps; s++) {
            if (r.nextDouble() < resetProbability) {
                java.util.Arrays.fill(counts, 0);
                sum = 0;
            }
            int observations = r.nextInt(20);
            for (int o = 0; o < observations; o++) {
                double v = r.nextDouble() * r.nextDouble() * 4;
                sum += v;
                for (int b = 0; b < BUCKETS.length; b++) {
                    if (v <= BUCKET_BOUNDS[b]) {
                        counts[b]++;
                    }
                }
            }
            for (int b = 0; b < BUCKETS.length; b++) {
                cumulative[b][s] = counts[b];
            }
            sums[s] = sum;
        }
        String base = labels(job, instance, null, null);
        for (int b = 0; b < BUCKETS.length; b++) {
            String name = prefix + "_request_duration_seconds_bucket{" + base + ",le=\"" + BUCKETS[b] + "\"} ";
            for (int s = 0; s < steps; s++) {
                sample(out, name, cumulative[b][s], timestamps[s]);
            }
        }
        String count = prefix + "_request_duration_seconds_count{" + base + "} ";
        for (int s = 0; s < steps; s++) {
            sample(out, count, cumulative[BUCKETS.length - 1][s], timestamps[s]);
        }
        String sumName = prefix + "_request_duration_seconds_sum{" + base + "} ";
        for (int s = 0; s < steps; s++) {
            sample(out, sumName, sums[s], timestamps[s]);
        }
    }

    /** Value as Java prints it (round-trips exactly), timestamp as seconds with three decimals. */
    private static void sample(StringBuilder out, String name, double value, long timestampMillis) {
        out.append(name).append(value).append(' ')
                .append(Math.floorDiv(timestampMillis, 1000)).append('.');
        long millis = Math.floorMod(timestampMillis, 1000);
        if (millis < 100) {
            out.append(millis < 10 ? "00" : "0");
        }
        out.append(millis).append('\n');
    }

    /** Sample timestamps of one series: jittered steps with random gaps. */
    private final class Timeline {
        private final SplittableRandom r;
        private long step = -1;
        private final long steps = (end - start) / interval;
        long timestamp;

        Timeline(SplittableRandom r) {
            this.r = r;
        }

        boolean next() {
            step++;
            if (step > 0 && r.nextDouble() < gapProbability) {
                step += 1 + r.nextInt(40); // up to 10 min at 15 s: sometimes beyond the lookback
            }
            if (step >= steps) {
                return false;
            }
            long jitter = 1 + r.nextLong(Math.max(1, interval / 4));
            if (jitter % 1000 == 0) {
                jitter++;
            }
            timestamp = start + step * interval + jitter;
            return true;
        }
    }

    /** Settings; every one has a sensible default except the seed. */
    public static final class Builder {
        private final long seed;
        private long start = 1_794_960_000_000L;
        private long end = start + 3_600_000L;
        private long interval = 15_000;
        private int jobs = 2;
        private int instancesPerJob = 2;
        private String prefix = "gen";
        private double gapProbability = 0.01;
        private double resetProbability = 0.005;

        private Builder(long seed) {
            this.seed = seed;
        }

        /** First nominal timestamp in ms (default 2026-11-18T00:00:00Z). Samples lie in [start, end). */
        public Builder start(long startMillis) {
            this.start = startMillis;
            return this;
        }

        /** Exclusive end in ms (default start + 1 h). */
        public Builder end(long endMillis) {
            this.end = endMillis;
            return this;
        }

        /** Nominal scrape interval in ms (default 15 s; at least 8 ms so jitter fits). */
        public Builder interval(long intervalMillis) {
            this.interval = intervalMillis;
            return this;
        }

        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        public Builder instancesPerJob(int instancesPerJob) {
            this.instancesPerJob = instancesPerJob;
            return this;
        }

        /** Metric name prefix (default {@code gen}); must be a valid metric name. */
        public Builder prefix(String prefix) {
            this.prefix = requireNonNull(prefix, "prefix is null");
            return this;
        }

        /** Probability that a gap starts after a sample (default 0.01). */
        public Builder gapProbability(double p) {
            this.gapProbability = p;
            return this;
        }

        /** Probability that a counter or histogram resets at a sample (default 0.005). */
        public Builder resetProbability(double p) {
            this.resetProbability = p;
            return this;
        }

        /** @throws IllegalArgumentException for an empty range, an interval under 8 ms or non-positive counts */
        public OpenMetricsGenerator build() {
            if (end <= start) {
                throw new IllegalArgumentException("end " + end + " must be after start " + start);
            }
            if (interval < 8) {
                throw new IllegalArgumentException("interval must be at least 8 ms, got " + interval);
            }
            if (jobs < 1 || instancesPerJob < 1) {
                throw new IllegalArgumentException("jobs and instancesPerJob must be positive");
            }
            if (!(gapProbability >= 0 && gapProbability < 1 && resetProbability >= 0 && resetProbability < 1)) {
                throw new IllegalArgumentException("probabilities must be in [0, 1)");
            }
            return new OpenMetricsGenerator(this);
        }
    }
}
