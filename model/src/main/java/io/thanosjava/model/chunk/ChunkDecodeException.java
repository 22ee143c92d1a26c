package io.thanosjava.model.chunk;

/**
 * Chunk bytes that cannot be decoded: truncated, corrupt, or of an encoding the reader does not
 * handle. The message names the chunk and the position where decoding stopped, so a bad chunk
 * from a store can be traced.
 */
public final class ChunkDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long bitOffset;

    /**
     * @param chunk a description of the chunk, e.g. its time range
     * @param bitOffset position in the chunk's bytes (in bits from the first byte) where decoding
     *     failed, or -1 when the failure is not tied to a position
     * @param problem what is wrong
     */
    public ChunkDecodeException(String chunk, long bitOffset, String problem) {
        super(message(chunk, bitOffset, problem));
        this.bitOffset = bitOffset;
    }

    /** Bit position in the chunk's bytes where decoding failed, or -1. */
    public long bitOffset() {
        return bitOffset;
    }

    private static String message(String chunk, long bitOffset, String problem) {
        if (bitOffset < 0) {
            return "cannot decode " + chunk + ": " + problem;
        }
        return "cannot decode " + chunk + " at byte " + (bitOffset >>> 3) + " (bit " + bitOffset + "): " + problem;
    }
}
