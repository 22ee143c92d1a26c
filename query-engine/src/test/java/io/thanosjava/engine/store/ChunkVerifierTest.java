package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorChunks;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkVerifierTest {
    private static final long[] T = {1000, 16000, 31000, 46000, 61000};
    private static final double[] V = {1, 2, 3.5, Double.NaN, 1e300};
    private final ChunkVerifier verifier = new ChunkVerifier();

    @Test
    void soundChunksPassAndOtherEncodingsAreNotChecked() {
        byte[] data = XorChunks.encode(T, V, T.length);
        assertThatCode(() -> verifier.verify(new Chunk(1000, 61000, Chunk.XOR, data))).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(new Chunk(Long.MIN_VALUE, Long.MAX_VALUE, Chunk.XOR, data)))
                .doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(new Chunk(0, 1, Chunk.HISTOGRAM, new byte[] {1, 2, 3})))
                .doesNotThrowAnyException();
    }

    @Test
    void truncatedBytesSamplesOutsideTheRangeAndGarbageFail() {
        byte[] data = XorChunks.encode(T, V, T.length);
        assertThatThrownBy(() -> verifier.verify(new Chunk(1000, 61000, Chunk.XOR, Arrays.copyOf(data, data.length - 3))))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("[1000, 61000]");
        assertThatThrownBy(() -> verifier.verify(new Chunk(1000, 46000, Chunk.XOR, data)))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("sample 4 has timestamp 61000");
        assertThatThrownBy(() -> verifier.verify(new Chunk(2000, 61000, Chunk.XOR, data)))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("sample 0");
        byte[] garbage = data.clone();
        garbage[0] = (byte) 0x7f;
        assertThatThrownBy(() -> verifier.verify(new Chunk(1000, 61000, Chunk.XOR, garbage)))
                .isInstanceOf(ChunkDecodeException.class);
    }

    /** A repeated timestamp is out of order wherever it sits: the second sample is checked apart from the rest. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void aRepeatedTimestampFails(int repeated) {
        long[] t = T.clone();
        t[repeated] = t[repeated - 1];
        byte[] data = XorChunks.encode(t, V, t.length);
        assertThatThrownBy(() -> verifier.verify(new Chunk(1000, 61000, Chunk.XOR, data)))
                .isInstanceOf(ChunkDecodeException.class)
                .hasMessageContaining("sample " + repeated + " has timestamp " + t[repeated] + " out of order");
    }

    /**
     * The verifier walks the bit stream without decoding values; it must accept exactly the chunks that a
     * full decode accepts with increasing, in-range timestamps: sound chunks of many shapes (every
     * delta-of-delta width, value windows opening and reused, special values) and damaged copies of them
     * (a flipped byte, a cut, a lying header, a too-narrow announced range).
     */
    @Test
    void acceptsExactlyWhatAFullDecodeAccepts() {
        Random random = new Random(42);
        int rejected = 0;
        for (int round = 0; round < 3000; round++) {
            int n = 1 + random.nextInt(120);
            long[] t = new long[n];
            double[] v = new double[n];
            long time = random.nextInt(1 << 20) - (1 << 19);
            for (int i = 0; i < n; i++) {
                time += switch (random.nextInt(5)) {
                    case 0 -> 15_000;
                    case 1 -> 1 + random.nextInt(8_000);
                    case 2 -> 1 + random.nextInt(100_000);
                    case 3 -> 1 + random.nextInt(1_000_000);
                    default -> 1 + (random.nextLong() >>> 30);
                };
                t[i] = time;
                v[i] = switch (random.nextInt(5)) {
                    case 0 -> i > 0 ? v[i - 1] : 1;
                    case 1 -> random.nextInt(100);
                    case 2 -> Double.longBitsToDouble(random.nextLong());
                    case 3 -> i > 0 ? v[i - 1] + random.nextInt(13) : 0;
                    default -> random.nextDouble();
                };
            }
            byte[] data = XorChunks.encode(t, v, n);
            long minTime = t[0];
            long maxTime = t[n - 1];
            switch (random.nextInt(6)) {
                case 0 -> data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> data = Arrays.copyOf(data, random.nextInt(data.length));
                case 2 -> data[1] = (byte) (data[1] + 1 + random.nextInt(5));
                case 3 -> maxTime = t[random.nextInt(n)];
                case 4 -> minTime = t[random.nextInt(n)];
                default -> { }
            }
            Chunk chunk = new Chunk(minTime, maxTime, Chunk.XOR, data);
            boolean expected = fullDecodeAccepts(chunk);
            assertThat(accepts(chunk)).as("round %d: %d samples, %d bytes", round, n, data.length).isEqualTo(expected);
            // The same bytes as a slice of a received frame, between other bytes that must not be read.
            byte[] frame = new byte[data.length + 16];
            random.nextBytes(frame);
            int at = random.nextInt(9);
            System.arraycopy(data, 0, frame, at, data.length);
            assertThat(accepts(new Chunk(minTime, maxTime, Chunk.XOR, frame, at, data.length)))
                    .as("round %d as a slice at %d", round, at).isEqualTo(expected);
            rejected += expected ? 0 : 1;
        }
        assertThat(rejected).as("damaged chunks among the cases").isBetween(500, 2900);
    }

    private boolean accepts(Chunk chunk) {
        try {
            verifier.verify(chunk);
            return true;
        } catch (ChunkDecodeException e) {
            return false;
        }
    }

    private static boolean fullDecodeAccepts(Chunk chunk) {
        SampleBuffer buffer = new SampleBuffer(128);
        int n;
        try {
            n = XorChunks.decodeInto(chunk.data(), buffer);
        } catch (ChunkDecodeException e) {
            return false;
        }
        long[] t = buffer.timestamps();
        for (int i = 0; i < n; i++) {
            if ((i > 0 && t[i] <= t[i - 1]) || t[i] < chunk.minTime() || t[i] > chunk.maxTime()) {
                return false;
            }
        }
        return true;
    }
}
