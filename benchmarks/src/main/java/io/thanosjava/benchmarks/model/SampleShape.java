package io.thanosjava.benchmarks.model;

import java.util.SplittableRandom;

/** The data shapes the chunk benchmarks run on; all are scraped every 15 s, 120 samples per chunk. */
public enum SampleShape {
    /** An integer counter growing by 0..99 per scrape: the common case, mostly dod 0 and narrow XORs. */
    COUNTER {
        @Override
        double next(double previous, int i, SplittableRandom random) {
            return previous + random.nextInt(100);
        }
    },
    /** A gauge drifting slowly, rounded to three decimals (a temperature, a queue length average). */
    GAUGE {
        @Override
        double next(double previous, int i, SplittableRandom random) {
            return Math.round((20 + 5 * Math.sin(i / 40.0)) * 1000) / 1000.0;
        }
    },
    /** Uniform random floats in [0, 1): full mantissas, the worst case for XOR compression. */
    RANDOM {
        @Override
        double next(double previous, int i, SplittableRandom random) {
            return random.nextDouble();
        }
    },
    /**
     * {@link #COUNTER} scraped 0-2 ms late, as real scrapes are: the delta-of-delta is a small number
     * of either sign or zero, so its form changes unpredictably from sample to sample.
     */
    JITTERED_COUNTER {
        @Override
        double next(double previous, int i, SplittableRandom random) {
            return COUNTER.next(previous, i, random);
        }

        @Override
        long jitter(SplittableRandom random) {
            return random.nextInt(3);
        }
    };

    public static final int SAMPLES_PER_CHUNK = 120;
    public static final long SCRAPE_INTERVAL_MS = 15_000;

    abstract double next(double previous, int i, SplittableRandom random);

    /** How late a sample is scraped, in ms; on time unless a shape says otherwise. */
    long jitter(SplittableRandom random) {
        return 0;
    }

    /** Samples for {@code chunks} consecutive chunks, deterministic for a given seed. */
    public Samples generate(int chunks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = chunks * SAMPLES_PER_CHUNK;
        long[] timestamps = new long[n];
        double[] values = new double[n];
        long t = 1_795_190_400_000L;
        double v = 0;
        for (int i = 0; i < n; i++) {
            v = next(v, i, random);
            timestamps[i] = t + jitter(random);
            values[i] = v;
            t += SCRAPE_INTERVAL_MS;
        }
        return new Samples(timestamps, values);
    }

    /** Parallel arrays of timestamps and values. */
    public record Samples(long[] timestamps, double[] values) {
    }
}
