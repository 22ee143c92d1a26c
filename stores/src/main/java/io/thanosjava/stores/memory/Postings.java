package io.thanosjava.stores.memory;

import io.thanosjava.model.Labels;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The inverted index of a store: label name → value → ascending series ids. Per name, the distinct
 * values are one sorted array and their series ids one flat array addressed by offsets, so a value
 * costs three array slots rather than a map entry and an array of its own (most values, such as
 * instance names, belong to one series or a few).
 */
final class Postings {
    private static final int[] NO_SERIES = new int[0];

    /** One label name's values (sorted), offsets into ids (one extra at the end), and the ids. */
    private record NameIndex(String[] values, int[] start, int[] ids) {
    }

    private final Map<String, NameIndex> byName;

    private Postings(Map<String, NameIndex> byName) {
        this.byName = byName;
    }

    static Postings of(Labels[] labels) {
        Map<String, Map<String, IntList>> lists = new HashMap<>();
        for (int id = 0; id < labels.length; id++) {
            Labels l = labels[id];
            for (int i = 0; i < l.size(); i++) {
                lists.computeIfAbsent(l.name(i), k -> new HashMap<>())
                        .computeIfAbsent(l.value(i), k -> new IntList())
                        .add(id);
            }
        }
        Map<String, NameIndex> byName = new HashMap<>(lists.size() * 2);
        lists.forEach((name, byValue) -> {
            String[] values = byValue.keySet().toArray(new String[0]);
            Arrays.sort(values);
            int[] start = new int[values.length + 1];
            for (int v = 0; v < values.length; v++) {
                start[v + 1] = start[v] + byValue.get(values[v]).size;
            }
            int[] ids = new int[start[values.length]];
            for (int v = 0; v < values.length; v++) {
                IntList list = byValue.get(values[v]);
                System.arraycopy(list.a, 0, ids, start[v], list.size);
            }
            byName.put(name, new NameIndex(values, start, ids));
        });
        return new Postings(byName);
    }

    /** Ascending ids of the series with label {@code name="value"} (a new array; empty when none). */
    int[] ids(String name, String value) {
        NameIndex index = byName.get(name);
        if (index == null) {
            return NO_SERIES;
        }
        int v = Arrays.binarySearch(index.values, value);
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
