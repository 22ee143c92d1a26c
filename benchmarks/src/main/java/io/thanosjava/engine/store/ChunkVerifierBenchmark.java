package io.thanosjava.engine.store;

import io.thanosjava.benchmarks.model.SampleShape;
import io.thanosjava.benchmarks.model.XorDecodeBenchmark;
import io.thanosjava.model.chunk.Chunk;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fan-out's check of received XOR chunks ({@link ChunkVerifier}, internal to the query engine,
 * hence this package), reported per sample over the shapes of {@code XorDecodeBenchmark}, so that it
 * reads next to the cost of decoding the same chunks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChunkVerifierBenchmark {
    private static final int SAMPLES = XorDecodeBenchmark.CHUNKS * SampleShape.SAMPLES_PER_CHUNK;

    @Param({"COUNTER", "GAUGE", "RANDOM", "JITTERED_COUNTER"})
    public SampleShape shape;

    private Chunk[] chunks;
    private final ChunkVerifier verifier = new ChunkVerifier();

    @Setup
    public void setup() {
        SampleShape.Samples samples = shape.generate(XorDecodeBenchmark.CHUNKS, 42);
        byte[][] encoded = XorDecodeBenchmark.encode(samples);
        chunks = new Chunk[encoded.length];
        for (int c = 0; c < encoded.length; c++) {
            long minTime = samples.timestamps()[c * SampleShape.SAMPLES_PER_CHUNK];
            long maxTime = samples.timestamps()[(c + 1) * SampleShape.SAMPLES_PER_CHUNK - 1];
            chunks[c] = new Chunk(minTime, maxTime, Chunk.XOR, encoded[c]);
        }
    }

    /** Every chunk is sound, so a run that ends without an exception verified them all. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void verify() {
        for (Chunk chunk : chunks) {
            verifier.verify(chunk);
        }
    }
}
