package io.thanosjava.benchmarks.functions;

import io.thanosjava.engine.functions.BucketQuantile;
import io.thanosjava.model.GoFloatFormat;
import io.thanosjava.engine.functions.LinearRegression;
import io.thanosjava.engine.functions.OverTime;
import io.thanosjava.engine.functions.Rates;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call cost of the PromQL kernels over one series: the data of the engine benchmark (a
 * counter scraped every 30 s over 6 h) evaluated as a 2 h range query at 30 s steps, so one
 * operation is 240 windows. {@code rate1m} sees 2 samples per window, {@code *10m} 20.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FunctionKernelsBenchmark {
    private static final long SCRAPE_MS = 30_000;
    private static final int SAMPLES = 6 * 120;
    private static final int STEPS = 240;
    private static final long FIRST_STEP_MS = 4 * 3_600_000L;

    private final long[] ts = new long[SAMPLES];
    private final double[] vs = new double[SAMPLES];
    private final double[] scratch = new double[64];
    private final double[] bounds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Double.POSITIVE_INFINITY};
    private final double[] counts = new double[bounds.length];
    private final double[] boundsWork = new double[bounds.length];
    private final double[] countsWork = new double[bounds.length];
    private final BucketQuantile bucketQuantile = new BucketQuantile();
    private final double[] formatted = {0, 12345, 0.26666666666666666, 1.5, 3.3333333333333335e-7, 1234.5678};

    @Setup
    public void setUp() {
        double v = 0;
        for (int i = 0; i < SAMPLES; i++) {
            ts[i] = i * SCRAPE_MS + 17;
            v += 1 + (i * 7919 % 13);
            vs[i] = i == 300 ? 3 : v;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 10.0 * (i + 1) * (i + 1) + 0.1 * i;
        }
    }

    /** Index of the first sample after {@code t} (samples are evenly spaced). */
    private static int after(long t) {
        return (int) Math.min(SAMPLES, Math.max(0, Math.floorDiv(t - 17, SCRAPE_MS) + 1));
    }

    private double rangeOf(long rangeMs, int kernel) {
        double acc = 0;
        for (int s = 0; s < STEPS; s++) {
            long end = FIRST_STEP_MS + s * SCRAPE_MS;
            long start = end - rangeMs;
            int from = after(start);
            int to = after(end);
            switch (kernel) {
                case 0: acc += Rates.extrapolatedRate(ts, vs, from, to, start, end, true, true); break;
                case 1: acc += OverTime.sum(vs, from, to); break;
                case 2: acc += OverTime.avg(vs, from, to); break;
                case 3: acc += OverTime.quantile(0.9, vs, from, to, scratch); break;
                case 4: acc += LinearRegression.deriv(ts, vs, from, to); break;
                default: acc += OverTime.stddev(vs, from, to); break;
            }
        }
        return acc;
    }

    @Benchmark
    public double rate1m() {
        return rangeOf(60_000, 0);
    }

    @Benchmark
    public double rate10m() {
        return rangeOf(600_000, 0);
    }

    @Benchmark
    public double sumOverTime10m() {
        return rangeOf(600_000, 1);
    }

    @Benchmark
    public double avgOverTime10m() {
        return rangeOf(600_000, 2);
    }

    @Benchmark
    public double quantileOverTime10m() {
        return rangeOf(600_000, 3);
    }

    @Benchmark
    public double deriv10m() {
        return rangeOf(600_000, 4);
    }

    @Benchmark
    public double stddevOverTime10m() {
        return rangeOf(600_000, 5);
    }

    /** 240 steps of histogram_quantile over one group of 12 classic buckets. */
    @Benchmark
    public double histogramQuantile() {
        double acc = 0;
        for (int s = 0; s < STEPS; s++) {
            System.arraycopy(bounds, 0, boundsWork, 0, bounds.length);
            System.arraycopy(counts, 0, countsWork, 0, counts.length);
            acc += bucketQuantile.compute(0.9, boundsWork, countsWork, bounds.length);
        }
        return acc;
    }

    /** Formatting of six typical sample values as the JSON API prints them. */
    @Benchmark
    public int formatJsonValues() {
        int length = 0;
        for (double v : formatted) {
            length += GoFloatFormat.formatApiValue(v).length();
        }
        return length;
    }
}
