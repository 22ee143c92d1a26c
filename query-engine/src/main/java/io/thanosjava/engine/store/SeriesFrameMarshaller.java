package io.thanosjava.engine.store;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The response side of one Series call: gRPC hands each received message to {@link #parse}, which
 * decodes it with the call's own {@link SeriesFrameDecoder} (on gRPC's executor, one message at a
 * time). A frame that does not decode becomes {@link SeriesFrame.Invalid} rather than an exception,
 * so the stream can name the store and the reason. The message bytes land in one buffer reused for
 * the whole call.
 */
final class SeriesFrameMarshaller implements MethodDescriptor.Marshaller<SeriesFrame> {
    private static final MethodDescriptor.Marshaller<SeriesRequest> REQUEST =
            ProtoUtils.marshaller(SeriesRequest.getDefaultInstance());

    private final SeriesFrameDecoder decoder;
    private byte[] buffer = new byte[64 * 1024];

    private SeriesFrameMarshaller(SeriesFrameDecoder decoder) {
        this.decoder = decoder;
    }

    /** {@code /thanos.Store/Series} answering decoded frames; a new descriptor (and decoder) per call. */
    static MethodDescriptor<SeriesRequest, SeriesFrame> seriesMethod(boolean verifyChunks) {
        SeriesFrameDecoder decoder = new SeriesFrameDecoder(verifyChunks ? new ChunkVerifier() : null);
        return StoreGrpc.getSeriesMethod().toBuilder(REQUEST, new SeriesFrameMarshaller(decoder)).build();
    }

    @Override
    public SeriesFrame parse(InputStream stream) {
        int length;
        try {
            length = read(stream);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a Series response", e);
        }
        try {
            return decoder.decode(buffer, 0, length);
        } catch (RuntimeException e) {
            return new SeriesFrame.Invalid(e.getMessage());
        }
    }

    /** Reads the whole message into {@link #buffer}; returns its length. */
    private int read(InputStream stream) throws IOException {
        if (stream instanceof KnownLength) {
            int length = stream.available();
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            int n = stream.readNBytes(buffer, 0, length);
            if (n != length) {
                throw new IOException("message of " + length + " bytes ended after " + n);
            }
            return length;
        }
        int length = 0;
        int n;
        while ((n = stream.read(buffer, length, buffer.length - length)) >= 0) {
            length += n;
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        return length;
    }

    /** Responses are only received on the client side. */
    @Override
    public InputStream stream(SeriesFrame value) {
        throw new UnsupportedOperationException("Series responses are only decoded here");
    }
}
