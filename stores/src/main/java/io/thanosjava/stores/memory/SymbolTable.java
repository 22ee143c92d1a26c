package io.thanosjava.stores.memory;

import io.thanosjava.model.Labels;
import java.util.Arrays;
import java.util.Collection;

/**
 * Every distinct label name and value of a store, held once and numbered in UTF-8 byte order, so that
 * comparing two symbol ids compares their strings as Prometheus does. Series refer to their labels by
 * these ids ({@link SeriesLabels}); the strings themselves are shared by every label set handed out.
 */
final class SymbolTable {
    private final String[] symbols;

    private SymbolTable(String[] symbols) {
        this.symbols = symbols;
    }

    /** @param distinct distinct strings, in any order */
    static SymbolTable of(Collection<String> distinct) {
        String[] symbols = distinct.toArray(new String[0]);
        Arrays.sort(symbols, Labels::compareUtf8);
        return new SymbolTable(symbols);
    }

    int size() {
        return symbols.length;
    }

    String symbol(int id) {
        return symbols[id];
    }

    /** The id of {@code s}, or -1 when the store has no such name or value. */
    int id(String s) {
        int lo = 0;
        int hi = symbols.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Labels.compareUtf8(symbols[mid], s);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
