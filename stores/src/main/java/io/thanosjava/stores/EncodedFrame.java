package io.thanosjava.stores;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A {@code thanos.SeriesResponse} already encoded as protobuf bytes: {@code length} bytes of
 * {@code bytes} from {@code offset}. gRPC copies them into its transport buffers while the message is
 * being sent (inside {@code onNext}), so the encoder may reuse the array for the next frame.
 */
record EncodedFrame(byte[] bytes, int offset, int length) {
    /** {@code /thanos.Store/Series} answering pre-encoded frames; same path and wire format as the generated one. */
    static final MethodDescriptor<SeriesRequest, EncodedFrame> SERIES_METHOD = StoreGrpc.getSeriesMethod()
            .toBuilder(ProtoUtils.marshaller(SeriesRequest.getDefaultInstance()), new Marshaller())
            .build();

    /** Hands the bytes to gRPC's framer in one write, with the length known up front. */
    private static final class Marshaller implements MethodDescriptor.Marshaller<EncodedFrame> {
        @Override
        public InputStream stream(EncodedFrame frame) {
            return new FrameStream(frame);
        }

        /** Servers only send Series responses. */
        @Override
        public EncodedFrame parse(InputStream stream) {
            throw new UnsupportedOperationException("Series responses are only encoded here");
        }
    }

    private static final class FrameStream extends ByteArrayInputStream implements Drainable, KnownLength {
        FrameStream(EncodedFrame frame) {
            super(frame.bytes(), frame.offset(), frame.length());
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int n = count - pos;
            target.write(buf, pos, n);
            pos = count;
            return n;
        }
    }
}
