package io.thanosjava.benchmarks.model;

import io.thanosjava.model.chunk.XorAppender;
import java.util.Arrays;
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
import org.openjdk.jmh.infra.Blackhole;

/** XOR chunk encoding per sample, including copying out each finished chunk's bytes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class XorEncodeBenchmark {
    private static final int SAMPLES = XorDecodeBenchmark.CHUNKS * SampleShape.SAMPLES_PER_CHUNK;

    @Param({"COUNTER", "GAUGE", "RANDOM"})
    public SampleShape shape;

    private long[] timestamps;
    private double[] values;
    private final XorAppender appender = new XorAppender();

    @Setup
    public void setup() {
        SampleShape.Samples samples = shape.generate(XorDecodeBenchmark.CHUNKS, 42);
        timestamps = samples.timestamps();
        values = samples.values();
        verify(samples);
    }

    /** The benchmark's loop must produce the same chunks as a plain encode. */
    private void verify(SampleShape.Samples samples) {
        byte[][] expected = XorDecodeBenchmark.encode(samples);
        byte[][] actual = new byte[expected.length][];
        int[] next = {0};
        encodeAll(chunk -> actual[next[0]++] = chunk);
        if (!Arrays.deepEquals(expected, actual)) {
            throw new IllegalStateException("benchmark loop encodes differently");
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void encode(Blackhole bh) {
        encodeAll(bh::consume);
    }

    private void encodeAll(java.util.function.Consumer<byte[]> sink) {
        for (int start = 0; start < SAMPLES; start += SampleShape.SAMPLES_PER_CHUNK) {
            appender.reset();
            for (int i = start; i < start + SampleShape.SAMPLES_PER_CHUNK; i++) {
                appender.append(timestamps[i], values[i]);
            }
            sink.accept(appender.bytes());
        }
    }
}
