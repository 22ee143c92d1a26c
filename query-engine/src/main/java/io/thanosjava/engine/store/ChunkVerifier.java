package io.thanosjava.engine.store;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import io.thanosjava.model.chunk.XorChunkIterator;

/**
 * Decodes received XOR chunks once to prove them sound: all samples the header announces decode, timestamps strictly
 * increase and lie within the chunk's announced {@code [min_time, max_time]}. Catching corrupt bytes on
 * receipt lets the fan-out blame the store that sent them; found later, in the engine, they could only
 * fail the whole query. Other encodings are passed on unchecked. One instance per stream (not thread-safe).
 */
final class ChunkVerifier {
    private final XorChunkIterator iterator = new XorChunkIterator();

    /** @throws ChunkDecodeException naming the chunk's time range and what is wrong */
    void verify(Chunk chunk) {
        if (chunk.encoding() != Chunk.XOR) {
            return;
        }
        iterator.reset(chunk);
        int decoded = 0;
        long previous = Long.MIN_VALUE;
        while (iterator.next()) {
            long t = iterator.atT();
            if (t < chunk.minTime() || t > chunk.maxTime() || (decoded > 0 && t <= previous)) {
                throw new ChunkDecodeException(describe(chunk), -1,
                        "sample " + decoded + " has timestamp " + t + " out of order or outside the chunk's range");
            }
            previous = t;
            decoded++;
        }
    }

    private static String describe(Chunk chunk) {
        return "XOR chunk [" + chunk.minTime() + ", " + chunk.maxTime() + "]";
    }
}
