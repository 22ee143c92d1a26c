package io.thanosjava.engine.store;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import io.thanosjava.model.chunk.SampleBuffer;
import io.thanosjava.model.chunk.XorChunkIterator;

/**
 * Decodes received XOR chunks once to prove them sound: all samples the header announces decode,
 * timestamps strictly increase and lie within the chunk's announced {@code [min_time, max_time]}.
 * Catching corrupt bytes on receipt lets the fan-out blame the store that sent them; found later, in the
 * engine, they could only fail the whole query. Other encodings are passed on unchecked. One instance
 * per stream (not thread-safe).
 *
 * <p>The bulk decoder fills a reused primitive buffer (several times faster than sample-by-sample
 * iteration, which made this check the largest cost of receiving), then one pass checks the timestamps.
 */
final class ChunkVerifier {
    private final XorChunkIterator iterator = new XorChunkIterator();
    private final SampleBuffer buffer = new SampleBuffer(256);

    /** @throws ChunkDecodeException naming the chunk's time range and what is wrong */
    void verify(Chunk chunk) {
        if (chunk.encoding() != Chunk.XOR) {
            return;
        }
        buffer.clear();
        int n = iterator.reset(chunk).decodeRemainingInto(buffer, Long.MIN_VALUE, Long.MAX_VALUE);
        long[] t = buffer.timestamps();
        for (int i = 0; i < n; i++) {
            if ((i > 0 && t[i] <= t[i - 1]) || t[i] < chunk.minTime() || t[i] > chunk.maxTime()) {
                throw new ChunkDecodeException("XOR chunk [" + chunk.minTime() + ", " + chunk.maxTime() + "]", -1,
                        "sample " + i + " has timestamp " + t[i] + " out of order or outside the chunk's range");
            }
        }
    }
}
