package io.thanosjava.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns UTF-8 label bytes into Strings, handing out one instance for bytes seen recently. Label names
 * and most values repeat from series to series; sharing them saves the allocation and lets label
 * comparisons in the merge succeed on identity.
 *
 * <p>A direct-mapped cache: each slot holds one entry, which a miss replaces only when the entry was
 * not used since it was put there or last spared, so a stream of unique values (instance names) does
 * not evict the names and values that repeat. Invalid UTF-8 decodes to U+FFFD as in
 * {@code LabelsConverter}. Not thread-safe.
 */
final class LabelInterner {
    private static final int SLOTS = 4096;
    /** Longer byte strings are rarely repeated and not worth keeping a copy of. */
    private static final int MAX_CACHED_LENGTH = 128;

    private final byte[][] keys = new byte[SLOTS][];
    /** Each slot's key hash: a miss (mostly a value unique to its series) is told apart without reading the key. */
    private final int[] hashes = new int[SLOTS];
    private final String[] strings = new String[SLOTS];
    private final boolean[] used = new boolean[SLOTS];

    String intern(byte[] b, int off, int len) {
        if (len == 0) {
            return "";
        }
        if (len > MAX_CACHED_LENGTH) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        int hash = hash(b, off, len);
        int slot = hash & (SLOTS - 1);
        byte[] key = keys[slot];
        if (hashes[slot] == hash && key != null && sameBytes(key, b, off, len)) {
            used[slot] = true;
            return strings[slot];
        }
        String s = new String(b, off, len, StandardCharsets.UTF_8);
        if (key == null || !used[slot]) {
            keys[slot] = Arrays.copyOfRange(b, off, off + len);
            hashes[slot] = hash;
            strings[slot] = s;
        }
        used[slot] = false;
        return s;
    }

    /** A plain loop: label bytes are short, where {@code Arrays.equals}' range checks and vector setup dominate. */
    private static boolean sameBytes(byte[] key, byte[] b, int off, int len) {
        if (key.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (key[i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] b, int off, int len) {
        int h = len;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 12);
    }
}
