package io.thanosjava.storeapi.remoteread;

import java.io.IOException;

/**
 * A remote-read body that is not what the protocol promises: a frame over the size limit, a
 * CRC-32C mismatch, a body cut short, bad snappy data or an unparsable protobuf message. The
 * message names the frame and byte offset where the reader can.
 */
public final class RemoteReadFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public RemoteReadFormatException(String message) {
        super(message);
    }

    public RemoteReadFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
