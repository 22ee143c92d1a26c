package io.thanosjava.stores.memory;

import java.io.IOException;

/** An exposition file the in-memory store refuses, with the file, the 1-based line and the reason. */
public final class ExpositionFormatException extends IOException {
    private final String source;
    private final long line;
    private final String reason;

    public ExpositionFormatException(String source, long line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
