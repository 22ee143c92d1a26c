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

        public String apiName() {
            return apiName;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Type type;

    public QueryException(Type type, String message) {
        super(message);
        this.type = requireNonNull(type, "type is null");
    }

    public QueryException(Type type, String message, Throwable cause) {
        super(message, cause);
        this.type = requireNonNull(type, "type is null");
    }

    public static QueryException execution(String message) {
        return new QueryException(Type.EXECUTION, message);
    }

    public Type type() {
        return type;
    }
}
