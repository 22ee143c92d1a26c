package io.thanosjava.stores;

import io.thanosjava.model.Labels;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The series one Series call will send, in wire order: the backend's selection with output labels
 * applied, filtered to the requested shard, re-sorted when adding external labels or removing
 * replica labels changed the order, and cut to the request's limit. Holds label sets and indexes,
 * never chunks.
 */
final class SeriesPlan {
    private final Labels[] labels;
    private final int[] index;
    private final int size;

    private SeriesPlan(Labels[] labels, int[] index, int size) {
        this.labels = labels;
        this.index = index;
        this.size = size;
    }

    static SeriesPlan of(SeriesSelection selection, OutputLabels output, ShardMatcher shard, long limit) {
        int n = selection.size();
        Labels[] labels = new Labels[n];
        int[] index = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Labels out = output.apply(selection.labels(i));
            if (shard.matches(out)) {
                labels[k] = out;
                index[k] = i;
                k++;
            }
        }
        if (!output.isIdentity() && !isSorted(labels, k)) {
            sort(labels, index, k);
        }
        if (limit > 0 && k > limit) {
            k = (int) limit;
        }
        return new SeriesPlan(labels, index, k);
    }

    int size() {
        return size;
    }

    Labels labels(int k) {
        return labels[k];
    }

    /** Index of the k-th series to send in the backend's selection. */
    int selectionIndex(int k) {
        return index[k];
    }

    private static boolean isSorted(Labels[] labels, int n) {
        for (int i = 1; i < n; i++) {
            if (labels[i - 1].compareTo(labels[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Stable, so series that became equal (only a replica label told them apart) keep backend order. */
    private static void sort(Labels[] labels, int[] index, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> labels[i]));
        Labels[] sortedLabels = new Labels[n];
        int[] sortedIndex = new int[n];
        for (int i = 0; i < n; i++) {
            sortedLabels[i] = labels[order[i]];
            sortedIndex[i] = index[order[i]];
        }
        System.arraycopy(sortedLabels, 0, labels, 0, n);
        System.arraycopy(sortedIndex, 0, index, 0, n);
    }
}
