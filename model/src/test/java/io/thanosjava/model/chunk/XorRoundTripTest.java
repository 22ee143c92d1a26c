package io.thanosjava.model.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.StaleNaN;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import net.jqwik.api.constraints.IntRange;

/** Encode-then-decode returns every timestamp and every value bit, whatever the data looks like. */
class XorRoundTripTest {
    private static final long[] SPECIAL_BITS = {
        StaleNaN.BITS, 0x7ff8000000000001L, 0x7ff8000000000000L, 0xfff8000000000000L, 0x7fffffffffffffffL,
        0x7ff0000000000000L, 0xfff0000000000000L, 0x8000000000000000L, 0L, 1L, 0x000fffffffffffffL,
        0x7fefffffffffffffL, Double.doubleToRawLongBits(1.0), Double.doubleToRawLongBits(-1.0000000000000002),
    };

    @Property(tries = 300)
    void roundTripsArbitrarySeries(@ForAll("timestampLists") List<Long> timestamps,
            @ForAll("valueBitLists") List<Long> valueBits) {
        int n = timestamps.size();
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = timestamps.get(i);
            vs[i] = Double.longBitsToDouble(valueBits.get(i));
        }
        assertRoundTrip(ts, vs);
    }

    @Property(tries = 200)
    void roundTripsRealisticShapes(@ForAll("shapes") long[][] shape) {
        long[] ts = shape[0];
        double[] vs = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            vs[i] = Double.longBitsToDouble(shape[1][i]);
        }
        assertRoundTrip(ts, vs);
    }

    @Property(tries = 50)
    void roundTripsSingleSample(@ForAll long t, @ForAll("valueBits") long bits) {
        assertRoundTrip(new long[] {t}, new double[] {Double.longBitsToDouble(bits)});
    }

    @Example
    void roundTrips120And65535Samples() {
        for (int n : new int[] {120, XorAppender.MAX_SAMPLES}) {
            long[] ts = new long[n];
            double[] vs = new double[n];
            for (int i = 0; i < n; i++) {
                ts[i] = -3_600_000L + i * 15_000L + (i % 7) * 13;
                vs[i] = i % 11 == 0 ? StaleNaN.VALUE : Math.sin(i) * 1e6;
            }
            assertRoundTrip(ts, vs);
        }
    }

    @Example
    void appenderRefusesSample65536() {
        XorAppender appender = new XorAppender();
        for (int i = 0; i < XorAppender.MAX_SAMPLES; i++) {
            appender.append(i, i);
        }
        assertThatThrownBy(() -> appender.append(1L << 40, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("65535");
        byte[] bytes = appender.bytes();
        assertThat(XorChunks.numSamples(bytes)).isEqualTo(65535);
    }

    @Property(tries = 100)
    void seekLandsOnFirstSampleAtOrAfterTarget(@ForAll("shapes") long[][] shape, @ForAll long noise) {
        long[] ts = shape[0];
        if (!increasing(ts)) {
            return;
        }
        byte[] bytes = encode(ts, shape[1]);
        int k = (int) Math.floorMod(noise, (long) ts.length + 1);
        long target = k == ts.length ? ts[ts.length - 1] + 1 : ts[k] - (k > 0 && ts[k] - ts[k - 1] > 1 ? 1 : 0);
        XorChunkIterator it = new XorChunkIterator().reset(bytes);
        if (k == ts.length && ts[ts.length - 1] != Long.MAX_VALUE) {
            assertThat(it.seek(target)).isFalse();
        } else if (k < ts.length) {
            assertThat(it.seek(target)).isTrue();
            assertThat(it.atT()).isEqualTo(ts[k]);
            assertThat(it.atValueBits()).isEqualTo(shape[1][k]);
        }
    }

    @Property(tries = 100)
    void bulkDecodeContinuesWhereTheIteratorStopped(@ForAll("shapes") long[][] shape, @ForAll long noise) {
        long[] ts = shape[0];
        byte[] bytes = encode(ts, shape[1]);
        int consumed = (int) Math.floorMod(noise, (long) ts.length + 1);
        XorChunkIterator it = new XorChunkIterator().reset(bytes);
        for (int i = 0; i < consumed; i++) {
            assertThat(it.next()).isTrue();
        }
        SampleBuffer out = new SampleBuffer(0);
        assertThat(it.decodeRemainingInto(out, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(ts.length - consumed);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.timestamp(i)).isEqualTo(ts[consumed + i]);
            assertThat(Double.doubleToRawLongBits(out.value(i))).isEqualTo(shape[1][consumed + i]);
        }
        assertThat(it.next()).as("exhausted after a bulk decode").isFalse();
    }

    /** Pieces of any sizes, after any number of iterator steps, add up to the chunk's samples. */
    @Property(tries = 100)
    void piecewiseDecodeAddsUpToTheChunk(@ForAll("shapes") long[][] shape, @ForAll long noise) {
        long[] ts = shape[0];
        byte[] bytes = encode(ts, shape[1]);
        java.util.SplittableRandom random = new java.util.SplittableRandom(noise);
        int consumed = random.nextInt(ts.length + 1);
        XorChunkIterator it = new XorChunkIterator().reset(bytes);
        for (int i = 0; i < consumed; i++) {
            assertThat(it.next()).isTrue();
        }
        SampleBuffer out = new SampleBuffer(0);
        while (it.hasUnread()) {
            int before = out.size();
            int max = 1 + random.nextInt(70);
            assertThat(it.decodeInto(out, max)).isEqualTo(out.size() - before).isBetween(1, max);
        }
        assertThat(out.size()).isEqualTo(ts.length - consumed);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.timestamp(i)).isEqualTo(ts[consumed + i]);
            assertThat(Double.doubleToRawLongBits(out.value(i))).isEqualTo(shape[1][consumed + i]);
        }
        assertThat(it.next()).as("exhausted after the last piece").isFalse();
    }

    private static boolean increasing(long[] ts) {
        for (int i = 1; i < ts.length; i++) {
            if (ts[i] <= ts[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encode(long[] ts, long[] bits) {
        XorAppender appender = new XorAppender();
        for (int i = 0; i < ts.length; i++) {
            appender.append(ts[i], Double.longBitsToDouble(bits[i]));
        }
        return appender.bytes();
    }

    private static void assertRoundTrip(long[] ts, double[] vs) {
        byte[] bytes = XorChunks.encode(ts, vs, ts.length);
        XorChunkIterator it = new XorChunkIterator().reset(bytes);
        assertThat(it.numSamples()).isEqualTo(ts.length);
        for (int i = 0; i < ts.length; i++) {
            assertThat(it.next()).isTrue();
            assertThat(it.atT()).isEqualTo(ts[i]);
            assertThat(Double.doubleToRawLongBits(it.atV())).isEqualTo(Double.doubleToRawLongBits(vs[i]));
        }
        assertThat(it.next()).isFalse();

        SampleBuffer buf = new SampleBuffer(0);
        assertThat(XorChunks.decodeInto(bytes, buf)).isEqualTo(ts.length);
        for (int i = 0; i < ts.length; i++) {
            assertThat(buf.timestamp(i)).isEqualTo(ts[i]);
            assertThat(Double.doubleToRawLongBits(buf.value(i))).isEqualTo(Double.doubleToRawLongBits(vs[i]));
        }
        ReferenceXorDecoder.Result reference = ReferenceXorDecoder.decode(bytes);
        assertThat(reference.failed()).isFalse();
        assertThat(reference.samples()).hasSize(ts.length);
    }

    @Provide
    Arbitrary<List<Long>> timestampLists() {
        return timestamps().list().ofMinSize(1).ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<Long>> valueBitLists() {
        return valueBits().list().ofSize(300);
    }

    private static Arbitrary<Long> timestamps() {
        return Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(-1L << 45, 1L << 45),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L));
    }

    @Provide
    static Arbitrary<Long> valueBits() {
        return Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.integers().between(0, SPECIAL_BITS.length - 1).map(i -> SPECIAL_BITS[i]),
                Arbitraries.doubles().between(-1e6, 1e6).map(Double::doubleToRawLongBits));
    }

    /** Regular series with jitter, gaps of every delta-of-delta width, and gauges or counters. */
    @Provide
    Arbitrary<long[][]> shapes() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 240);
        Arbitrary<Long> start = Arbitraries.longs().between(-1L << 42, 1L << 42);
        Arbitrary<Long> step = Arbitraries.of(1L, 7L, 1000L, 15_000L, 30_000L, 60_000L);
        Arbitrary<Integer> jitter = Arbitraries.of(0, 250, 9000, 70_000, 600_000, 3_000_000);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(size, start, step, jitter, seed).as((n, t0, dt, j, s) -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(s);
            long[] ts = new long[n];
            long[] bits = new long[n];
            long t = t0;
            double v = r.nextDouble() * 100;
            for (int i = 0; i < n; i++) {
                t += dt + (j == 0 ? 0 : r.nextInt(j));
                ts[i] = t;
                int kind = r.nextInt(10);
                if (kind < 6) {
                    v += r.nextInt(5);
                } else if (kind < 8) {
                    v = r.nextDouble();
                } else if (kind == 8) {
                    v = Double.longBitsToDouble(SPECIAL_BITS[r.nextInt(SPECIAL_BITS.length)]);
                }
                bits[i] = Double.doubleToRawLongBits(v);
            }
            return new long[][] {ts, bits};
        });
    }

    @Property(tries = 20)
    void sampleBufferGrowsFromZeroCapacity(@ForAll @IntRange(min = 0, max = 500) int n) {
        SampleBuffer buf = new SampleBuffer(0);
        for (int i = 0; i < n; i++) {
            buf.add(i, -i);
        }
        assertThat(buf.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(buf.timestamp(i)).isEqualTo(i);
            assertThat(buf.value(i)).isEqualTo(-i);
        }
        assertThatThrownBy(() -> buf.timestamp(n)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
