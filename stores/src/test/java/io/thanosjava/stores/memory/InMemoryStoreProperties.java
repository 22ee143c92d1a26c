package io.thanosjava.stores.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorChunks;
import io.thanosjava.stores.SeriesSelection;
import java.io.ByteArrayInputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class InMemoryStoreProperties {
    /** Any increasing timestamps and any value bits come back exactly, in chunks of at most 120. */
    @Property(tries = 100)
    void samplesRoundTripThroughChunks(@ForAll @Size(min = 1, max = 700) List<@IntRange(min = 1, max = 100_000) Integer> gaps,
            @ForAll long firstTimestamp, @ForAll("valueBits") List<Long> bits) {
        long[] ts = new long[gaps.size()];
        long t = Math.min(firstTimestamp, Long.MAX_VALUE - 100_000L * 701);
        for (int i = 0; i < ts.length; i++) {
            ts[i] = t;
            t += gaps.get(i);
        }
        InMemoryStoreBuilder b = new InMemoryStoreBuilder();
        Labels labels = Labels.of("__name__", "m");
        for (int i = 0; i < ts.length; i++) {
            b.add(labels, ts[i], Double.longBitsToDouble(bits.get(i % bits.size())));
        }
        InMemoryStore store = b.build();
        assertThat(store.minTime()).isEqualTo(ts[0]);
        assertThat(store.maxTime()).isEqualTo(ts[ts.length - 1]);

        SeriesSelection all = store.select(List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
        SampleBuffer decoded = new SampleBuffer();
        for (int j = 0; j < all.chunkCount(0); j++) {
            assertThat(XorChunks.decodeInto(all.chunk(0, j).data(), decoded)).isBetween(1, InMemoryStoreBuilder.MAX_SAMPLES_PER_CHUNK);
        }
        assertThat(decoded.size()).isEqualTo(ts.length);
        for (int i = 0; i < ts.length; i++) {
            assertThat(decoded.timestamp(i)).isEqualTo(ts[i]);
            assertThat(Double.doubleToRawLongBits(decoded.value(i))).isEqualTo(bits.get(i % bits.size()));
        }
    }

    /** Time selection returns exactly the chunks overlapping the inclusive range. */
    @Property(tries = 200)
    void selectsExactlyTheOverlappingChunks(@ForAll @IntRange(min = 1, max = 500) int samples,
            @ForAll @IntRange(min = -10_000, max = 600_000) int mint, @ForAll @IntRange(min = 0, max = 600_000) int width) {
        InMemoryStoreBuilder b = new InMemoryStoreBuilder();
        for (int i = 0; i < samples; i++) {
            b.add(Labels.of("__name__", "m"), i * 1000L, i);
        }
        long maxt = (long) mint + width;
        SeriesSelection s = b.build().select(List.of(LabelMatcher.of(LabelMatcher.Type.EQ, "__name__", "m")), mint, maxt);
        int expected = 0;
        for (int c = 0; c * 120 < samples; c++) {
            long cMin = c * 120 * 1000L;
            long cMax = Math.min(samples - 1, c * 120 + 119) * 1000L;
            if (cMax >= mint && cMin <= maxt) {
                expected++;
            }
        }
        assertThat(s.size()).isEqualTo(expected > 0 ? 1 : 0);
        if (expected > 0) {
            assertThat(s.chunkCount(0)).isEqualTo(expected);
            for (int j = 0; j < expected; j++) {
                assertThat(s.chunk(0, j).maxTime()).isGreaterThanOrEqualTo(mint);
                assertThat(s.chunk(0, j).minTime()).isLessThanOrEqualTo(maxt);
            }
        }
    }

    /** Arbitrary bytes either parse or fail with a located format error; nothing else escapes. */
    @Property(tries = 500)
    void garbageNeverCrashesTheParser(@ForAll("exposition") byte[] text, @ForAll boolean openMetrics) {
        ExpositionFormat format = openMetrics ? ExpositionFormat.OPENMETRICS : ExpositionFormat.PROMETHEUS_TEXT;
        try {
            ExpositionParser.parse(new ByteArrayInputStream(text), format, "fuzz", new InMemoryStoreBuilder());
        } catch (ExpositionFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz:");
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    @Property(tries = 50)
    void nonIncreasingTimestampsAreRefused(@ForAll long t, @ForAll @IntRange(min = 0, max = 1000) int back) {
        InMemoryStoreBuilder b = new InMemoryStoreBuilder();
        Labels l = Labels.of("__name__", "m");
        b.add(l, t, 1);
        long earlier = t - back;
        if (earlier <= t) {
            assertThatThrownBy(() -> b.add(l, earlier, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<List<Long>> valueBits() {
        Arbitrary<Long> special = Arbitraries.of(0x7ff8000000000001L, 0x7ff0000000000002L, 0x8000000000000000L,
                0x7ff0000000000000L, 0xfff0000000000000L, 1L, 0L);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, special),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs())).list().ofMinSize(1).ofMaxSize(50);
    }

    @Provide
    Arbitrary<byte[]> exposition() {
        Arbitrary<String> pieces = Arbitraries.of("m", "m_total", "{", "}", "a=\"x\"", ",", "\"", "\\", "\\n", " ", "\t",
                "1", "-1.5", "NaN", "+Inf", "1e999", "1794960000.123", "123", "#", "# EOF", "# TYPE m gauge", "\n",
                "\r\n", "=", "\u00e9", "\u00ff", "0x1p3", "--", ".");
        return pieces.list().ofMaxSize(60).map(p -> String.join("", p).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
