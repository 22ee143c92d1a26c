package io.thanosjava.server.cli;

import io.thanosjava.server.api.ApiParams;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Flag value converters for the two duration syntaxes {@code thanos query} mixes. */
public final class Durations {
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /** Prometheus durations ({@code 5m}, {@code 1h30m}, {@code 2d}, {@code 1w}, {@code 100ms}). */
    public static final class Model implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Long ms = ApiParams.parsePrometheusDuration(value);
            if (ms == null) {
                throw new CommandLine.TypeConversionException("not a valid duration: \"" + value
                        + "\" (use Prometheus syntax such as 30s, 5m, 1h30m, 2d)");
            }
            return Duration.ofMillis(ms);
        }
    }

    /** Go's {@code time.ParseDuration} ({@code 300ms}, {@code 1.5h}, {@code 2h45m}; no days). */
    public static final class Go implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parseGo(value);
        }
    }

    static Duration parseGo(String value) {
        String s = value;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = GO_PART.matcher(s);
        int at = 0;
        double nanos = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            at = m.end();
        }
        if (at == 0 || at != s.length() || nanos > Long.MAX_VALUE) {
            throw new CommandLine.TypeConversionException("not a valid duration: \"" + value
                    + "\" (use Go syntax such as 300ms, 30s, 5m, 1h30m)");
        }
        long n = (long) nanos;
        return Duration.ofNanos(negative ? -n : n);
    }

    private static double unitNanos(String unit) {
        switch (unit) {
            case "ns": return 1;
            case "us": case "µs": return 1e3;
            case "ms": return 1e6;
            case "s": return 1e9;
            case "m": return 60e9;
            default: return 3600e9;
        }
    }
}
