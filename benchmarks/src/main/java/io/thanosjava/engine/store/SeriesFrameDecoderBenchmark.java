package io.thanosjava.engine.store;

import com.google.protobuf.CodedOutputStream;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.XorAppender;
import io.thanosjava.storeapi.ChunkConverter;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.store.Series;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
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
 * The fan-out client's decoding of one received {@code batch} frame ({@link SeriesFrameDecoder},
 * internal to the query engine, hence this package), per series: 64 series of the fan-in harness's
 * shape (labels {@code __name__, instance, job, store}, counter-like values every 15 s in XOR chunks
 * of 120 samples), with and without chunk verification. The frame is encoded once with protobuf-java.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SeriesFrameDecoderBenchmark {
    private static final int SERIES = 64;
    private static final int BATCH_FIELD = 4;
    private static final int BATCH_SERIES_FIELD = 1;

    @Param({"480", "120"})
    public int samples;

    @Param({"true", "false"})
    public boolean verify;

    private byte[] frame;
    private SeriesFrameDecoder decoder;

    @Setup
    public void setup() throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(batch);
        for (int i = 0; i < SERIES; i++) {
            out.writeMessage(BATCH_SERIES_FIELD, series(i));
        }
        out.flush();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        CodedOutputStream wrapper = CodedOutputStream.newInstance(response);
        wrapper.writeByteArray(BATCH_FIELD, batch.toByteArray());
        wrapper.flush();
        frame = response.toByteArray();
        decoder = new SeriesFrameDecoder(verify ? new ChunkVerifier() : null);
        SeriesFrame decoded = decoder.decode(frame, 0, frame.length);
        if (!(decoded instanceof SeriesFrame.Series s) || s.series().length != SERIES
                || s.series()[0].chunks().size() != (samples + 119) / 120) {
            throw new IllegalStateException("the frame did not decode to " + SERIES + " series: " + decoded);
        }
    }

    private Series series(int i) {
        Labels labels = Labels.of("__name__", "bench", "instance", String.format(Locale.ROOT, "i%06d", i),
                "job", "j" + (i % 10), "store", "s0");
        Series.Builder series = Series.newBuilder().addAllLabels(LabelsConverter.toThanos(labels));
        XorAppender appender = new XorAppender();
        double v = i;
        for (int k = 0; k < samples; k++) {
            v += (k * 7 + i) % 13;
            appender.append(k * 15_000L, v);
            if (appender.numSamples() == 120 || k == samples - 1) {
                series.addChunks(ChunkConverter.toThanosRaw(appender.toChunk()));
                appender.reset();
            }
        }
        return series.build();
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public SeriesFrame decode() {
        return decoder.decode(frame, 0, frame.length);
    }
}
