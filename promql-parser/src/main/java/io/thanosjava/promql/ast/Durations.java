package io.thanosjava.promql.ast;

/** Prometheus' duration text form ({@code 1h30m}, {@code 2w}, {@code 500ms}). */
public final class Durations {
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static final long YEAR = 365 * DAY;

    private Durations() {
    }

    /**
     * Formats a non-negative duration as Prometheus does: years and weeks only when they divide
     * the duration exactly, then days, hours, minutes, seconds, milliseconds; {@code 0s} for zero.
     */
    public static String format(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("negative duration: " + millis);
        }
        if (millis == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder(16);
        long ms = millis;
        if (ms % YEAR == 0) {
            return sb.append(ms / YEAR).append('y').toString();
        }
        if (ms % WEEK == 0) {
            return sb.append(ms / WEEK).append('w').toString();
        }
        ms = appendUnit(sb, ms, DAY, "d");
        ms = appendUnit(sb, ms, HOUR, "h");
        ms = appendUnit(sb, ms, MINUTE, "m");
        ms = appendUnit(sb, ms, SECOND, "s");
        appendUnit(sb, ms, 1, "ms");
        return sb.toString();
    }

    private static long appendUnit(StringBuilder sb, long ms, long unit, String suffix) {
        long v = ms / unit;
        if (v > 0) {
            sb.append(v).append(suffix);
        }
        return ms - v * unit;
    }

    /** A millisecond timestamp as seconds with exactly three decimals ({@code 1.500}, {@code -0.001}). */
    public static String formatSecondsMillis(long millis) {
        StringBuilder sb = new StringBuilder(24);
        if (millis < 0) {
            sb.append('-');
        }
        long abs = Math.abs(millis);
        long frac = abs % 1000;
        sb.append(abs / 1000).append('.');
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }
}
