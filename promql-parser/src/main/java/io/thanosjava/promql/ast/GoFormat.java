package io.thanosjava.promql.ast;

import io.thanosjava.model.GoFloatFormat;

/** Go's text forms that PromQL output relies on: {@code fmt}'s {@code %v} for floats, {@code strconv.Quote}. */
public final class GoFormat {
    /**
     * Go strings are bytes; a byte that is not part of valid UTF-8 is held in a Java string as the
     * lone surrogate {@code RAW_BYTE_BASE + byte} (U+DC80..U+DCFF, never valid text on its own).
     */
    private static final int RAW_BYTE_BASE = 0xDC00;

    private GoFormat() {
    }

    /** The character that stands for the byte {@code b} (0x80..0xff) outside valid UTF-8. */
    public static char rawByte(int b) {
        return (char) (RAW_BYTE_BASE + b);
    }

    /** Go's {@code %v} for a float64, as {@link GoFloatFormat#formatV} renders it. */
    public static String formatFloat(double v) {
        return GoFloatFormat.formatV(v);
    }

    /** Appends {@code s} as Go's {@code strconv.Quote} renders it (raw bytes as {@code \xHH}). */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> appendRune(cp, out);
            }
        }
        out.append('"');
    }

    private static void appendRune(int cp, StringBuilder out) {
        if (cp >= RAW_BYTE_BASE + 0x80 && cp <= RAW_BYTE_BASE + 0xff) {
            out.append("\\x").append(hex(cp - RAW_BYTE_BASE, 2));
        } else if (isPrintable(cp)) {
            out.appendCodePoint(cp);
        } else if (cp < 0x80) {
            out.append("\\x").append(hex(cp, 2));
        } else if (cp < 0x10000) {
            out.append("\\u").append(hex(cp, 4));
        } else {
            out.append("\\U").append(hex(cp, 8));
        }
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(width - h.length()) + h;
    }

    /** Approximates Go's {@code unicode.IsPrint}: graphic characters and the ASCII space. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
