package io.thanosjava.storeapi;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.proto.store.AggrChunk;
import io.thanosjava.storeapi.proto.store.Aggr;

/**
 * Wire chunks to and from {@link Chunk}. The model uses Thanos' encoding numbers (XOR = 0);
 * Prometheus remote read numbers the same encodings one higher (XOR = 1, 0 = UNKNOWN), so
 * crossing between the two always goes through this class.
 */
public final class ChunkConverter {
    /** Prometheus' {@code chunkenc.Encoding} minus this is Thanos' {@code Chunk.Encoding}. */
    private static final int PROMETHEUS_OFFSET = 1;
    private static final int KNOWN_ENCODINGS = 3;

    private ChunkConverter() {}

    /**
     * The raw chunk of an {@link AggrChunk}; the data bytes are copied once out of the message.
     *
     * @throws InvalidWireDataException when the chunk has no raw part (a downsampled aggregate)
     *     or an unknown encoding
     */
    public static Chunk fromThanosRaw(AggrChunk chunk) {
        return fromThanos(chunk, Aggr.RAW);
    }

    /**
     * The sub-chunk {@code aggr} of an {@link AggrChunk} with the AggrChunk's time range.
     *
     * @throws InvalidWireDataException when that sub-chunk is absent or has an unknown encoding
     */
    public static Chunk fromThanos(AggrChunk chunk, Aggr aggr) {
        requireNonNull(chunk, "chunk is null");
        requireNonNull(aggr, "aggr is null");
        io.thanosjava.storeapi.proto.store.Chunk part = part(chunk, aggr);
        if (part == null) {
            throw new InvalidWireDataException("chunk [" + chunk.getMinTime() + ", " + chunk.getMaxTime()
                    + "] has no " + aggr + " part");
        }
        int encoding = part.getTypeValue();
        if (encoding < 0 || encoding >= KNOWN_ENCODINGS) {
            throw new InvalidWireDataException("chunk [" + chunk.getMinTime() + ", " + chunk.getMaxTime()
                    + "] has unknown Thanos encoding " + encoding);
        }
        return new Chunk(chunk.getMinTime(), chunk.getMaxTime(), encoding, part.getData().toByteArray());
    }

    /** @throws IllegalArgumentException when the chunk's encoding is not XOR, HISTOGRAM or FLOAT_HISTOGRAM */
    public static AggrChunk toThanosRaw(Chunk chunk) {
        requireNonNull(chunk, "chunk is null");
        checkModelEncoding(chunk);
        return AggrChunk.newBuilder()
                .setMinTime(chunk.minTime())
                .setMaxTime(chunk.maxTime())
                .setRaw(io.thanosjava.storeapi.proto.store.Chunk.newBuilder()
                        .setTypeValue(chunk.encoding())
                        .setData(ByteString.copyFrom(chunk.array(), chunk.offset(), chunk.length())))
                .build();
    }

    /**
     * A remote-read chunk with its encoding renumbered to Thanos' scheme.
     *
     * @throws InvalidWireDataException for UNKNOWN (0) or an encoding without a Thanos number
     */
    public static Chunk fromProm(io.thanosjava.storeapi.proto.prompb.Chunk chunk) {
        requireNonNull(chunk, "chunk is null");
        int encoding = chunk.getTypeValue() - PROMETHEUS_OFFSET;
        if (encoding < 0 || encoding >= KNOWN_ENCODINGS) {
            throw new InvalidWireDataException("remote-read chunk [" + chunk.getMinTimeMs() + ", "
                    + chunk.getMaxTimeMs() + "] has unsupported Prometheus encoding " + chunk.getTypeValue());
        }
        return new Chunk(chunk.getMinTimeMs(), chunk.getMaxTimeMs(), encoding, chunk.getData().toByteArray());
    }

    /** @throws IllegalArgumentException when the chunk's encoding is not XOR, HISTOGRAM or FLOAT_HISTOGRAM */
    public static io.thanosjava.storeapi.proto.prompb.Chunk toProm(Chunk chunk) {
        requireNonNull(chunk, "chunk is null");
        checkModelEncoding(chunk);
        return io.thanosjava.storeapi.proto.prompb.Chunk.newBuilder()
                .setMinTimeMs(chunk.minTime())
                .setMaxTimeMs(chunk.maxTime())
                .setTypeValue(chunk.encoding() + PROMETHEUS_OFFSET)
                .setData(ByteString.copyFrom(chunk.array(), chunk.offset(), chunk.length()))
                .build();
    }

    private static void checkModelEncoding(Chunk chunk) {
        if (chunk.encoding() < 0 || chunk.encoding() >= KNOWN_ENCODINGS) {
            throw new IllegalArgumentException("chunk encoding " + chunk.encoding() + " has no wire number");
        }
    }

    private static io.thanosjava.storeapi.proto.store.Chunk part(AggrChunk chunk, Aggr aggr) {
        switch (aggr) {
            case RAW: return chunk.hasRaw() ? chunk.getRaw() : null;
            case COUNT: return chunk.hasCount() ? chunk.getCount() : null;
            case SUM: return chunk.hasSum() ? chunk.getSum() : null;
            case MIN: return chunk.hasMin() ? chunk.getMin() : null;
            case MAX: return chunk.hasMax() ? chunk.getMax() : null;
            case COUNTER: return chunk.hasCounter() ? chunk.getCounter() : null;
            default: throw new InvalidWireDataException("unknown aggregate " + aggr);
        }
    }
}
