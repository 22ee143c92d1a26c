package io.thanosjava.storeapi;

/**
 * Wire data that cannot be read or mapped onto the model: malformed protobuf bytes, or a
 * well-formed message with content this version cannot map, e.g. an enum number it does not know
 * or a chunk encoding without a Thanos equivalent.
 */
public final class InvalidWireDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidWireDataException(String message) {
        super(message);
    }
}
