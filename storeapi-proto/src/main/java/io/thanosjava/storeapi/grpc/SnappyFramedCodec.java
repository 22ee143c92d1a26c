package io.thanosjava.storeapi.grpc;

import static java.util.Objects.requireNonNull;

import io.airlift.compress.snappy.SnappyFramedInputStream;
import io.airlift.compress.snappy.SnappyFramedOutputStream;
import io.grpc.Codec;
import io.grpc.CompressorRegistry;
import io.grpc.DecompressorRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * gRPC message compression named {@code snappy}, as Thanos registers it: the payload is in the
 * Snappy <em>framing</em> format (stream identifier, then checksummed chunks), not raw block Snappy.
 * Register it on channels and servers through {@link #compressorRegistry()} and
 * {@link #decompressorRegistry()}; a client opts in per call with
 * {@code stub.withCompression(SnappyFramedCodec.NAME)}.
 */
public final class SnappyFramedCodec implements Codec {
    public static final String NAME = "snappy";
    public static final SnappyFramedCodec INSTANCE = new SnappyFramedCodec();

    private SnappyFramedCodec() {}

    @Override
    public String getMessageEncoding() {
        return NAME;
    }

    @Override
    public OutputStream compress(OutputStream os) throws IOException {
        return new SnappyFramedOutputStream(requireNonNull(os, "os is null"));
    }

    /** Checksums are verified, as Go's snappy reader does. */
    @Override
    public InputStream decompress(InputStream is) throws IOException {
        return new SnappyFramedInputStream(requireNonNull(is, "is is null"), true);
    }

    /** gRPC's default compressors plus {@code snappy}. */
    public static CompressorRegistry compressorRegistry() {
        CompressorRegistry registry = CompressorRegistry.newEmptyInstance();
        registry.register(new Codec.Gzip());
        registry.register(Codec.Identity.NONE);
        registry.register(INSTANCE);
        return registry;
    }

    /** gRPC's default decompressors plus {@code snappy}, advertised in {@code grpc-accept-encoding}. */
    public static DecompressorRegistry decompressorRegistry() {
        return DecompressorRegistry.getDefaultInstance().with(INSTANCE, true);
    }
}
