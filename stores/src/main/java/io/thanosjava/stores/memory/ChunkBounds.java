package io.thanosjava.stores.memory;

/**
 * The time bounds of every chunk of a store, by series and global chunk index. Usually compact: per
 * series the min time of its first chunk, per chunk its min time as an int offset from that and its
 * max time as an int offset from its own min time (8 bytes per chunk instead of 16). A store where
 * some offset does not fit an int (a series spanning more than about 24 days) keeps plain longs.
 */
abstract class ChunkBounds {
    abstract long minTime(int series, int chunk);

    abstract long maxTime(int series, int chunk);

    /**
     * @param firstChunk per series the index of its first chunk, with one extra entry at the end
     * @param minTime per chunk, each series' chunks in time order
     * @param maxTime per chunk
     */
    static ChunkBounds of(int[] firstChunk, long[] minTime, long[] maxTime) {
        int series = firstChunk.length - 1;
        long[] base = new long[series];
        int[] minOffset = new int[minTime.length];
        int[] maxOffset = new int[minTime.length];
        for (int s = 0; s < series; s++) {
            base[s] = minTime[firstChunk[s]];
            for (int k = firstChunk[s]; k < firstChunk[s + 1]; k++) {
                long fromBase = minTime[k] - base[s];
                long span = maxTime[k] - minTime[k];
                // A difference that overflowed a long comes out negative and is refused as well.
                if (fromBase < 0 || fromBase > Integer.MAX_VALUE || span < 0 || span > Integer.MAX_VALUE) {
                    return new Wide(minTime, maxTime);
                }
                minOffset[k] = (int) fromBase;
                maxOffset[k] = (int) span;
            }
        }
        return new Compact(base, minOffset, maxOffset);
    }

    private static final class Compact extends ChunkBounds {
        private final long[] base;
        private final int[] minOffset;
        private final int[] maxOffset;

        Compact(long[] base, int[] minOffset, int[] maxOffset) {
            this.base = base;
            this.minOffset = minOffset;
            this.maxOffset = maxOffset;
        }

        @Override
        long minTime(int series, int chunk) {
            return base[series] + minOffset[chunk];
        }

        @Override
        long maxTime(int series, int chunk) {
            return base[series] + minOffset[chunk] + maxOffset[chunk];
        }
    }

    private static final class Wide extends ChunkBounds {
        private final long[] minTime;
        private final long[] maxTime;

        Wide(long[] minTime, long[] maxTime) {
            this.minTime = minTime;
            this.maxTime = maxTime;
        }

        @Override
        long minTime(int series, int chunk) {
            return minTime[chunk];
        }

        @Override
        long maxTime(int series, int chunk) {
            return maxTime[chunk];
        }
    }
}
