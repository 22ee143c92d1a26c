package io.thanosjava.engine.promqltest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus duration syntax for script times: units y w d h m s ms, each at most once, in that order. */
final class ScriptDuration {
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};

    private ScriptDuration() {
    }

    static long parseMillis(String s) {
        boolean negative = s.startsWith("-");
        String body = negative ? s.substring(1) : s;
        if (body.equals("0")) {
            return 0;
        }
        Matcher m = DURATION.matcher(body);
        if (body.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: \"" + s + "\"");
        }
        long total = 0;
        for (int i = 0; i < UNIT.length; i++) {
            if (m.group(i + 1) != null) {
                total += Long.parseLong(m.group(i + 1)) * UNIT[i];
            }
        }
        return negative ? -total : total;
    }
}
