package io.thanosjava.dedup;

import io.thanosjava.model.chunk.SampleBuffer;

/** Time-ordered unions of decoded samples, on the buffers' arrays. */
final class SampleMerge {
    private SampleMerge() {
    }

    /**
     * Replaces the content of {@code out} with the union of two time-ordered inputs; at equal
     * timestamps the sample of {@code first} is kept. {@code out} must be neither input.
     */
    static void union(SampleBuffer first, SampleBuffer second, SampleBuffer out) {
        int n1 = first.size();
        int n2 = second.size();
        out.clear();
        out.ensureCapacity(n1 + n2);
        long[] t1 = first.timestamps();
        double[] v1 = first.values();
        long[] t2 = second.timestamps();
        double[] v2 = second.values();
        long[] to = out.timestamps();
        double[] vo = out.values();
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
        out.setSize(o + rest2);
    }
}
