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
import java.util.List;

/**
 * An immutable store of float series held as compressed XOR chunks (at most
 * {@value InMemoryStoreBuilder#MAX_SAMPLES_PER_CHUNK} samples each), sorted by label set, with an
 * inverted index from label name and value to series ({@link Postings}). Label names and values are
 * held once per store ({@link SymbolTable}) and series refer to them by id ({@link SeriesLabels}). The
 * chunk bytes sit packed in a few large arrays ({@link PackedChunks}) and go to the wire as slices of
 * them. Built with {@link InMemoryStoreBuilder} or loaded from exposition files with
 * {@link ExpositionLoader}. Safe for concurrent reads.
 */
public final class InMemoryStore implements StoreBackend {
    private static final int[] NO_SERIES = new int[0];

    private final SymbolTable symbols;
    private final SeriesLabels series;
    /** Per series, chunks in time order; samples strictly increase, so chunk bounds do too. */
    private final PackedChunks chunks;
    private final long minTime;
    private final long maxTime;
    private final long sampleCount;
    private final Postings postings;

    /**
     * @param series label sets, sorted
     * @param chunks per series (in the order of {@code series}), at least one chunk each, in time order
     */
    InMemoryStore(SeriesLabels series, Chunk[][] chunks, long sampleCount) {
        this.symbols = series.symbols();
        this.series = series;
        this.chunks = PackedChunks.pack(chunks);
        this.sampleCount = sampleCount;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int s = 0; s < series.seriesCount(); s++) {
            min = Math.min(min, this.chunks.minTime(s, 0));
            max = Math.max(max, this.chunks.maxTime(s, this.chunks.chunkCount(s) - 1));
        }
        this.minTime = min;
        this.maxTime = max;
        this.postings = Postings.of(series);
    }

    public int seriesCount() {
        return series.seriesCount();
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
        int[] nameIds = new int[matchers.size()];
        for (int m = 0; m < nameIds.length; m++) {
            nameIds[m] = symbols.id(matchers.get(m).name());
        }
        int[] candidates = candidates(matchers, nameIds);
        int n = candidates == null ? series.seriesCount() : candidates.length;
        int[] ids = new int[n];
        int[] first = new int[n];
        int[] count = new int[n];
        int k = 0;
        for (int c = 0; c < n; c++) {
            int id = candidates == null ? c : candidates[c];
            if (!matchesAll(matchers, nameIds, id)) {
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
        boolean[] seen = new boolean[symbols.size()];
        for (int k = 0; k < s.size; k++) {
            int id = s.ids[k];
            for (int i = 0; i < series.labelCount(id); i++) {
                seen[series.nameId(id, i)] = true;
            }
        }
        return symbolsSeen(seen);
    }

    @Override
    public List<String> labelValues(String name, List<LabelMatcher> matchers, long mint, long maxt) {
        requireNonNull(name, "name is null");
        Selection s = (Selection) select(matchers, mint, maxt);
        int nameId = symbols.id(name);
        boolean[] seen = new boolean[symbols.size()];
        for (int k = 0; k < s.size && nameId >= 0; k++) {
            int valueId = series.valueOf(s.ids[k], nameId);
            if (valueId >= 0) {
                seen[valueId] = true;
            }
        }
        return symbolsSeen(seen);
    }

    /** The symbols flagged, in UTF-8 order. */
    private List<String> symbolsSeen(boolean[] seen) {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < seen.length; id++) {
            if (seen[id]) {
                out.add(symbols.symbol(id));
            }
        }
        return out;
    }

    /**
     * The smallest posting list implied by one matcher that cannot match a missing label (an
     * equality or a literal alternation without the empty string), or null to scan every series.
     */
    private int[] candidates(List<LabelMatcher> matchers, int[] nameIds) {
        int[] best = null;
        for (int m = 0; m < nameIds.length; m++) {
            List<String> values = matchers.get(m).setMatches();
            if (values.isEmpty() || values.contains("")) {
                continue;
            }
            int[] ids = values.size() == 1 ? postings(nameIds[m], values.get(0)) : union(nameIds[m], values);
            if (best == null || ids.length < best.length) {
                best = ids;
            }
        }
        return best;
    }

    private int[] postings(int nameId, String value) {
        int valueId = symbols.id(value);
        return nameId < 0 || valueId < 0 ? NO_SERIES : postings.ids(nameId, valueId);
    }

    private int[] union(int nameId, List<String> values) {
        int total = 0;
        int max = -1;
        int[][] lists = new int[values.size()][];
        for (int i = 0; i < lists.length; i++) {
            int[] ids = postings(nameId, values.get(i));
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

    /** Matches on the symbol strings directly; a label the series lacks (or no series has) is "". */
    private boolean matchesAll(List<LabelMatcher> matchers, int[] nameIds, int id) {
        for (int m = 0; m < nameIds.length; m++) {
            int valueId = nameIds[m] < 0 ? -1 : series.valueOf(id, nameIds[m]);
            if (!matchers.get(m).matches(valueId < 0 ? "" : symbols.symbol(valueId))) {
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
            return series.labels(ids[check(i)]);
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
