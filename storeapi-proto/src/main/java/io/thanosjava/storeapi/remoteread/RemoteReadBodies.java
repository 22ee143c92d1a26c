package io.thanosjava.storeapi.remoteread;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.thanosjava.storeapi.proto.prompb.ReadRequest;
import io.thanosjava.storeapi.proto.prompb.ReadResponse;
import java.util.Arrays;

/**
 * The snappy <em>block</em>-compressed bodies of Prometheus remote read ({@code Content-Encoding:
 * snappy}): the {@code ReadRequest} a client POSTs, and the non-streamed {@code SAMPLES}
 * {@code ReadResponse}. (Streamed responses are not compressed; see {@link ChunkedFrameReader}.)
 */
public final class RemoteReadBodies {
    /** Upper bound for a decompressed body unless the caller gives one. */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 256 << 20;

    private RemoteReadBodies() {}

    public static byte[] encodeRequest(ReadRequest request) {
        requireNonNull(request, "request is null");
        return compress(request.toByteArray());
    }

    /** @throws RemoteReadFormatException when the body is not snappy data holding a ReadRequest */
    public static ReadRequest decodeRequest(byte[] body) throws RemoteReadFormatException {
        byte[] raw = decompress(body, DEFAULT_MAX_DECOMPRESSED_BYTES, "ReadRequest");
        try {
            return ReadRequest.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new RemoteReadFormatException("invalid ReadRequest: " + e.getMessage(), e);
        }
    }

    public static byte[] encodeSamplesResponse(ReadResponse response) {
        requireNonNull(response, "response is null");
        return compress(response.toByteArray());
    }

    public static ReadResponse decodeSamplesResponse(byte[] body) throws RemoteReadFormatException {
        return decodeSamplesResponse(body, DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    /**
     * @param maxDecompressedBytes a body that declares a larger decompressed size is rejected
     * @throws RemoteReadFormatException when the body is not snappy data holding a ReadResponse
     */
    public static ReadResponse decodeSamplesResponse(byte[] body, int maxDecompressedBytes)
            throws RemoteReadFormatException {
        byte[] raw = decompress(body, maxDecompressedBytes, "ReadResponse");
        try {
            return ReadResponse.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new RemoteReadFormatException("invalid ReadResponse: " + e.getMessage(), e);
        }
    }

    static byte[] compress(byte[] raw) {
        SnappyCompressor compressor = new SnappyCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(raw.length)];
        int n = compressor.compress(raw, 0, raw.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    private static byte[] decompress(byte[] body, int maxBytes, String what) throws RemoteReadFormatException {
        requireNonNull(body, "body is null");
        try {
            int length = SnappyDecompressor.getUncompressedLength(body, 0);
            if (length < 0 || length > maxBytes) {
                throw new RemoteReadFormatException("snappy " + what + " body declares " + length
                        + " decompressed bytes, limit is " + maxBytes);
            }
            byte[] out = new byte[length];
            int n = new SnappyDecompressor().decompress(body, 0, body.length, out, 0, length);
            if (n != length) {
                throw new RemoteReadFormatException("snappy " + what + " body decompressed to " + n
                        + " bytes but declared " + length);
            }
            return out;
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new RemoteReadFormatException("invalid snappy " + what + " body: " + e.getMessage(), e);
        }
    }
}
