package io.thanosjava.stores;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of label names and values, remembered by String identity: stores share one String
 * per distinct name or value, so a call encodes each of them once instead of once per series. A
 * direct-mapped table; a collision simply re-encodes. Not thread-safe (one per call).
 */
final class Utf8Cache {
    private static final int SLOTS = 4096;

    private final String[] strings = new String[SLOTS];
    private final byte[][] encoded = new byte[SLOTS][];

    byte[] bytes(String s) {
        int slot = System.identityHashCode(s) & (SLOTS - 1);
        if (strings[slot] == s) {
            return encoded[slot];
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        strings[slot] = s;
        encoded[slot] = b;
        return b;
    }
}
