package io.thanosjava.model;

/** A matcher that cannot be built, e.g. a regular expression that does not compile. */
public final class InvalidMatcherException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidMatcherException(String message, Throwable cause) {
        super(message, cause);
    }
}
