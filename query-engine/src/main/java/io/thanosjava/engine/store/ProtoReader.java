package io.thanosjava.engine.store;

import io.thanosjava.storeapi.InvalidWireDataException;

/**
 * Protobuf wire primitives over a byte array: tags, varints, length-delimited fields and nested
 * message limits. Every read is bounds-checked against the innermost limit, so malformed bytes end
 * in an {@link InvalidWireDataException}, never an index error. Not thread-safe.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int START_GROUP = 3;
    static final int END_GROUP = 4;
    static final int FIXED32 = 5;

    private byte[] buf;
    private int pos;
    private int limit;

    void reset(byte[] bytes, int offset, int length) {
        buf = bytes;
        pos = offset;
        limit = offset + length;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    boolean hasMore() {
        return pos < limit;
    }

    /** The next field's tag ({@code field << 3 | wire type}). */
    int readTag() {
        long tag = readVarint();
        if (tag <= 0 || tag > Integer.MAX_VALUE || (tag >>> 3) == 0) {
            throw new InvalidWireDataException("invalid protobuf tag " + tag + " at byte " + pos);
        }
        return (int) tag;
    }

    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw truncated("varint");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new InvalidWireDataException("varint longer than 10 bytes at byte " + pos);
    }

    /** Reads a length prefix and checks that many bytes follow within the current limit. */
    int readLength() {
        long length = readVarint();
        if (length < 0 || length > limit - pos) {
            throw truncated("length-delimited field of " + length + " bytes");
        }
        return (int) length;
    }

    /** Skips {@code length} bytes already checked by {@link #readLength}. */
    void advance(int length) {
        pos += length;
    }

    /** Reads a length prefix and confines reads to that many bytes; returns the limit to restore. */
    int enterMessage() {
        int length = readLength();
        int outer = limit;
        limit = pos + length;
        return outer;
    }

    void exitMessage(int outerLimit) {
        limit = outerLimit;
    }

    /** Skips the value of a field this decoder does not read (unknown fields are allowed, as protobuf requires). */
    void skipField(int tag) {
        switch (tag & 7) {
            case VARINT -> readVarint();
            case FIXED64 -> skipFixed(8);
            case LENGTH_DELIMITED -> advance(readLength());
            case FIXED32 -> skipFixed(4);
            case START_GROUP -> skipGroup(tag >>> 3);
            default -> throw new InvalidWireDataException("unexpected protobuf wire type " + (tag & 7) + " at byte " + pos);
        }
    }

    private void skipFixed(int bytes) {
        if (limit - pos < bytes) {
            throw truncated(bytes * 8 + "-bit field");
        }
        pos += bytes;
    }

    private void skipGroup(int field) {
        while (true) {
            if (!hasMore()) {
                throw truncated("group");
            }
            int tag = readTag();
            if ((tag & 7) == END_GROUP) {
                if (tag >>> 3 != field) {
                    throw new InvalidWireDataException("group " + field + " closed as " + (tag >>> 3));
                }
                return;
            }
            skipField(tag);
        }
    }

    private InvalidWireDataException truncated(String what) {
        return new InvalidWireDataException("truncated message: " + what + " at byte " + pos + " runs past the end");
    }
}
