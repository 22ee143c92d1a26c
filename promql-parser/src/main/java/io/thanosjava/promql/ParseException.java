package io.thanosjava.promql;

import static java.util.Objects.requireNonNull;

import io.thanosjava.promql.ast.PositionRange;
import java.util.List;

/**
 * A query that does not parse or type-check. {@link #getMessage()} is Prometheus' text, e.g.
 * {@code 1:14: parse error: unexpected <by> in aggregation}; {@link #errors()} lists every error
 * found (Prometheus reports only the first, which is the message).
 */
public final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One error: its position in the query and its message without the position prefix. */
    public record Error(PositionRange pos, String message, String query) {
        public Error {
            requireNonNull(pos, "pos is null");
            requireNonNull(message, "message is null");
            requireNonNull(query, "query is null");
        }

        /** {@code line:col: parse error: message}, or {@code unknown position: ...} for errors without one. */
        @Override
        public String toString() {
            String where = pos.equals(PositionRange.NONE) ? "unknown position" : pos.lineColumn(query);
            return where + ": parse error: " + message;
        }
    }

    private final transient List<Error> errors;

    public ParseException(List<Error> errors) {
        super(requireNonNull(errors, "errors is null").isEmpty() ? "parse error" : errors.get(0).toString());
        this.errors = List.copyOf(errors);
    }

    public ParseException(Error error) {
        this(List.of(error));
    }

    public List<Error> errors() {
        return errors;
    }

    /** The position of the first error. */
    public PositionRange position() {
        return errors.get(0).pos();
    }

    /** The message of the first error without the position prefix. */
    public String detail() {
        return errors.get(0).message();
    }
}
