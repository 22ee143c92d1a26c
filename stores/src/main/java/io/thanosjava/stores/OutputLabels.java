package io.thanosjava.stores;

import io.thanosjava.model.Labels;
import java.util.Arrays;
import java.util.Set;

/**
 * Turns a backend's label set into the label set sent on the wire: external labels added (they win
 * over same-named series labels) and the request's {@code without_replica_labels} removed.
 * A single merge of two sorted lists; no sorting.
 */
final class OutputLabels {
    private final Labels external;
    private final Set<String> without;

    OutputLabels(Labels external, Set<String> without) {
        this.external = without.isEmpty() ? external : external.without(without);
        this.without = without;
    }

    /** Whether every label set passes through unchanged (no external labels, nothing removed). */
    boolean isIdentity() {
        return external.isEmpty() && without.isEmpty();
    }

    Labels apply(Labels series) {
        if (isIdentity()) {
            return series;
        }
        int ns = series.size();
        int ne = external.size();
        String[] out = new String[2 * (ns + ne)];
        int o = 0;
        int i = 0;
        int e = 0;
        while (i < ns || e < ne) {
            int c;
            if (i == ns) {
                c = 1;
            } else if (e == ne) {
                c = -1;
            } else {
                c = Labels.compareUtf8(series.name(i), external.name(e));
            }
            if (c < 0) {
                String name = series.name(i);
                if (without.isEmpty() || !without.contains(name)) {
                    out[o++] = name;
                    out[o++] = series.value(i);
                }
                i++;
            } else {
                out[o++] = external.name(e);
                out[o++] = external.value(e);
                e++;
                if (c == 0) {
                    i++; // the external label replaces the series' own
                }
            }
        }
        return Labels.wrapSorted(o == out.length ? out : Arrays.copyOf(out, o));
    }
}
