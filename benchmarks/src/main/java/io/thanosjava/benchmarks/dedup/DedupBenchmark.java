package io.thanosjava.benchmarks.dedup;

import static io.thanosjava.benchmarks.dedup.DedupDataset.INPUT_SAMPLES;

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
 * Plain merge against penalty deduplication on {@link DedupDataset} (2 replicas x 10,000 series x
 * 480 samples), from XOR chunks through the whole pipeline and on decoded arrays. One operation is
 * one input sample (9.6 M per invocation); run with {@code -prof gc} for bytes per sample. On a
 * loaded machine, {@link DedupCpuTime} measures the same workloads in CPU time of the reading thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class DedupBenchmark {
    private DedupDataset data;

    @Setup
    public void setup() {
        data = new DedupDataset();
    }

    @Benchmark
    @OperationsPerInvocation(INPUT_SAMPLES)
    public long mergeChunks() {
        return data.mergeChunks();
    }

    @Benchmark
    @OperationsPerInvocation(INPUT_SAMPLES)
    public long penaltyDedupChunks() {
        return data.penaltyDedupChunks();
    }

    @Benchmark
    @OperationsPerInvocation(INPUT_SAMPLES)
    public long mergeArrays() {
        return data.mergeArrays();
    }

    @Benchmark
    @OperationsPerInvocation(INPUT_SAMPLES)
    public long penaltyArrays() {
        return data.penaltyArrays();
    }
}
