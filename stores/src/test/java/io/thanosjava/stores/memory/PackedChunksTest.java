package io.thanosjava.stores.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorChunks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedChunksTest {
    @Test
    void everyChunkComesBackWhateverThePageSize() {
        Random random = new Random(9);
        Chunk[][] chunks = new Chunk[200][];
        for (int s = 0; s < chunks.length; s++) {
            chunks[s] = new Chunk[1 + random.nextInt(5)];
            long t = random.nextInt(1000);
            for (int j = 0; j < chunks[s].length; j++) {
                int n = 1 + random.nextInt(120);
                long[] ts = new long[n];
                double[] vs = new double[n];
                for (int i = 0; i < n; i++) {
                    t += 1 + random.nextInt(60_000);
                    ts[i] = t;
                    vs[i] = random.nextDouble();
                }
                chunks[s][j] = new Chunk(ts[0], ts[n - 1], Chunk.XOR, XorChunks.encode(ts, vs, n));
            }
        }
        for (int pageBytes : new int[] {1, 20_000, Integer.MAX_VALUE}) {
            PackedChunks packed = PackedChunks.pack(chunks, pageBytes);
            long bytes = 0;
            for (int s = 0; s < chunks.length; s++) {
                assertThat(packed.chunkCount(s)).isEqualTo(chunks[s].length);
                List<byte[]> viaSink = new ArrayList<>();
                for (int j = 0; j < chunks[s].length; j++) {
                    Chunk want = chunks[s][j];
                    Chunk got = packed.chunk(s, j);
                    assertThat(got.minTime()).isEqualTo(want.minTime()).isEqualTo(packed.minTime(s, j));
                    assertThat(got.maxTime()).isEqualTo(want.maxTime()).isEqualTo(packed.maxTime(s, j));
                    assertThat(got.data()).isEqualTo(want.data());
                    packed.chunk(s, j, (min, max, encoding, b, off, len) -> {
                        assertThat(encoding).isEqualTo(Chunk.XOR);
                        viaSink.add(Arrays.copyOfRange(b, off, off + len));
                    });
                    bytes += want.data().length;
                }
                assertThat(viaSink).containsExactly(Arrays.stream(chunks[s]).map(Chunk::data).toArray(byte[][]::new));
            }
            assertThat(packed.totalBytes()).isEqualTo(bytes);
            if (pageBytes == 1) {
                assertThat(packed.pageCount()).isEqualTo(chunks.length);
            } else if (pageBytes == Integer.MAX_VALUE) {
                assertThat(packed.pageCount()).isEqualTo(1);
            } else {
                assertThat(packed.pageCount()).isBetween(2, chunks.length - 1);
            }
        }
    }

    /** Bounds too far apart for int offsets (a series over more than 24 days, a chunk over more than 24 days). */
    @Test
    void boundsBeyondIntOffsetsComeBackExactly() {
        long day = 86_400_000L;
        Chunk[][] chunks = {
            {chunk(0, 1_000), chunk(30 * day, 30 * day + 1)},
            {chunk(-5, 40 * day)},
            {chunk(Long.MIN_VALUE, Long.MIN_VALUE + 1), chunk(Long.MAX_VALUE - 1, Long.MAX_VALUE)},
        };
        PackedChunks packed = PackedChunks.pack(chunks);
        for (int s = 0; s < chunks.length; s++) {
            for (int j = 0; j < chunks[s].length; j++) {
                assertThat(packed.minTime(s, j)).isEqualTo(chunks[s][j].minTime());
                assertThat(packed.maxTime(s, j)).isEqualTo(chunks[s][j].maxTime());
                assertThat(packed.chunk(s, j).data()).isEqualTo(chunks[s][j].data());
            }
        }
    }

    private static Chunk chunk(long minTime, long maxTime) {
        long[] ts = minTime == maxTime ? new long[] {minTime} : new long[] {minTime, maxTime};
        return new Chunk(minTime, maxTime, Chunk.XOR, XorChunks.encode(ts, new double[ts.length], ts.length));
    }
}
