package io.thanosjava.stores.memory;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.stores.ChunkSink;
import io.thanosjava.stores.SeriesSelection;
import io.thanosjava.stores.StoreBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable store of float series held as compressed XOR chunks (at most
 * {@value InMemoryStoreBuilder#MAX_SAMPLES_PER_CHUNK} samples each), sorted by label set, with an
 * inverted index from label name and value to series ({@link Postings}). The chunk bytes sit packed in a
 * few large arrays ({@link PackedChunks}) and go to the wire as slices of them. Built with
 * {@link InMemoryStoreBuilder} or loaded from exposition files with {@link ExpositionLoader}. Safe for
 * concurrent reads.
 */
public final class InMemoryStore implements StoreBackend {
    private static final int[] NO_SERIES = new int[0];

    private final Labels[] labels;
    /** Per series, chunks in time order; samples strictly increase, so chunk bounds do too. */
    private final PackedChunks chunks;
    private final long minTime;
    private final long maxTime;
    private final long sampleCount;
    private final Postings postings;

    /** @param chunks per series (in the order of {@code labels}), at least one chunk each, in time order */
    InMemoryStore(Labels[] labels, Chunk[][] chunks, long sampleCount) {
        this.labels = labels;
        this.chunks = PackedChunks.pack(chunks);
        this.sampleCount = sampleCount;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int s = 0; s < labels.length; s++) {
            min = Math.min(min, this.chunks.minTime(s, 0));
            max = Math.max(max, this.chunks.maxTime(s, this.chunks.chunkCount(s) - 1));
        }
        this.minTime = min;
        this.maxTime = max;
        this.postings = Postings.of(labels);
    }

    public int seriesCount() {
        return labels.length;
    }

    public long sampleCount() {
        return sampleCount;
    }

    public long chunkCount() {
        return chunks.totalChunks();
    }

    /** Bytes of chunk data held. */
    public long chunkBytes() {
        return chunks.totalBytes();
    }

    @Override
    public long minTime() {
        return minTime;
    }

    @Override
    public long maxTime() {
        return maxTime;
    }

    @Override
    public SeriesSelection select(List<LabelMatcher> matchers, long mint, long maxt) {
        requireNonNull(matchers, "matchers is null");
        int[] candidates = candidates(matchers);
        int n = candidates == null ? labels.length : candidates.length;
        int[] ids = new int[n];
        int[] first = new int[n];
        int[] count = new int[n];
        int k = 0;
        for (int c = 0; c < n; c++) {
            int id = candidates == null ? c : candidates[c];
            if (!matchesAll(matchers, labels[id])) {
                continue;
            }
            int lo = firstChunkEndingAtOrAfter(id, mint);
            int hi = firstChunkStartingAfter(id, maxt);
            if (lo < hi) {
                ids[k] = id;
                first[k] = lo;
                count[k] = hi - lo;
                k++;
            }
        }
        return new Selection(ids, first, count, k);
    }

    @Override
    public List<String> labelNames(List<LabelMatcher> matchers, long mint, long maxt) {
        Selection s = (Selection) select(matchers, mint, maxt);
        Map<String, Boolean> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < s.size; k++) {
            Labels l = labels[s.ids[k]];
            for (int i = 0; i < l.size(); i++) {
                if (seen.putIfAbsent(l.name(i), Boolean.TRUE) == null) {
                    out.add(l.name(i));
                }
            }
        }
        return out;
    }

    @Override
    public List<String> labelValues(String name, List<LabelMatcher> matchers, long mint, long maxt) {
        requireNonNull(name, "name is null");
        Selection s = (Selection) select(matchers, mint, maxt);
        Map<String, Boolean> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < s.size; k++) {
            String v = labels[s.ids[k]].get(name);
            if (v != null && seen.putIfAbsent(v, Boolean.TRUE) == null) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * The smallest posting list implied by one matcher that cannot match a missing label (an
     * equality or a literal alternation without the empty string), or null to scan every series.
     */
    private int[] candidates(List<LabelMatcher> matchers) {
        int[] best = null;
        for (LabelMatcher m : matchers) {
            List<String> values = m.setMatches();
            if (values.isEmpty() || values.contains("")) {
                continue;
            }
            int[] ids = values.size() == 1 ? postings.ids(m.name(), values.get(0)) : union(m.name(), values);
            if (best == null || ids.length < best.length) {
                best = ids;
            }
        }
        return best;
    }

    private int[] union(String name, List<String> values) {
        int total = 0;
        int max = -1;
        int[][] lists = new int[values.size()][];
        for (int i = 0; i < lists.length; i++) {
            int[] ids = postings.ids(name, values.get(i));
            lists[i] = ids;
            if (ids.length > 0) {
                total += ids.length;
                max = Math.max(max, ids[ids.length - 1]);
            }
        }
        if (total == 0) {
            return NO_SERIES;
        }
        boolean[] hit = new boolean[max + 1];
        for (int[] ids : lists) {
            for (int id : ids) {
                hit[id] = true;
            }
        }
        int[] out = new int[total];
        int n = 0;
        for (int id = 0; id <= max; id++) {
            if (hit[id]) {
                out[n++] = id;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean matchesAll(List<LabelMatcher> matchers, Labels l) {
        for (int i = 0, n = matchers.size(); i < n; i++) {
            if (!matchers.get(i).matches(l)) {
                return false;
            }
        }
        return true;
    }

    private int firstChunkEndingAtOrAfter(int series, long t) {
        int lo = 0;
        int hi = chunks.chunkCount(series);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (chunks.maxTime(series, mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int firstChunkStartingAfter(int series, long t) {
        int lo = 0;
        int hi = chunks.chunkCount(series);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (chunks.minTime(series, mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private final class Selection implements SeriesSelection {
        final int[] ids;
        final int[] first;
        final int[] count;
        final int size;

        Selection(int[] ids, int[] first, int[] count, int size) {
            this.ids = ids;
            this.first = first;
            this.count = count;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Labels labels(int i) {
            return labels[ids[check(i)]];
        }

        @Override
        public int chunkCount(int i) {
            return count[check(i)];
        }

        @Override
        public Chunk chunk(int i, int j) {
            return chunks.chunk(ids[i], first[i] + checkChunk(i, j));
        }

        /** The packed bytes go to the sink as they are, without a copy. */
        @Override
        public void chunk(int i, int j, ChunkSink sink) {
            chunks.chunk(ids[i], first[i] + checkChunk(i, j), sink);
        }

        private int checkChunk(int i, int j) {
            if (j < 0 || j >= count[check(i)]) {
                throw new IndexOutOfBoundsException("chunk " + j + " of " + count[i]);
            }
            return j;
        }

        private int check(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("series " + i + " of " + size);
            }
            return i;
        }
    }

}
