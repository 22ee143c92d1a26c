package io.thanosjava.stores.memory;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.stores.ChunkSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Every XOR chunk of a store packed into a few large byte arrays, series after series, with the chunk
 * bounds in primitive arrays. A chunk costs its bytes plus 24 bytes of bounds and position, instead of
 * an object and an array of its own (about 70 bytes of headers and references per chunk, i.e. half a
 * byte per sample at 120 samples per chunk). A series' chunks never straddle two arrays.
 */
final class PackedChunks {
    /** Large enough that the arrays are few, small enough to be allocated on a fragmented heap. */
    private static final int PAGE_BYTES = 64 << 20;

    private final byte[][] pages;
    /** Per series: the page holding its chunks, and the index of its first chunk (one extra entry at the end). */
    private final int[] seriesPage;
    private final int[] firstChunk;
    /** Per chunk. */
    private final long[] minTime;
    private final long[] maxTime;
    private final int[] offset;
    private final int[] length;

    private PackedChunks(byte[][] pages, int[] seriesPage, int[] firstChunk, long[] minTime, long[] maxTime,
            int[] offset, int[] length) {
        this.pages = pages;
        this.seriesPage = seriesPage;
        this.firstChunk = firstChunk;
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.offset = offset;
        this.length = length;
    }

    /** Packs per-series chunk lists (each in time order) in the order given; the chunks must be XOR. */
    static PackedChunks pack(Chunk[][] chunks) {
        return pack(chunks, PAGE_BYTES);
    }

    /** As {@link #pack(Chunk[][])}, starting a new array once one holds {@code pageBytes} (unless it is empty). */
    static PackedChunks pack(Chunk[][] chunks, int pageBytes) {
        int series = chunks.length;
        int total = 0;
        for (Chunk[] cs : chunks) {
            total += cs.length;
        }
        int[] seriesPage = new int[series];
        int[] firstChunk = new int[series + 1];
        long[] minTime = new long[total];
        long[] maxTime = new long[total];
        int[] offset = new int[total];
        int[] length = new int[total];
        List<Integer> pageSizes = new ArrayList<>();
        long used = 0;
        int k = 0;
        for (int s = 0; s < series; s++) {
            long bytes = 0;
            for (Chunk c : chunks[s]) {
                if (c.encoding() != Chunk.XOR) {
                    throw new IllegalArgumentException("only XOR chunks are packed, got encoding " + c.encoding());
                }
                bytes += c.data().length;
            }
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("series " + s + " has " + bytes + " bytes of chunks, more than one array holds");
            }
            if (used > 0 && used + bytes > pageBytes) {
                pageSizes.add((int) used);
                used = 0;
            }
            seriesPage[s] = pageSizes.size();
            firstChunk[s] = k;
            for (Chunk c : chunks[s]) {
                minTime[k] = c.minTime();
                maxTime[k] = c.maxTime();
                offset[k] = (int) used;
                length[k] = c.data().length;
                used += c.data().length;
                k++;
            }
        }
        firstChunk[series] = k;
        pageSizes.add((int) used);
        byte[][] pages = new byte[pageSizes.size()][];
        for (int p = 0; p < pages.length; p++) {
            pages[p] = new byte[pageSizes.get(p)];
        }
        for (int s = 0; s < series; s++) {
            byte[] page = pages[seriesPage[s]];
            for (int j = 0; j < chunks[s].length; j++) {
                byte[] data = chunks[s][j].data();
                System.arraycopy(data, 0, page, offset[firstChunk[s] + j], data.length);
            }
        }
        return new PackedChunks(pages, seriesPage, firstChunk, minTime, maxTime, offset, length);
    }

    int chunkCount(int series) {
        return firstChunk[series + 1] - firstChunk[series];
    }

    long totalChunks() {
        return minTime.length;
    }

    int pageCount() {
        return pages.length;
    }

    long totalBytes() {
        long n = 0;
        for (byte[] page : pages) {
            n += page.length;
        }
        return n;
    }

    long minTime(int series, int j) {
        return minTime[firstChunk[series] + j];
    }

    long maxTime(int series, int j) {
        return maxTime[firstChunk[series] + j];
    }

    /** Chunk {@code j} of {@code series} as a slice of the packed bytes. */
    void chunk(int series, int j, ChunkSink sink) {
        int k = firstChunk[series] + j;
        sink.chunk(minTime[k], maxTime[k], Chunk.XOR, pages[seriesPage[series]], offset[k], length[k]);
    }

    /** Chunk {@code j} of {@code series} as a {@link Chunk} with a copy of its bytes. */
    Chunk chunk(int series, int j) {
        int k = firstChunk[series] + j;
        byte[] page = pages[seriesPage[series]];
        byte[] data = new byte[length[k]];
        System.arraycopy(page, offset[k], data, 0, data.length);
        return new Chunk(minTime[k], maxTime[k], Chunk.XOR, data);
    }
}
