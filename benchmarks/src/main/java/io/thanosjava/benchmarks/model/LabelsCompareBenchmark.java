package io.thanosjava.benchmarks.model;

import io.thanosjava.model.Labels;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ordering label sets as the fan-out's merge does: each op compares two sets received from two
 * stores, {@code {__name__, instance, job, store}}, equal up to the last label, with every value a
 * String of its own (as decoded by separate streams), so no comparison succeeds on identity.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LabelsCompareBenchmark {
    private static final int SETS = 1024;

    private Labels[] fromStoreA;
    private Labels[] fromStoreB;

    @Setup
    public void setup() {
        fromStoreA = new Labels[SETS];
        fromStoreB = new Labels[SETS];
        for (int i = 0; i < SETS; i++) {
            fromStoreA[i] = received(i, "s0");
            fromStoreB[i] = received(i, "s1");
            if (Integer.signum(fromStoreA[i].compareTo(fromStoreB[i])) != -1) {
                throw new IllegalStateException("store s0's series must sort first: " + fromStoreA[i]);
            }
        }
    }

    private static Labels received(int i, String store) {
        return Labels.of(new String("__name__"), new String("bench"), new String("instance"),
                String.format(Locale.ROOT, "i%06d", i), new String("job"), "j" + (i % 10), new String("store"),
                new String(store));
    }

    @Benchmark
    @OperationsPerInvocation(SETS)
    public int compare() {
        int sum = 0;
        for (int i = 0; i < SETS; i++) {
            sum += fromStoreA[i].compareTo(fromStoreB[i]);
        }
        return sum;
    }
}
