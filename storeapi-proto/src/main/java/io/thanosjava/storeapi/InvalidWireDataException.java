package io.thanosjava.storeapi;

/**
 * A well-formed protobuf message whose content cannot be mapped onto the model, e.g. an enum
 * number this version does not know or a chunk encoding without a Thanos equivalent.
 */
public final class InvalidWireDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidWireDataException(String message) {
        super(message);
    }
}
