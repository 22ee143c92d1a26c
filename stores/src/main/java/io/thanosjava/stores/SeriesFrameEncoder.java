package io.thanosjava.stores;

import io.thanosjava.model.Labels;
import java.util.Arrays;

/**
 * Writes {@code thanos.SeriesResponse} frames straight to protobuf bytes: label bytes (encoded once per
 * distinct String, {@link Utf8Cache}) and chunk bytes (copied once, from wherever the store keeps them)
 * go into one reused buffer, without building protobuf message objects. The bytes are what protobuf-java
 * writes for the same messages: fields in number order, proto3 defaults (zero, empty) left out.
 *
 * <p>A frame is either one {@code series} (field 1) or a {@code batch} (field 4) of series, each of which
 * is a {@code Series} entry (field 1) too. Entries are written after room for the frame's header, which
 * is filled in, right-aligned, once the frame's length is known. Not thread-safe (one per call).
 */
final class SeriesFrameEncoder implements ChunkSink {
    private static final int LENGTH_DELIMITED = 2;
    private static final int VARINT = 0;
    private static final int RESPONSE_SERIES = 1 << 3 | LENGTH_DELIMITED;
    private static final int RESPONSE_BATCH = 4 << 3 | LENGTH_DELIMITED;
    private static final int BATCH_SERIES = 1 << 3 | LENGTH_DELIMITED;
    private static final int SERIES_LABEL = 1 << 3 | LENGTH_DELIMITED;
    private static final int SERIES_CHUNK = 2 << 3 | LENGTH_DELIMITED;
    private static final int LABEL_NAME = 1 << 3 | LENGTH_DELIMITED;
    private static final int LABEL_VALUE = 2 << 3 | LENGTH_DELIMITED;
    private static final int AGGR_MIN_TIME = 1 << 3 | VARINT;
    private static final int AGGR_MAX_TIME = 2 << 3 | VARINT;
    private static final int AGGR_RAW = 3 << 3 | LENGTH_DELIMITED;
    private static final int CHUNK_TYPE = 1 << 3 | VARINT;
    private static final int CHUNK_DATA = 2 << 3 | LENGTH_DELIMITED;
    /** A one-byte tag and a length of up to five bytes. */
    private static final int HEADER_ROOM = 6;

    private final Utf8Cache utf8 = new Utf8Cache();
    private byte[] buf = new byte[64 * 1024];
    private int pos = HEADER_ROOM;

    // The current series' labels and chunks, gathered first because their sizes precede them on the wire.
    private byte[][] labelBytes = new byte[32][];
    private int labelCount;
    private long[] chunkMin = new long[16];
    private long[] chunkMax = new long[16];
    private int[] chunkEncoding = new int[16];
    private byte[][] chunkArray = new byte[16][];
    private int[] chunkOffset = new int[16];
    private int[] chunkLength = new int[16];
    private int chunkCount;

    /** Appends one series with the given labels and, unless {@code skipChunks}, all its selected chunks. */
    void addSeries(Labels labels, SeriesSelection selection, int index, boolean skipChunks) {
        gatherLabels(labels);
        chunkCount = 0;
        if (!skipChunks) {
            for (int j = 0, n = selection.chunkCount(index); j < n; j++) {
                selection.chunk(index, j, this);
            }
        }
        int body = 0;
        for (int k = 0; k < 2 * labelCount; k += 2) {
            body += entrySize(labelSize(labelBytes[k], labelBytes[k + 1]));
        }
        for (int k = 0; k < chunkCount; k++) {
            body += entrySize(aggrChunkSize(k));
        }
        ensureRoom(entrySize(body));
        writeTag(BATCH_SERIES);
        writeVarint(body);
        for (int k = 0; k < 2 * labelCount; k += 2) {
            writeLabel(labelBytes[k], labelBytes[k + 1]);
        }
        for (int k = 0; k < chunkCount; k++) {
            writeAggrChunk(k);
        }
        Arrays.fill(chunkArray, 0, chunkCount, null);
    }

    /** Number of chunks written by the last {@link #addSeries}. */
    int lastChunkCount() {
        return chunkCount;
    }

