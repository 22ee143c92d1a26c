package io.thanosjava.engine.eval;

import io.thanosjava.model.Labels;
import io.thanosjava.model.Xxh64;
import java.nio.charset.StandardCharsets;

/**
 * The label-set hash {@code limit_ratio} samples by: xxHash64 (seed 0) over the names and values
 * each followed by the byte 0xFF, as Thanos release builds ("slicelabels") hash them.
 */
final class LabelHash {
    private LabelHash() {
    }

    /** The hash mapped onto [0, 1). */
    static double unitInterval(Labels l) {
        long h = hash(l);
        return (double) (h >>> 11) / (double) (1L << 53);
    }

    static long hash(Labels l) {
        int len = 0;
        byte[][] parts = new byte[l.size() * 2][];
        for (int i = 0; i < l.size(); i++) {
            parts[2 * i] = l.name(i).getBytes(StandardCharsets.UTF_8);
            parts[2 * i + 1] = l.value(i).getBytes(StandardCharsets.UTF_8);
            len += parts[2 * i].length + parts[2 * i + 1].length + 2;
        }
        byte[] b = new byte[len];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, b, o, p.length);
            o += p.length;
            b[o++] = (byte) 0xFF;
        }
        return Xxh64.hash(b, 0, b.length);
    }
}
