package io.thanosjava.dedup;

import io.thanosjava.model.chunk.SampleBuffer;
import java.util.Arrays;

/** A growable pair of sample arrays that a time-ordered union is built in. */
final class SampleMerge {
    long[] timestamps = new long[0];
    double[] values = new double[0];
    int size;

    /** Replaces the content with the samples of {@code source}. */
    void copyOf(SampleBuffer source) {
        size = 0;
        ensureCapacity(source.size());
        System.arraycopy(source.timestamps(), 0, timestamps, 0, source.size());
        System.arraycopy(source.values(), 0, values, 0, source.size());
        size = source.size();
    }

    /**
     * Replaces the content with the union of two time-ordered inputs; at equal timestamps the sample
     * of {@code first} is kept.
     */
    void union(SampleMerge first, SampleBuffer second) {
        int n1 = first.size;
        int n2 = second.size();
        size = 0;
        ensureCapacity(n1 + n2);
        long[] t1 = first.timestamps;
        double[] v1 = first.values;
        long[] t2 = second.timestamps();
        double[] v2 = second.values();
        long[] to = timestamps;
        double[] vo = values;
        int i = 0;
        int j = 0;
        int o = 0;
        while (i < n1 && j < n2) {
            long a = t1[i];
            long b = t2[j];
            if (a <= b) {
                to[o] = a;
                vo[o++] = v1[i++];
                if (a == b) {
                    j++;
                }
            } else {
                to[o] = b;
                vo[o++] = v2[j++];
            }
        }
        int rest1 = n1 - i;
        System.arraycopy(t1, i, to, o, rest1);
        System.arraycopy(v1, i, vo, o, rest1);
        o += rest1;
        int rest2 = n2 - j;
        System.arraycopy(t2, j, to, o, rest2);
        System.arraycopy(v2, j, vo, o, rest2);
        size = o + rest2;
    }

    private void ensureCapacity(int needed) {
        if (needed > timestamps.length) {
            int capacity = Math.max(needed, timestamps.length * 2);
            timestamps = Arrays.copyOf(timestamps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
    }
}
