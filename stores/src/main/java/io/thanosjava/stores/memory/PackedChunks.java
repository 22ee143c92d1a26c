package io.thanosjava.stores.memory;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.stores.ChunkSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every XOR chunk of a store packed into a few large byte arrays, series after series, with the chunk
 * bounds and positions in primitive arrays. A chunk costs its bytes plus 12 bytes (its start in its
 * array, its time bounds as int offsets, see {@link ChunkBounds}) and a series 12 bytes, instead of an
 * object and an array per chunk (about 70 bytes of headers and references, i.e. half a byte per sample
 * at 120 samples per chunk). A series' chunks never straddle two arrays; a chunk ends where the next
 * one in its array starts, or at the array's end.
 */
final class PackedChunks {
    /** Large enough that the arrays are few, small enough to be allocated on a fragmented heap. */
    private static final int PAGE_BYTES = 64 << 20;

    private final byte[][] pages;
    /** Per page, the first series it holds (ascending). */
    private final int[] pageFirstSeries;
    /** Per series, the index of its first chunk (one extra entry at the end). */
    private final int[] firstChunk;
    /** Per chunk, where its bytes start in its page. */
    private final int[] offset;
    private final ChunkBounds bounds;

    private PackedChunks(byte[][] pages, int[] pageFirstSeries, int[] firstChunk, int[] offset, ChunkBounds bounds) {
        this.pages = pages;
        this.pageFirstSeries = pageFirstSeries;
        this.firstChunk = firstChunk;
        this.offset = offset;
        this.bounds = bounds;
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
        int[] firstChunk = new int[series + 1];
        long[] minTime = new long[total];
        long[] maxTime = new long[total];
        int[] offset = new int[total];
        List<Integer> pageSizes = new ArrayList<>();
        List<Integer> pageFirstSeries = new ArrayList<>(List.of(0));
        long used = 0;
        int k = 0;
        for (int s = 0; s < series; s++) {
            long bytes = 0;
            for (Chunk c : chunks[s]) {
                if (c.encoding() != Chunk.XOR) {
                    throw new IllegalArgumentException("only XOR chunks are packed, got encoding " + c.encoding());
                }
                if (c.length() == 0) {
                    throw new IllegalArgumentException("series " + s + " has a chunk without bytes");
                }
                bytes += c.length();
            }
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("series " + s + " has " + bytes + " bytes of chunks, more than one array holds");
            }
            if (used > 0 && used + bytes > pageBytes) {
                pageSizes.add((int) used);
                pageFirstSeries.add(s);
                used = 0;
            }
            firstChunk[s] = k;
            for (Chunk c : chunks[s]) {
                minTime[k] = c.minTime();
                maxTime[k] = c.maxTime();
                offset[k] = (int) used;
                used += c.length();
                k++;
            }
        }
        firstChunk[series] = k;
        pageSizes.add((int) used);
        byte[][] pages = new byte[pageSizes.size()][];
        for (int p = 0; p < pages.length; p++) {
            pages[p] = new byte[pageSizes.get(p)];
        }
        int[] firstSeries = pageFirstSeries.stream().mapToInt(Integer::intValue).toArray();
        PackedChunks packed = new PackedChunks(pages, firstSeries, firstChunk, offset,
                ChunkBounds.of(firstChunk, minTime, maxTime));
        for (int s = 0; s < series; s++) {
            byte[] page = pages[packed.page(s)];
            for (int j = 0; j < chunks[s].length; j++) {
                Chunk c = chunks[s][j];
                System.arraycopy(c.array(), c.offset(), page, offset[firstChunk[s] + j], c.length());
            }
        }
        return packed;
    }

    int chunkCount(int series) {
        return firstChunk[series + 1] - firstChunk[series];
    }

    long totalChunks() {
        return offset.length;
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
        return bounds.minTime(series, firstChunk[series] + j);
    }

    long maxTime(int series, int j) {
        return bounds.maxTime(series, firstChunk[series] + j);
    }

    /** Chunk {@code j} of {@code series} as a slice of the packed bytes. */
    void chunk(int series, int j, ChunkSink sink) {
        int k = firstChunk[series] + j;
        byte[] page = pages[page(series)];
        sink.chunk(bounds.minTime(series, k), bounds.maxTime(series, k), Chunk.XOR, page, offset[k], end(k, page) - offset[k]);
    }

    /** Chunk {@code j} of {@code series} as a {@link Chunk} with a copy of its bytes. */
    Chunk chunk(int series, int j) {
        int k = firstChunk[series] + j;
        byte[] page = pages[page(series)];
        return new Chunk(bounds.minTime(series, k), bounds.maxTime(series, k), Chunk.XOR,
                Arrays.copyOfRange(page, offset[k], end(k, page)));
    }

    /** Chunks are never empty, so the next chunk is in the same page exactly when it starts further on. */
    private int end(int k, byte[] page) {
        return k + 1 < offset.length && offset[k + 1] > offset[k] ? offset[k + 1] : page.length;
    }

    private int page(int series) {
        int p = Arrays.binarySearch(pageFirstSeries, series);
        return p >= 0 ? p : -p - 2;
    }
}
