package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

/** A query that failed; {@link #type()} maps to Prometheus' {@code errorType} and HTTP status. */
public final class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Prometheus' error types with the HTTP status Prometheus answers them with. */
    public enum Type {
        /** Bad input: a malformed parameter, range or expression type (HTTP 400). */
        BAD_DATA("bad_data", 400),
        /** Evaluation failed: a limit was hit, a store failed under partial response ABORT, ... (HTTP 422). */
        EXECUTION("execution", 422),
        /** The query ran out of time (HTTP 503). */
        TIMEOUT("timeout", 503),
        /** The query was cancelled (HTTP 499). */
        CANCELED("canceled", 499),
        /** An unexpected failure (HTTP 500). */
        INTERNAL("internal", 500),
        /** Storage could not be reached (HTTP 503). */
        UNAVAILABLE("unavailable", 503);

        private final String apiName;
        private final int httpStatus;

        Type(String apiName, int httpStatus) {
            this.apiName = apiName;
            this.httpStatus = httpStatus;
        }

        /** Prometheus' {@code errorType} ({@code bad_data}, {@code execution}, ...). */
        public String apiName() {
            return apiName;
        }

        /** The HTTP status Prometheus answers this error type with. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    /** What kind of failure this is. */
    private final Type type;

    /** A failure of the given type with Prometheus' message text. */
    public QueryException(Type type, String message) {
        super(message);
        this.type = requireNonNull(type, "type is null");
    }

    /** A failure of the given type with Prometheus' message text, caused by {@code cause}. */
    public QueryException(Type type, String message, Throwable cause) {
        super(message, cause);
        this.type = requireNonNull(type, "type is null");
    }

    /** An {@link Type#EXECUTION} failure. */
    public static QueryException execution(String message) {
        return new QueryException(Type.EXECUTION, message);
    }

    /** What kind of failure this is. */
    public Type type() {
        return type;
    }
}
