package io.thanosjava.engine;

import static java.util.Objects.requireNonNull;

/** A query that failed; {@link #type()} maps to Prometheus' {@code errorType} and HTTP status. */
public final class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Prometheus' error types with the HTTP status Prometheus answers them with. */
    public enum Type {
        BAD_DATA("bad_data", 400), EXECUTION("execution", 422), TIMEOUT("timeout", 503), CANCELED("canceled", 499),
        INTERNAL("internal", 500), UNAVAILABLE("unavailable", 503);

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
