package io.thanosjava.stores.memory;

import java.util.Arrays;

/**
 * Open-addressing map from the raw bytes of a sample line's series part ({@code name{labels}}) to a
 * series id, looked up straight from the line buffer so repeated series cost no parsing and no
 * allocation. Two spellings of one label set get two entries pointing at the same id.
 */
final class SeriesKeyTable {
    private byte[][] keys = new byte[1024][];
    private int[] ids = new int[1024];
    private int[] hashes = new int[1024];
    private int size;

    /** The id stored for {@code b[off, off+len)}, or -1. */
    int get(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return -1;
            }
            if (hashes[i] == h && Arrays.equals(k, 0, k.length, b, off, off + len)) {
                return ids[i];
            }
        }
    }

    /** Stores a copy of {@code b[off, off+len)}; the key must not be present. */
    void put(byte[] b, int off, int len, int id) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(Arrays.copyOfRange(b, off, off + len), hash(b, off, len), id);
        size++;
    }

    private void insert(byte[] key, int h, int id) {
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashes[i] = h;
        ids[i] = id;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldIds = ids;
        int[] oldHashes = hashes;
        keys = new byte[oldKeys.length * 2][];
        ids = new int[keys.length];
        hashes = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldHashes[i], oldIds[i]);
            }
        }
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off, end = off + len; i < end; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
