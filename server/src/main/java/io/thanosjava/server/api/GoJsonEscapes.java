package io.thanosjava.server.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * Escapes strings as Go's {@code encoding/json} does (Prometheus' encoder is configured to match
 * it): {@code <}, {@code >} and {@code &} become {@code \u003c}, {@code \u003e}, {@code \u0026},
 * and U+2028/U+2029 are escaped too, with Go's lower-case hex, so label values come out byte-identical.
 */
final class GoJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int[] ESCAPES;

    static {
        int[] e = standardAsciiEscapesForJSON();
        e['<'] = ESCAPE_CUSTOM;
        e['>'] = ESCAPE_CUSTOM;
        e['&'] = ESCAPE_CUSTOM;
        ESCAPES = e;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ESCAPES;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
            return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
