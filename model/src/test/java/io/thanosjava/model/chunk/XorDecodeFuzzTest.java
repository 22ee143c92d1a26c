package io.thanosjava.model.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * Random and damaged chunk bytes: the decoder must agree with the bit-by-bit reference on every
 * sample it returns, fail exactly when the reference fails, and let only ChunkDecodeException out.
 */
class XorDecodeFuzzTest {
    @Property(tries = 2000)
    void randomBytes(@ForAll("randomChunks") byte[] data) {
        checkAgainstReference(data);
    }

    @Property(tries = 3000)
    void damagedGoldenChunks(@ForAll("damagedGolden") byte[] data) {
        checkAgainstReference(data);
    }

    @Example
    void everyTruncationOfEveryGoldenChunkFailsCleanly() {
        for (GoldenChunks.Golden g : GoldenChunks.all()) {
            // The last byte may be padding, so cutting it can still leave a decodable chunk.
            for (int len = 0; len < g.data().length - 1; len++) {
                byte[] cut = Arrays.copyOf(g.data(), len);
                assertThatThrownBy(() -> XorChunks.decodeInto(cut, new SampleBuffer()))
                        .as("%s cut to %d bytes", g, len).isInstanceOf(ChunkDecodeException.class);
            }
        }
    }

    @Example
    void errorNamesTheChunkAndTheOffset() {
        GoldenChunks.Golden g = GoldenChunks.all().get(0);
        Chunk cut = new Chunk(g.minTime(), g.maxTime(), Chunk.XOR, Arrays.copyOf(g.data(), 40));
        SampleBuffer out = new SampleBuffer();
        out.add(1, 1);
        assertThatThrownBy(() -> XorChunks.decodeInto(cut, Long.MIN_VALUE, Long.MAX_VALUE, out))
                .isInstanceOf(ChunkDecodeException.class)
                .hasMessageContaining("XOR chunk [" + g.minTime() + ", " + g.maxTime() + "] of 40 bytes")
                .hasMessageContaining("at byte ")
                .hasMessageContaining("truncated");
        assertThat(out.size()).as("a failed decode appends nothing").isEqualTo(1);
    }

    @Example
    void rejectsNonXorChunksAndShortHeaders() {
        assertThatThrownBy(() -> new XorChunkIterator().reset(new Chunk(0, 1, Chunk.HISTOGRAM, new byte[] {0, 0})))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("encoding 1 is not XOR");
        assertThatThrownBy(() -> new XorChunkIterator().reset(new byte[] {1}))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("fewer than its 2-byte sample count");
    }

    @Example
    void aFailedResetDoesNotResumeThePreviousChunk() {
        XorChunkIterator it = new XorChunkIterator().reset(GoldenChunks.all().get(0).data());
        assertThat(it.next()).isTrue();
        assertThatThrownBy(() -> it.reset(new Chunk(0, 1, Chunk.FLOAT_HISTOGRAM, new byte[] {0, 1})))
                .isInstanceOf(ChunkDecodeException.class);
        assertThat(it.next()).isFalse();
        assertThat(it.seek(Long.MIN_VALUE)).isFalse();
    }

    @Example
    void rejectsOverlongVarintsAndOversizedWindows() {
        byte[] overlong = {0, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> XorChunks.decodeInto(overlong, new SampleBuffer()))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("overflows 64 bits");
        // Second sample: delta 1, then value bits 11, leading 31, significant 63 (31 + 63 > 64).
        byte[] window = {0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0b11111_111, (byte) 0b1111_1000, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> XorChunks.decodeInto(window, new SampleBuffer()))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("more than 64");
        assertThat(ReferenceXorDecoder.decode(window).failed()).isTrue();
    }

    @Example
    void decodesASliceInPlace() {
        GoldenChunks.Golden g = GoldenChunks.all().get(3);
        byte[] framed = new byte[g.data().length + 20];
        Arrays.fill(framed, (byte) 0x5a);
        System.arraycopy(g.data(), 0, framed, 7, g.data().length);
        XorChunkIterator it = new XorChunkIterator().reset(framed, 7, g.data().length);
        int n = 0;
        while (it.next()) {
            assertThat(it.atT()).isEqualTo(g.timestamps()[n]);
            assertThat(it.atValueBits()).isEqualTo(g.valueBits()[n]);
            n++;
        }
        assertThat(n).isEqualTo(g.timestamps().length);
    }

    private static void checkAgainstReference(byte[] data) {
        ReferenceXorDecoder.Result expected = ReferenceXorDecoder.decode(data);
        checkIterator(data, expected);
        checkBulk(data, expected);
    }

    private static void checkBulk(byte[] data, ReferenceXorDecoder.Result expected) {
        SampleBuffer out = new SampleBuffer(1);
        out.add(-7, 7);
        try {
            int n = XorChunks.decodeInto(data, out);
            assertThat(expected.failed()).as("reference failed but bulk decode did not").isFalse();
            assertThat(n).isEqualTo(expected.samples().size());
            for (int i = 0; i < n; i++) {
                assertThat(out.timestamp(1 + i)).isEqualTo(expected.samples().get(i)[0]);
                assertThat(Double.doubleToRawLongBits(out.value(1 + i))).isEqualTo(expected.samples().get(i)[1]);
            }
        } catch (ChunkDecodeException e) {
            assertThat(expected.failed()).as("bulk decode failed (%s) but the reference did not", e.getMessage()).isTrue();
            assertThat(out.size()).as("a failed bulk decode appends nothing").isEqualTo(1);
        }
    }

    private static void checkIterator(byte[] data, ReferenceXorDecoder.Result expected) {
        XorChunkIterator it = new XorChunkIterator();
        int n = 0;
        try {
            it.reset(data);
            while (it.next()) {
                long[] sample = expected.samples().get(n);
                assertThat(it.atT()).isEqualTo(sample[0]);
                assertThat(it.atValueBits()).isEqualTo(sample[1]);
                n++;
            }
            assertThat(expected.failed()).as("reference failed but we did not").isFalse();
            assertThat(n).isEqualTo(expected.samples().size());
        } catch (ChunkDecodeException e) {
            assertThat(expected.failed()).as("we failed (%s) but the reference did not", e.getMessage()).isTrue();
            assertThat(n).isEqualTo(expected.samples().size());
            assertThat(e.bitOffset()).isBetween(-1L, (long) data.length * 8 + 200);
            assertThat(it.next()).as("failed iterator is exhausted").isFalse();
        }
    }

    @Provide
    Arbitrary<byte[]> randomChunks() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        // Small sample counts make it likely that a random stream ends cleanly sometimes.
        return raw.map(b -> {
            if (b.length >= 2 && (b[1] & 1) == 0) {
                b[0] = 0;
                b[1] = (byte) (b[1] & 0x0f);
            }
            return b;
        });
    }

    @Provide
    Arbitrary<byte[]> damagedGolden() {
        List<GoldenChunks.Golden> all = GoldenChunks.all();
        return Arbitraries.integers().between(0, all.size() - 1).flatMap(index -> {
            byte[] original = all.get(index).data();
            return Arbitraries.longs().map(seed -> mutate(original, seed));
        });
    }

    private static byte[] mutate(byte[] original, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        byte[] b = original.clone();
        switch (r.nextInt(4)) {
            case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            case 1 -> {
                for (int k = 0; k < 4; k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
            default -> {
                b[0] = (byte) r.nextInt(256); // a lying sample count
                b[1] = (byte) r.nextInt(256);
            }
        }
        return b;
    }
}
