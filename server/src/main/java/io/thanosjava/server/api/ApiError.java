package io.thanosjava.server.api;

import static java.util.Objects.requireNonNull;

/** An API failure with Prometheus' {@code errorType} and HTTP status. */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Prometheus' error types (plus the HTTP-level ones this server needs). */
    public enum Type {
        BAD_DATA("bad_data", 400), EXECUTION("execution", 422), TIMEOUT("timeout", 503), CANCELED("canceled", 499),
        INTERNAL("internal", 500), UNAVAILABLE("unavailable", 503), NOT_FOUND("not_found", 404),
        METHOD_NOT_ALLOWED("method_not_allowed", 405), TOO_LARGE("bad_data", 413);

        private final String apiName;
        private final int status;

        Type(String apiName, int status) {
            this.apiName = apiName;
            this.status = status;
        }

        public String apiName() {
            return apiName;
        }

        public int status() {
            return status;
        }
    }

    private final Type type;

    public ApiError(Type type, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.type = requireNonNull(type, "type is null");
    }

    public static ApiError badData(String message) {
        return new ApiError(Type.BAD_DATA, message);
    }

    /** Prometheus' wording for a parameter that does not parse. */
    public static ApiError invalidParam(String name, String reason) {
        return badData("invalid parameter \"" + name + "\": " + reason);
    }

    public Type type() {
        return type;
    }
}
