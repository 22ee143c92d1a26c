package io.thanosjava.engine.store;

import io.thanosjava.dedup.ChunkSeries;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.InvalidWireDataException;
import io.thanosjava.storeapi.LabelsConverter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes {@code thanos.SeriesResponse} bytes straight into {@link SeriesFrame}s: label bytes become
 * interned Strings, each raw chunk becomes a {@link Chunk} over its bytes in the message's array
 * (never copied), and nothing else is materialised (no protobuf message objects). Field numbers are those of {@code storepb/rpc.proto} and
 * {@code storepb/types.proto}; unknown fields are skipped; of repeated {@code result} fields the last
 * one counts and earlier ones are dropped, as Go's decoder does with a oneof.
 *
 * <p>With a {@link ChunkVerifier} every XOR chunk is checked as it is decoded. One instance per stream
 * (gRPC delivers a call's messages one at a time); not thread-safe.
 */
final class SeriesFrameDecoder {
    // Tags (field number << 3 | wire type) of the fields read; a known number with another wire type is
    // an unknown field to protobuf, and skipped like one.
    private static final int RESPONSE_SERIES = tag(1, ProtoReader.LENGTH_DELIMITED);
    private static final int RESPONSE_WARNING = tag(2, ProtoReader.LENGTH_DELIMITED);
    private static final int RESPONSE_HINTS = tag(3, ProtoReader.LENGTH_DELIMITED);
    private static final int RESPONSE_BATCH = tag(4, ProtoReader.LENGTH_DELIMITED);
    private static final int BATCH_SERIES = tag(1, ProtoReader.LENGTH_DELIMITED);
    private static final int SERIES_LABEL = tag(1, ProtoReader.LENGTH_DELIMITED);
    private static final int SERIES_CHUNK = tag(2, ProtoReader.LENGTH_DELIMITED);
    private static final int LABEL_NAME = tag(1, ProtoReader.LENGTH_DELIMITED);
    private static final int LABEL_VALUE = tag(2, ProtoReader.LENGTH_DELIMITED);
    private static final int AGGR_MIN_TIME = tag(1, ProtoReader.VARINT);
    private static final int AGGR_MAX_TIME = tag(2, ProtoReader.VARINT);
    private static final int AGGR_RAW = tag(3, ProtoReader.LENGTH_DELIMITED);
    private static final int CHUNK_TYPE = tag(1, ProtoReader.VARINT);
    private static final int CHUNK_DATA = tag(2, ProtoReader.LENGTH_DELIMITED);
    private static final int KNOWN_ENCODINGS = 3;

    private final ProtoReader in = new ProtoReader();
    private final LabelInterner interner = new LabelInterner();
    private final ChunkVerifier verifier;
    private final List<ChunkSeries> batchSeries = new ArrayList<>();
    private final List<Chunk> chunks = new ArrayList<>();
    private String[] pairs = new String[16];

    /** @param verifier checks each received chunk, or {@code null} to pass chunks on unchecked */
    SeriesFrameDecoder(ChunkVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Decodes one message; its chunks keep {@code bytes} and point into it, so the caller must hand
     * over the array and never write to it again.
     *
     * @throws InvalidWireDataException for malformed bytes or content without a model equivalent
     * @throws io.thanosjava.model.chunk.ChunkDecodeException for a chunk that fails verification
     */
    SeriesFrame decode(byte[] bytes, int offset, int length) {
        in.reset(bytes, offset, length);
        SeriesFrame result = SeriesFrame.IGNORED;
        while (in.hasMore()) {
            int tag = in.readTag();
            if (tag == RESPONSE_SERIES) {
                result = singleSeries();
            } else if (tag == RESPONSE_WARNING) {
                result = new SeriesFrame.Warning(readString());
            } else if (tag == RESPONSE_BATCH) {
                result = batch();
            } else {
                in.skipField(tag);
                if (tag == RESPONSE_HINTS) {
                    result = SeriesFrame.IGNORED;
                }
            }
        }
        return result;
    }

    private static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }

    private SeriesFrame singleSeries() {
        int outer = in.enterMessage();
        ChunkSeries s = series();
        in.exitMessage(outer);
        return new SeriesFrame.Series(new ChunkSeries[] {s});
    }

    private SeriesFrame batch() {
        batchSeries.clear();
        int outer = in.enterMessage();
        while (in.hasMore()) {
            int field = in.readTag();
            if (field == BATCH_SERIES) {
                int seriesOuter = in.enterMessage();
                batchSeries.add(series());
                in.exitMessage(seriesOuter);
            } else {
                in.skipField(field);
            }
        }
        in.exitMessage(outer);
        if (batchSeries.isEmpty()) {
            return SeriesFrame.IGNORED;
        }
        ChunkSeries[] out = batchSeries.toArray(new ChunkSeries[0]);
        batchSeries.clear();
        return new SeriesFrame.Series(out);
    }

    /** Reads one {@code Series} up to the current limit. */
    private ChunkSeries series() {
        int labelCount = 0;
        chunks.clear();
        while (in.hasMore()) {
            int tag = in.readTag();
            if (tag == SERIES_LABEL) {
                if (2 * labelCount + 2 > pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
                int outer = in.enterMessage();
                label(2 * labelCount);
                in.exitMessage(outer);
                labelCount++;
            } else if (tag == SERIES_CHUNK) {
                int outer = in.enterMessage();
                chunks.add(aggrChunk());
                in.exitMessage(outer);
            } else {
                in.skipField(tag);
            }
        }
        Labels labels = LabelsConverter.fromDecodedPairs(Arrays.copyOf(pairs, 2 * labelCount));
        return new ChunkSeries(labels, List.copyOf(chunks));
    }

    private void label(int at) {
        String name = "";
        String value = "";
        while (in.hasMore()) {
            int tag = in.readTag();
            if (tag == LABEL_NAME) {
                name = readInterned();
            } else if (tag == LABEL_VALUE) {
                value = readInterned();
            } else {
                in.skipField(tag);
            }
        }
        pairs[at] = name;
        pairs[at + 1] = value;
    }

    /** Reads an {@code AggrChunk} and returns its raw chunk; downsampled aggregates are skipped. */
    private Chunk aggrChunk() {
        long minTime = 0;
        long maxTime = 0;
        boolean hasRaw = false;
        int encoding = 0;
        int dataOffset = 0;
        int dataLength = 0;
        while (in.hasMore()) {
            int tag = in.readTag();
            if (tag == AGGR_MIN_TIME) {
                minTime = in.readVarint();
            } else if (tag == AGGR_MAX_TIME) {
                maxTime = in.readVarint();
            } else if (tag == AGGR_RAW) {
                hasRaw = true;
                int outer = in.enterMessage();
                // A repeated raw field merges into the first, field by field, as protobuf merges messages.
                while (in.hasMore()) {
                    int field = in.readTag();
                    if (field == CHUNK_TYPE) {
                        encoding = (int) in.readVarint();
                    } else if (field == CHUNK_DATA) {
                        dataLength = in.readLength();
                        dataOffset = in.position();
                        in.advance(dataLength);
                    } else {
                        in.skipField(field);
                    }
                }
                in.exitMessage(outer);
            } else {
                in.skipField(tag);
            }
        }
        if (!hasRaw) {
            throw new InvalidWireDataException("chunk [" + minTime + ", " + maxTime + "] has no RAW part");
        }
        if (encoding < 0 || encoding >= KNOWN_ENCODINGS) {
            throw new InvalidWireDataException("chunk [" + minTime + ", " + maxTime + "] has unknown Thanos encoding "
                    + encoding);
        }
        Chunk chunk = new Chunk(minTime, maxTime, encoding, in.buffer(), dataOffset, dataLength);
        if (verifier != null) {
            verifier.verify(chunk);
        }
        return chunk;
    }

    private String readInterned() {
        int length = in.readLength();
        String s = interner.intern(in.buffer(), in.position(), length);
        in.advance(length);
        return s;
    }

    private String readString() {
        int length = in.readLength();
        String s = new String(in.buffer(), in.position(), length, StandardCharsets.UTF_8);
        in.advance(length);
        return s;
    }
}
