package io.thanosjava.stores.memory;

import io.thanosjava.model.Labels;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The label sets of a store's series as symbol ids in one flat array: series {@code s} owns the
 * (name id, value id) pairs {@code pairs[start[s] .. start[s + 1])}, sorted by name. A label costs
 * 8 bytes and a series 4 more, instead of a {@link Labels} object and its array (about 64 bytes).
 */
final class SeriesLabels {
    private final SymbolTable symbols;
    private final int[] start;
    private final int[] pairs;

    /** @param start per series the index of its first pair in {@code pairs}, with one extra entry at the end */
    private SeriesLabels(SymbolTable symbols, int[] start, int[] pairs) {
        this.symbols = symbols;
        this.start = start;
        this.pairs = pairs;
    }

    /** Encodes label sets, keeping their order; every distinct name and value becomes one symbol. */
    static SeriesLabels of(Labels[] labels) {
        Set<String> distinct = new HashSet<>();
        int total = 0;
        for (Labels l : labels) {
            for (int i = 0; i < l.size(); i++) {
                distinct.add(l.name(i));
                distinct.add(l.value(i));
            }
            total += 2 * l.size();
        }
        SymbolTable symbols = SymbolTable.of(distinct);
        Map<String, Integer> ids = new HashMap<>(symbols.size() * 2);
        for (int id = 0; id < symbols.size(); id++) {
            ids.put(symbols.symbol(id), id);
        }
        int[] start = new int[labels.length + 1];
        int[] pairs = new int[total];
        int p = 0;
        for (int s = 0; s < labels.length; s++) {
            for (int i = 0; i < labels[s].size(); i++) {
                pairs[p++] = ids.get(labels[s].name(i));
                pairs[p++] = ids.get(labels[s].value(i));
            }
            start[s + 1] = p;
        }
        return new SeriesLabels(symbols, start, pairs);
    }

    int seriesCount() {
        return start.length - 1;
    }

    SymbolTable symbols() {
        return symbols;
    }

    int labelCount(int series) {
        return (start[series + 1] - start[series]) >> 1;
    }

    int nameId(int series, int i) {
        return pairs[start[series] + 2 * i];
    }

    int valueId(int series, int i) {
        return pairs[start[series] + 2 * i + 1];
    }

    /** The id of the series' value for the name with id {@code nameId}, or -1 when it has no such label. */
    int valueOf(int series, int nameId) {
        for (int p = start[series], end = start[series + 1]; p < end; p += 2) {
            int name = pairs[p];
            if (name == nameId) {
                return pairs[p + 1];
            }
            if (name > nameId) {
                break;
            }
        }
        return -1;
    }

    /** The series' label set, built on demand from the shared symbol strings. */
    Labels labels(int series) {
        int from = start[series];
        String[] strings = new String[start[series + 1] - from];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = symbols.symbol(pairs[from + i]);
        }
        return Labels.wrapSorted(strings);
    }
}
