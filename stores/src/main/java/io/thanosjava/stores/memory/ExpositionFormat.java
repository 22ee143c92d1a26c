package io.thanosjava.stores.memory;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * The two text formats the in-memory store loads. They differ in the unit of the sample timestamp,
 * which cannot be told from a single number, so the format is decided per file by its end.
 */
public enum ExpositionFormat {
    /**
     * OpenMetrics text: timestamps are seconds with an optional fraction, converted to milliseconds
     * as Prometheus does ({@code int64(seconds * 1000)}, truncating); the file ends with {@code # EOF}.
     */
    OPENMETRICS,
    /** Prometheus text format 0.0.4: timestamps are integer milliseconds; no {@code # EOF}. */
    PROMETHEUS_TEXT;

    private static final int TAIL_BYTES = 64;

    /**
     * OpenMetrics when the last non-blank line of the file is {@code # EOF} (which OpenMetrics
     * requires and the Prometheus text format never has), otherwise the Prometheus text format.
     * Reads only the file's last bytes.
     */
    public static ExpositionFormat detect(Path file) throws IOException {
        requireNonNull(file, "file is null");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(TAIL_BYTES, length);
            byte[] tail = new byte[n];
            f.seek(length - n);
            f.readFully(tail);
            int end = n;
            while (end > 0 && (tail[end - 1] == '\n' || tail[end - 1] == '\r' || tail[end - 1] == ' ')) {
                end--;
            }
            byte[] marker = {'#', ' ', 'E', 'O', 'F'};
            if (end < marker.length || (end > marker.length && tail[end - marker.length - 1] != '\n')) {
                return PROMETHEUS_TEXT;
            }
            for (int i = 0; i < marker.length; i++) {
                if (tail[end - marker.length + i] != marker[i]) {
                    return PROMETHEUS_TEXT;
                }
            }
            return OPENMETRICS;
        }
    }
}