    /**
     * Closes the frame: a {@code batch} frame of the series added, or, with {@code batch} false, a
     * {@code series} frame (exactly one series must have been added). The returned frame stays valid
     * until the next {@link #addSeries}.
     */
    EncodedFrame finish(boolean batch) {
        int end = pos;
        pos = HEADER_ROOM;
        if (!batch) {
            // A Series entry of a SeriesBatch and the series field of SeriesResponse are both field 1.
            return new EncodedFrame(buf, HEADER_ROOM, end - HEADER_ROOM);
        }
        int length = end - HEADER_ROOM;
        int start = HEADER_ROOM - 1 - varintSize(length);
        int at = start;
        buf[at++] = (byte) RESPONSE_BATCH;
        for (long v = length; ; v >>>= 7) {
            if (v < 0x80) {
                buf[at] = (byte) v;
                break;
            }
            buf[at++] = (byte) (v | 0x80);
        }
        return new EncodedFrame(buf, start, end - start);
    }

    @Override
    public void chunk(long minTime, long maxTime, int encoding, byte[] bytes, int offset, int length) {
        if (chunkCount == chunkMin.length) {
            int n = chunkCount * 2;
            chunkMin = Arrays.copyOf(chunkMin, n);
            chunkMax = Arrays.copyOf(chunkMax, n);
            chunkEncoding = Arrays.copyOf(chunkEncoding, n);
            chunkArray = Arrays.copyOf(chunkArray, n);
            chunkOffset = Arrays.copyOf(chunkOffset, n);
            chunkLength = Arrays.copyOf(chunkLength, n);
        }
        chunkMin[chunkCount] = minTime;
        chunkMax[chunkCount] = maxTime;
        chunkEncoding[chunkCount] = encoding;
        chunkArray[chunkCount] = bytes;
        chunkOffset[chunkCount] = offset;
        chunkLength[chunkCount] = length;
        chunkCount++;
    }

    private void gatherLabels(Labels labels) {
        labelCount = labels.size();
        if (2 * labelCount > labelBytes.length) {
            labelBytes = new byte[2 * labelCount][];
        }
        for (int i = 0; i < labelCount; i++) {
            labelBytes[2 * i] = utf8.bytes(labels.name(i));
            labelBytes[2 * i + 1] = utf8.bytes(labels.value(i));
        }
    }

    private static int labelSize(byte[] name, byte[] value) {
        return bytesFieldSize(name.length) + bytesFieldSize(value.length);
    }

    private int aggrChunkSize(int k) {
        return int64FieldSize(chunkMin[k]) + int64FieldSize(chunkMax[k]) + entrySize(rawChunkSize(k));
    }

    private int rawChunkSize(int k) {
        return int64FieldSize(chunkEncoding[k]) + bytesFieldSize(chunkLength[k]);
    }

    private void writeLabel(byte[] name, byte[] value) {
        writeTag(SERIES_LABEL);
        writeVarint(labelSize(name, value));
        writeBytesField(LABEL_NAME, name, 0, name.length);
        writeBytesField(LABEL_VALUE, value, 0, value.length);
    }

    private void writeAggrChunk(int k) {
        writeTag(SERIES_CHUNK);
        writeVarint(aggrChunkSize(k));
        writeInt64Field(AGGR_MIN_TIME, chunkMin[k]);
        writeInt64Field(AGGR_MAX_TIME, chunkMax[k]);
        writeTag(AGGR_RAW);
        writeVarint(rawChunkSize(k));
        writeInt64Field(CHUNK_TYPE, chunkEncoding[k]);
        writeBytesField(CHUNK_DATA, chunkArray[k], chunkOffset[k], chunkLength[k]);
    }

    /** A length-delimited entry: tag, length, body. */
    private static int entrySize(int body) {
        return 1 + varintSize(body) + body;
    }

    /** A {@code bytes} field, left out when empty as proto3 does. */
    private static int bytesFieldSize(int length) {
        return length == 0 ? 0 : entrySize(length);
    }

    /** An {@code int64}/enum field, left out when zero; negative values take ten bytes, as in protobuf. */
    private static int int64FieldSize(long value) {
        return value == 0 ? 0 : 1 + varintSize(value);
    }

    private static int varintSize(long value) {
        return value == 0 ? 1 : (63 - Long.numberOfLeadingZeros(value)) / 7 + 1;
    }

    private void writeBytesField(int tag, byte[] bytes, int offset, int length) {
        if (length > 0) {
            writeTag(tag);
            writeVarint(length);
            System.arraycopy(bytes, offset, buf, pos, length);
            pos += length;
        }
    }

    private void writeInt64Field(int tag, long value) {
        if (value != 0) {
            writeTag(tag);
            writeVarint(value);
        }
    }

    private void writeTag(int tag) {
        buf[pos++] = (byte) tag;
    }

    private void writeVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[pos++] = (byte) value;
    }

    private void ensureRoom(int bytes) {
        if (buf.length - pos < bytes) {
            buf = Arrays.copyOf(buf, Math.max(pos + bytes, 2 * buf.length));
        }
    }
}
