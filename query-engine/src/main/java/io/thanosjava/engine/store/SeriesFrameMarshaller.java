package io.thanosjava.engine.store;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The response side of one Series call: gRPC hands each received message to {@link #parse}, which
 * decodes it with the call's own {@link SeriesFrameDecoder} (on gRPC's executor, one message at a
 * time). A frame that does not decode becomes {@link SeriesFrame.Invalid} rather than an exception,
 * so the stream can name the store and the reason. Each message is read into an array of its own,
 * which its chunks then point into: one copy out of the transport's buffers, and one allocation per
 * frame instead of one per chunk.
 */
final class SeriesFrameMarshaller implements MethodDescriptor.Marshaller<SeriesFrame> {
    private static final MethodDescriptor.Marshaller<SeriesRequest> REQUEST =
            ProtoUtils.marshaller(SeriesRequest.getDefaultInstance());

    private final SeriesFrameDecoder decoder;

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
        byte[] message;
        try {
            message = read(stream);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a Series response", e);
        }
        try {
            return decoder.decode(message, 0, message.length);
        } catch (RuntimeException e) {
            return new SeriesFrame.Invalid(e.getMessage());
        }
    }

    /** The whole message, in an array of its own. */
    private static byte[] read(InputStream stream) throws IOException {
        if (stream instanceof KnownLength) {
            int length = stream.available();
            byte[] message = new byte[length];
            int n = stream.readNBytes(message, 0, length);
            if (n != length) {
                throw new IOException("message of " + length + " bytes ended after " + n);
            }
            return message;
        }
        return stream.readAllBytes();
    }

    /** Responses are only received on the client side. */
    @Override
    public InputStream stream(SeriesFrame value) {
        throw new UnsupportedOperationException("Series responses are only decoded here");
    }
}
