package io.thanosjava.benchmarks.model;

import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorAppender;
import io.thanosjava.model.chunk.XorChunkIterator;
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
 * XOR chunk decoding, reported per sample: {@link #CHUNKS} chunks of 120 samples are decoded per
 * operation, both through the iterator and in bulk into a {@link SampleBuffer}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class XorDecodeBenchmark {
    public static final int CHUNKS = 256;
    private static final int SAMPLES = CHUNKS * SampleShape.SAMPLES_PER_CHUNK;

    @Param({"COUNTER", "GAUGE", "RANDOM", "JITTERED_COUNTER"})
    public SampleShape shape;

    private SampleShape.Samples samples;
    private byte[][] chunks;
    private final XorChunkIterator iterator = new XorChunkIterator();
    private final SampleBuffer buffer = new SampleBuffer(SampleShape.SAMPLES_PER_CHUNK);

    @Setup
    public void setup() {
        samples = shape.generate(CHUNKS, 42);
        chunks = encode(samples);
        verify();
    }

    public static byte[][] encode(SampleShape.Samples samples) {
        int chunkCount = samples.timestamps().length / SampleShape.SAMPLES_PER_CHUNK;
        byte[][] out = new byte[chunkCount][];
        XorAppender appender = new XorAppender();
        for (int c = 0; c < chunkCount; c++) {
            appender.reset();
            for (int i = c * SampleShape.SAMPLES_PER_CHUNK; i < (c + 1) * SampleShape.SAMPLES_PER_CHUNK; i++) {
                appender.append(samples.timestamps()[i], samples.values()[i]);
            }
            out[c] = appender.bytes();
        }
        return out;
    }

    /** Both decode paths must return every generated sample, bit for bit. */
    void verify() {
        int i = 0;
        for (byte[] chunk : chunks) {
            iterator.reset(chunk);
            while (iterator.next()) {
                check(i, iterator.atT(), iterator.atV());
                i++;
            }
        }
        check(i == SAMPLES, "iterator decoded " + i + " samples, expected " + SAMPLES);
        i = 0;
        for (byte[] chunk : chunks) {
            buffer.clear();
            iterator.reset(chunk).decodeRemainingInto(buffer, Long.MIN_VALUE, Long.MAX_VALUE);
            for (int k = 0; k < buffer.size(); k++) {
                check(i++, buffer.timestamp(k), buffer.value(k));
            }
        }
        check(i == SAMPLES, "bulk decode gave " + i + " samples, expected " + SAMPLES);
    }

    private void check(int i, long t, double v) {
        check(t == samples.timestamps()[i]
                && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(samples.values()[i]),
                "sample " + i + " decoded wrongly");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public long iterator() {
        long acc = 0;
        for (byte[] chunk : chunks) {
            iterator.reset(chunk);
            while (iterator.next()) {
                acc += iterator.atT() ^ Double.doubleToRawLongBits(iterator.atV());
            }
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public int bulk() {
        int n = 0;
        for (byte[] chunk : chunks) {
            buffer.clear();
            n += iterator.reset(chunk).decodeRemainingInto(buffer, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        return n;
    }
}
