package io.thanosjava.stores.memory;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
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
 * inverted index from label name and value to series. Built with {@link InMemoryStoreBuilder} or
 * loaded from exposition files with {@link ExpositionLoader}. Safe for concurrent reads.
 */
public final class InMemoryStore implements StoreBackend {
    private static final int[] NO_SERIES = new int[0];

    private final Labels[] labels;
    /** Per series, chunks in time order; samples strictly increase, so chunk bounds do too. */
    private final Chunk[][] chunks;
    private final long minTime;
    private final long maxTime;
    private final long sampleCount;
    /** label name -> label value -> ascending series ids. */
    private final Map<String, Map<String, int[]>> postings;

    InMemoryStore(Labels[] labels, Chunk[][] chunks, long sampleCount) {
        this.labels = labels;
        this.chunks = chunks;
        this.sampleCount = sampleCount;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Chunk[] cs : chunks) {
            min = Math.min(min, cs[0].minTime());
            max = Math.max(max, cs[cs.length - 1].maxTime());
        }
        this.minTime = min;
        this.maxTime = max;
        this.postings = buildPostings(labels);
    }

    public int seriesCount() {
        return labels.length;
    }

    public long sampleCount() {
        return sampleCount;
    }

    public long chunkCount() {
        long n = 0;
        for (Chunk[] cs : chunks) {
            n += cs.length;
        }
        return n;
    }

    /** Bytes of chunk data held (excluding object headers). */
    public long chunkBytes() {
        long n = 0;
        for (Chunk[] cs : chunks) {
            for (Chunk c : cs) {
                n += c.data().length;
            }
        }
        return n;
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
            Chunk[] cs = chunks[id];
            int lo = firstChunkEndingAtOrAfter(cs, mint);
            int hi = firstChunkStartingAfter(cs, maxt);
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
            Map<String, int[]> byValue = postings.getOrDefault(m.name(), Map.of());
            int[] ids = values.size() == 1 ? byValue.getOrDefault(values.get(0), NO_SERIES) : union(byValue, values);
            if (best == null || ids.length < best.length) {
                best = ids;
            }
        }
        return best;
    }

    private static int[] union(Map<String, int[]> byValue, List<String> values) {
        int total = 0;
        int max = -1;
        for (String v : values) {
            int[] ids = byValue.get(v);
            if (ids != null) {
                total += ids.length;
                max = Math.max(max, ids[ids.length - 1]);
            }
        }
        if (total == 0) {
            return NO_SERIES;
        }
        boolean[] hit = new boolean[max + 1];
        for (String v : values) {
            int[] ids = byValue.get(v);
            if (ids != null) {
                for (int id : ids) {
                    hit[id] = true;
                }
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

    private static int firstChunkEndingAtOrAfter(Chunk[] cs, long t) {
        int lo = 0;
        int hi = cs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cs[mid].maxTime() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstChunkStartingAfter(Chunk[] cs, long t) {
        int lo = 0;
        int hi = cs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cs[mid].minTime() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Map<String, Map<String, int[]>> buildPostings(Labels[] labels) {
        Map<String, Map<String, IntList>> lists = new HashMap<>();
        for (int id = 0; id < labels.length; id++) {
            Labels l = labels[id];
            for (int i = 0; i < l.size(); i++) {
                lists.computeIfAbsent(l.name(i), k -> new HashMap<>())
                        .computeIfAbsent(l.value(i), k -> new IntList())
                        .add(id);
            }
        }
        Map<String, Map<String, int[]>> out = new HashMap<>(lists.size() * 2);
        lists.forEach((name, byValue) -> {
            Map<String, int[]> values = new HashMap<>(byValue.size() * 2);
            byValue.forEach((value, ids) -> values.put(value, ids.toArray()));
            out.put(name, values);
        });
        return out;
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
            if (j < 0 || j >= count[check(i)]) {
                throw new IndexOutOfBoundsException("chunk " + j + " of " + count[i]);
            }
            return chunks[ids[i]][first[i] + j];
        }

        private int check(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("series " + i + " of " + size);
            }
            return i;
        }
    }

    /** A growable int array for building posting lists without boxing. */
    private static final class IntList {
        private int[] a = new int[4];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
