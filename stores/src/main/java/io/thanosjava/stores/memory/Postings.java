package io.thanosjava.stores.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The inverted index of a store: label name → value → ascending series ids, all as symbol ids. The
 * names are one sorted array; per name, the distinct values are one sorted array and their series ids
 * one flat array addressed by offsets, so a value costs two array slots rather than a map entry and an
 * array of its own (most values, such as instance names, belong to one series or a few).
 */
final class Postings {
    private static final int[] NO_SERIES = new int[0];

    /** One label name's value ids (sorted), offsets into ids (one extra at the end), and the series ids. */
    private record NameIndex(int[] values, int[] start, int[] ids) {
    }

    private final int[] names;
    private final NameIndex[] byName;

    private Postings(int[] names, NameIndex[] byName) {
        this.names = names;
        this.byName = byName;
    }

    static Postings of(SeriesLabels series) {
        Map<Integer, Map<Integer, IntList>> lists = new HashMap<>();
        for (int s = 0; s < series.seriesCount(); s++) {
            for (int i = 0; i < series.labelCount(s); i++) {
                lists.computeIfAbsent(series.nameId(s, i), k -> new HashMap<>())
                        .computeIfAbsent(series.valueId(s, i), k -> new IntList())
                        .add(s);
            }
        }
        int[] names = lists.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        NameIndex[] byName = new NameIndex[names.length];
        for (int n = 0; n < names.length; n++) {
            Map<Integer, IntList> byValue = lists.get(names[n]);
            int[] values = byValue.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] start = new int[values.length + 1];
            for (int v = 0; v < values.length; v++) {
                start[v + 1] = start[v] + byValue.get(values[v]).size;
            }
            int[] ids = new int[start[values.length]];
            for (int v = 0; v < values.length; v++) {
                IntList list = byValue.get(values[v]);
                System.arraycopy(list.a, 0, ids, start[v], list.size);
            }
            byName[n] = new NameIndex(values, start, ids);
        }
        return new Postings(names, byName);
    }

    /** Ascending ids of the series with label {@code name="value"} (a new array; empty when none). */
    int[] ids(int nameId, int valueId) {
        int n = Arrays.binarySearch(names, nameId);
        if (n < 0) {
            return NO_SERIES;
        }
        NameIndex index = byName[n];
        int v = Arrays.binarySearch(index.values, valueId);
        return v < 0 ? NO_SERIES : Arrays.copyOfRange(index.ids, index.start[v], index.start[v + 1]);
    }

    /** A growable int array for building posting lists without boxing. */
    private static final class IntList {
        private int[] a = new int[2];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }
    }
}
