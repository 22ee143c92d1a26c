package io.thanosjava.stores;

/**
 * Receives one chunk's bounds, encoding (Thanos' numbering, XOR = 0) and encoded bytes as a slice of
 * an array the store owns. The slice is valid only during the call and must not be modified.
 */
@FunctionalInterface
public interface ChunkSink {
    void chunk(long minTime, long maxTime, int encoding, byte[] bytes, int offset, int length);
}
