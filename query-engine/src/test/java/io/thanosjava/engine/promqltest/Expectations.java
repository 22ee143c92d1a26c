package io.thanosjava.engine.promqltest;

import io.thanosjava.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What an eval block expects: an error, annotations, a scalar, a string or series. */
final class Expectations {
    boolean fail;
    String failMessage;
    Pattern failRegex;
    boolean ordered;
    Double scalar;
    String string;
    long[] rangeVector;
    boolean histogramExpected;
    final Map<Labels, List<Double>> series = new LinkedHashMap<>();
    final List<Labels> order = new ArrayList<>();
    private final Map<String, List<Object>> annotationMatchers = new LinkedHashMap<>();
    private final Map<String, Boolean> forbidden = new LinkedHashMap<>();

    void legacy(String kind) {
        switch (kind) {
            case "fail" -> fail = true;
            case "warn" -> annotationMatchers.computeIfAbsent("warn", k -> new ArrayList<>());
            case "info" -> annotationMatchers.computeIfAbsent("info", k -> new ArrayList<>());
            case "ordered" -> ordered = true;
            default -> throw new IllegalArgumentException("unknown legacy eval form " + kind);
        }
    }

    /** {@code fail}, {@code warn msg: text}, {@code info regex: re}, {@code no_warn}, {@code ordered} ... */
    void expect(String spec) {
        String type = spec;
        String rest = "";
        int sp = spec.indexOf(' ');
        if (sp > 0) {
            type = spec.substring(0, sp);
            rest = spec.substring(sp + 1).trim();
        }
        Object matcher = null;
        if (rest.startsWith("msg:")) {
            matcher = rest.substring(4).trim();
        } else if (rest.startsWith("regex:")) {
            matcher = Pattern.compile(rest.substring(6).trim());
        } else if (!rest.isEmpty()) {
            throw new IllegalArgumentException("bad expect line: expect " + spec);
        }
        switch (type) {
            case "fail" -> {
                fail = true;
                if (matcher instanceof String s) {
                    failMessage = s;
                } else if (matcher instanceof Pattern p) {
                    failRegex = p;
                }
            }
            case "warn", "info" -> {
                List<Object> list = annotationMatchers.computeIfAbsent(type, k -> new ArrayList<>());
                if (matcher != null) {
                    list.add(matcher);
                }
            }
            case "no_warn" -> forbidden.put("warn", true);
            case "no_info" -> forbidden.put("info", true);
            case "ordered" -> ordered = true;
            default -> throw new IllegalArgumentException("unknown expect type: " + type);
        }
    }

    String checkError(String message) {
        if (!fail) {
            return "unexpected error: " + message;
        }
        if (failMessage != null && !failMessage.equals(message.trim())) {
            return "expected error \"" + failMessage + "\" but got \"" + message + "\"";
        }
        if (failRegex != null && !failRegex.matcher(message).find()) {
            return "expected error matching " + failRegex + " but got \"" + message + "\"";
        }
        return null;
    }

    String checkAnnotations(List<String> warnings, List<String> infos) {
        String w = checkLevel("warn", warnings);
        return w != null ? w : checkLevel("info", infos);
    }

    private String checkLevel(String level, List<String> actual) {
        if (forbidden.containsKey(level) && !actual.isEmpty()) {
            return "expected no " + level + " annotations but got " + actual;
        }
        List<Object> matchers = annotationMatchers.get(level);
        if (matchers == null) {
            return null;
        }
        if (actual.isEmpty()) {
            return "expected " + level + " annotations but got none";
        }
        if (matchers.isEmpty()) {
            return null;
        }
        for (Object m : matchers) {
            boolean any = false;
            for (String a : actual) {
                any |= matches(m, a);
            }
            if (!any) {
                return "expected " + level + " annotation " + m + " but got " + actual;
            }
        }
        for (String a : actual) {
            boolean any = false;
            for (Object m : matchers) {
                any |= matches(m, a);
            }
            if (!any) {
                return "unexpected " + level + " annotation \"" + a + "\"";
            }
        }
        return null;
    }

    private static boolean matches(Object matcher, String text) {
        return matcher instanceof Pattern p ? p.matcher(text).find() : matcher.equals(text.trim());
    }

    /** Whether the instant eval is also checked as the middle step of a range query. */
    boolean rangeModeCheck(String expr) {
        return !fail && !ordered && rangeVector == null && string == null && !expr.contains("start()")
                && !expr.contains("end()") && !expr.contains("range()") && !expr.contains("step()");
    }
}
