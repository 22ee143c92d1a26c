package io.thanosjava.promql;

import io.thanosjava.promql.ast.GoFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a string token already validated by the {@link Lexer}. Like Go, {@code \xHH} and octal
 * escapes produce raw bytes, so the result is assembled as UTF-8 and decoded at the end. Go strings
 * are bytes and may hold invalid UTF-8 (Prometheus then rejects such a label name and prints it
 * back with {@code \xHH}); each byte that starts no valid sequence is therefore kept as
 * {@link GoFormat#rawByte(int)} rather than replaced, so that nothing of the query is lost.
 */
final class StringUnquoter {
    private StringUnquoter() {
    }

    static String unquote(String token) {
        char quote = token.charAt(0);
        String body = token.substring(1, token.length() - 1);
        if (quote == '`' || body.indexOf('\\') < 0) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() + 8);
        int i = 0;
        while (i < body.length()) {
            int cp = body.codePointAt(i);
            if (cp != '\\') {
                writeCodePoint(out, cp);
                i += Character.charCount(cp);
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case 'x' -> {
                    out.write(Integer.parseInt(body.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    writeCodePoint(out, Integer.parseInt(body.substring(i, i + 4), 16));
                    i += 4;
                }
                case 'U' -> {
                    writeCodePoint(out, Integer.parseInt(body.substring(i, i + 8), 16));
                    i += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        out.write(Integer.parseInt(body.substring(i - 1, i + 2), 8));
                        i += 2;
                    } else {
                        out.write(e);
                    }
                }
            }
        }
        return decodeUtf8(out.toByteArray());
    }

    /** UTF-8 decoding as Go ranges over a string: a byte that starts no valid sequence stands alone. */
    private static String decodeUtf8(byte[] b) {
        StringBuilder out = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int len = validSequenceLength(b, i);
            if (len == 0) {
                out.append(GoFormat.rawByte(b[i] & 0xff));
                i++;
            } else {
                out.append(new String(b, i, len, StandardCharsets.UTF_8));
                i += len;
            }
        }
        return out.toString();
    }

    /**
     * Length of the well-formed UTF-8 sequence at {@code i}, or 0: Go's rules, which reject
     * overlong forms, surrogates and code points above U+10FFFF.
     */
    private static int validSequenceLength(byte[] b, int i) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
            return 1;
        }
        int len;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            lo = c == 0xe0 ? 0xa0 : 0x80;
            hi = c == 0xed ? 0x9f : 0xbf;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            lo = c == 0xf0 ? 0x90 : 0x80;
            hi = c == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        if (i + len > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xff;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k < len; k++) {
            int cont = b[i + k] & 0xff;
            if (cont < 0x80 || cont > 0xbf) {
                return 0;
            }
        }
        return len;
    }

    private static void writeCodePoint(ByteArrayOutputStream out, int cp) {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }
}
