package io.thanosjava.storeapi.remoteread;

import static java.util.Objects.requireNonNull;

import io.thanosjava.storeapi.proto.prompb.ChunkedReadResponse;

/**
 * One frame of a streamed remote-read body: where it started, its message size and checksum, and
 * the decoded message.
 *
 * @param index 0-based position of the frame in the body
 * @param offset byte offset of the frame's length varint in the body
 * @param messageLength size of the protobuf message in bytes
 * @param crc32c the CRC-32C that the frame carried (and that matched the message)
 * @param message the decoded {@code prometheus.ChunkedReadResponse}
 */
public record ChunkedFrame(int index, long offset, int messageLength, int crc32c, ChunkedReadResponse message) {
    public ChunkedFrame {
        requireNonNull(message, "message is null");
    }
}
