package io.thanosjava.storeapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes protobuf wire bytes by hand, independently of protobuf-java, to pin field numbers and types. */
final class WireBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WireBytes varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    WireBytes bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    WireBytes string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    WireBytes message(int field, WireBytes inner) {
        return bytes(field, inner.toByteArray());
    }

    /** A packed repeated varint field. */
    WireBytes packed(int field, long... values) {
        WireBytes body = new WireBytes();
        for (long v : values) {
            body.raw(v);
        }
        return bytes(field, body.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    private void raw(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
