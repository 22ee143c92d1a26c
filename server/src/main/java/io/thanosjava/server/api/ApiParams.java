package io.thanosjava.server.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameter parsing exactly as Prometheus' HTTP API does it: times as Unix seconds with a
 * fraction (rounded to milliseconds) or RFC 3339, durations as float seconds or Prometheus
 * duration syntax ({@code 1h30m}, {@code 5m}, {@code 1d}, {@code 100ms}).
 */
public final class ApiParams {
    /** Go's {@code strconv.ParseFloat} decimal syntax (no Java suffixes like {@code 1d}, no hex). */
    private static final Pattern GO_FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern PROM_DURATION = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000L, 60_000L, 1000L, 1L};

    /** Prometheus' API extremes, used when metadata requests give no start or end. */
    public static final long MIN_TIME_MILLIS = -9223309901257974000L;
    public static final long MAX_TIME_MILLIS = 9223309901257974999L;

    private ApiParams() {
    }

    /**
     * An optional time parameter ({@code time} of an instant query, {@code start}/{@code end} of
     * metadata requests): {@code dflt} when absent, and Prometheus' longer error text when invalid.
     */
    public static long parseOptionalTime(String name, String s, long dflt) {
        if (s == null || s.isEmpty()) {
            return dflt;
        }
        try {
            return parseTime(name, s);
        } catch (ApiError e) {
            throw ApiError.invalidParam(name, "Invalid time value for '" + name + "': " + cannotParse(s));
        }
    }

    private static String cannotParse(String s) {
        return "cannot parse \"" + (s == null ? "" : s) + "\" to a valid timestamp";
    }

    /** Milliseconds since the epoch. */
    public static long parseTime(String name, String s) {
        if (s != null && GO_FLOAT.matcher(s).matches()) {
            double t = Double.parseDouble(s);
            double whole = t < 0 ? Math.ceil(t) : Math.floor(t);
            double fraction = Math.round((t - whole) * 1000) / 1000.0;
            if (Math.abs(whole) < 9.2e15) {
                return (long) whole * 1000 + Math.round(fraction * 1000);
            }
        }
        if (s != null) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                // not RFC 3339 either
            }
        }
        throw ApiError.invalidParam(name, cannotParse(s));
    }

    /** Milliseconds of a duration parameter. */
    public static long parseDuration(String name, String s) {
        if (s != null && GO_FLOAT.matcher(s).matches()) {
            double seconds = Double.parseDouble(s);
            double nanos = seconds * 1e9;
            if (nanos > Long.MAX_VALUE || nanos < Long.MIN_VALUE) {
                throw ApiError.invalidParam(name, "cannot parse \"" + s + "\" to a valid duration. It overflows int64");
            }
            return (long) nanos / 1_000_000;
        }
        Long d = s == null ? null : parsePrometheusDuration(s);
        if (d == null) {
            throw ApiError.invalidParam(name, "cannot parse \"" + (s == null ? "" : s) + "\" to a valid duration");
        }
        return d;
    }

    /** Prometheus' {@code model.ParseDuration}: units in descending order, each at most once; null when invalid. */
    public static Long parsePrometheusDuration(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.equals("0")) {
            return 0L;
        }
        Matcher m = PROM_DURATION.matcher(s);
        if (!m.matches()) {
            return null;
        }
        long total = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            String g = m.group(i + 1);
            if (g != null) {
                try {
                    total = Math.addExact(total, Math.multiplyExact(Long.parseLong(g), UNIT_MILLIS[i]));
                } catch (ArithmeticException | NumberFormatException e) {
                    return null;
                }
            }
        }
        return total;
    }

    /** Go's {@code strconv.ParseBool}. */
    public static boolean parseBool(String name, String s) {
        switch (s) {
            case "1": case "t": case "T": case "true": case "TRUE": case "True":
                return true;
            case "0": case "f": case "F": case "false": case "FALSE": case "False":
                return false;
            default:
                throw ApiError.badData("cannot parse parameter " + name + ": strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
        }
    }
}
