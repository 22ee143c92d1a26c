package io.thanosjava.stores.memory;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A streaming parser of OpenMetrics and Prometheus text exposition in which every sample carries a
 * timestamp. It reads bytes through a fixed window (only a line that does not fit grows it, up to
 * {@value #MAX_LINE_BYTES} bytes), so a file of any size loads without being held in memory.
 *
 * <p>Accepted: {@code # HELP}, {@code # TYPE} (type checked), {@code # UNIT} and other comments;
 * blank lines; samples {@code name{label="value",...} value timestamp}, with label values escaped
 * as {@code \\}, {@code \"} and {@code \n}, values as Go's {@code strconv.ParseFloat} reads them
 * (including {@code NaN}, {@code +Inf}, {@code -Inf}; no hex floats or underscores, like
 * Prometheus), and OpenMetrics exemplars ({@code # {...} v}) ignored. {@code NaN} becomes Go's NaN
 * ({@code 0x7ff8000000000001}) as in Prometheus. OpenMetrics timestamps are seconds (fraction
 * allowed) turned into {@code int64(seconds * 1000)} milliseconds; Prometheus text timestamps are
 * integer milliseconds. In OpenMetrics, {@code # EOF} must end the file.
 *
 * <p>Refused, with {@link ExpositionFormatException} naming the line: samples without a timestamp,
 * malformed names, label sets, escapes, invalid UTF-8 in label values, duplicate label names,
 * unparsable values or timestamps, out-of-order or duplicate timestamps within a series, unknown
 * metric types, text after {@code # EOF}. Quoted (UTF-8) metric and label names are not supported.
 */
public final class ExpositionParser {
    /** Where parsed samples go; series are identified by the id {@link #series} returns. */
    public interface SampleSink {
        int series(Labels labels);

        /** @throws IllegalArgumentException when the sample cannot be stored; the parser adds the line */
        void append(int seriesId, long timestamp, double value);
    }

    static final int MAX_LINE_BYTES = 16 << 20;
    /** Prometheus stores a NaN parsed from text as Go's {@code math.NaN()}. */
    private static final double GO_NAN = Double.longBitsToDouble(0x7ff8000000000001L);
    private static final double TWO_POW_53 = 9007199254740992.0;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final Set<String> METRIC_TYPES = Set.of(
            "counter", "gauge", "histogram", "gaugehistogram", "summary", "info", "stateset", "unknown", "untyped");
    /** Results of {@link #special}. */
    private static final int NOT_SPECIAL = 0;
    private static final int NAN = 1;
    private static final int POSITIVE_INFINITY = 2;
    private static final int NEGATIVE_INFINITY = 3;

    private static final byte[] EOF_LINE = "# EOF".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final boolean openMetrics;
    private final String source;
    private final SampleSink sink;
    private final SeriesKeyTable keys = new SeriesKeyTable();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long lineNumber;
    private boolean eofSeen;
    /** The previous sample line's series bytes and id: files often repeat one series line after line. */
    private byte[] lastKey = new byte[256];
    private int lastKeyLength = -1;
    private int lastId;
    private byte[] scratch = new byte[256];

    private ExpositionParser(InputStream in, ExpositionFormat format, String source, SampleSink sink) {
        this.in = in;
        this.openMetrics = format == ExpositionFormat.OPENMETRICS;
        this.source = source;
        this.sink = sink;
    }

    /**
     * Parses the whole stream into {@code sink}. The stream is read, not closed.
     *
     * @param source the name used in error messages, usually the file path
     * @throws ExpositionFormatException for the first malformed line
     */
    public static void parse(InputStream in, ExpositionFormat format, String source, SampleSink sink) throws IOException {
        requireNonNull(in, "in is null");
        requireNonNull(format, "format is null");
        requireNonNull(source, "source is null");
        requireNonNull(sink, "sink is null");
        new ExpositionParser(in, format, source, sink).run();
    }

    private void run() throws IOException {
        int scanFrom = pos;
        while (true) {
            int nl = indexOfNewline(scanFrom);
            if (nl >= 0) {
                lineNumber++;
                line(pos, nl);
                pos = nl + 1;
                scanFrom = pos;
                continue;
            }
            int pending = limit - pos;
            if (!fill()) {
                if (limit > pos) {
                    lineNumber++;
                    line(pos, limit);
                    pos = limit;
                }
                break;
            }
            scanFrom = pos + pending;
        }
        if (openMetrics && !eofSeen) {
            throw error(lineNumber, "OpenMetrics input does not end with # EOF");
        }
    }

    private int indexOfNewline(int from) {
        byte[] b = buf;
        for (int i = from; i < limit; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread tail to the front, grows the buffer for an overlong line, reads more. */
    private boolean fill() throws IOException {
        int pending = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, pending);
            pos = 0;
            limit = pending;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_LINE_BYTES) {
                throw error(lineNumber + 1, "line longer than " + MAX_LINE_BYTES + " bytes");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        return true;
    }

    private void line(int s, int e) throws ExpositionFormatException {
        if (e > s && buf[e - 1] == '\r') {
            e--;
        }
        if (eofSeen) {
            if (e > s) {
                throw error(lineNumber, "content after # EOF");
            }
            return;
        }
        if (s == e) {
            return;
        }
        if (buf[s] == '#') {
            comment(s, e);
        } else {
            sample(s, e);
        }
    }

    private void comment(int s, int e) throws ExpositionFormatException {
        if (e - s == EOF_LINE.length && Arrays.equals(buf, s, e, EOF_LINE, 0, EOF_LINE.length)) {
            eofSeen = openMetrics;
            return;
        }
        if (startsWith(s, e, "# TYPE ")) {
            int p = s + 7;
            int nameEnd = scanMetricName(p, e);
            if (nameEnd == p || nameEnd >= e || buf[nameEnd] != ' ') {
                throw error(lineNumber, "invalid metric name in # TYPE line");
            }
            String type = ascii(nameEnd + 1, e).trim();
            if (!METRIC_TYPES.contains(type)) {
                throw error(lineNumber, "unknown metric type \"" + type + "\"");
            }
        } else if (startsWith(s, e, "# HELP ") || startsWith(s, e, "# UNIT ")) {
            int p = s + 7;
            if (scanMetricName(p, e) == p) {
                throw error(lineNumber, "invalid metric name in " + ascii(s, s + 6) + " line");
            }
        }
        // Any other comment is ignored, as the Prometheus text format allows.
    }

    private void sample(int s, int e) throws ExpositionFormatException {
        int nameEnd = scanMetricName(s, e);
        if (nameEnd == s) {
            throw error(lineNumber, buf[s] == '{' ? "metric name missing (quoted names are not supported)"
                    : "invalid metric name");
        }
        int p = nameEnd;
        if (p < e && buf[p] == '{') {
            p = skipLabelBlock(p + 1, e);
        }
        int id = seriesId(s, nameEnd, p);
        if (p >= e || !isBlank(buf[p])) {
            throw error(lineNumber, "expected a space and a value after the series");
        }
        p = skipBlanks(p, e);
        int valueStart = p;
        p = skipToken(p, e);
        double value = parseValue(valueStart, p);
        p = skipBlanks(p, e);
        if (p >= e || buf[p] == '#') {
            throw error(lineNumber, "sample has no timestamp (the in-memory store needs explicit timestamps)");
        }
        int tsStart = p;
        p = skipToken(p, e);
        long timestamp = openMetrics ? parseSecondsTimestamp(tsStart, p) : parseMillisTimestamp(tsStart, p);
        p = skipBlanks(p, e);
        if (p < e && !(openMetrics && buf[p] == '#')) {
            throw error(lineNumber, "unexpected text after the timestamp");
        }
        try {
            sink.append(id, timestamp, value);
        } catch (IllegalArgumentException ex) {
            throw error(lineNumber, ex.getMessage());
        }
    }

    private int seriesId(int s, int nameEnd, int keyEnd) throws ExpositionFormatException {
        int len = keyEnd - s;
        if (len == lastKeyLength && Arrays.equals(buf, s, keyEnd, lastKey, 0, len)) {
            return lastId;
        }
        int id = keys.get(buf, s, len);
        if (id < 0) {
            try {
                id = sink.series(parseLabels(s, nameEnd, keyEnd));
            } catch (IllegalArgumentException ex) {
                throw error(lineNumber, ex.getMessage());
            }
            keys.put(buf, s, len, id);
        }
        if (lastKey.length < len) {
            lastKey = new byte[Math.max(len, lastKey.length * 2)];
        }
        System.arraycopy(buf, s, lastKey, 0, len);
        lastKeyLength = len;
        lastId = id;
        return id;
    }

    /** Parses {@code name{a="1",...}}; only called the first time a series spelling is seen. */
    private Labels parseLabels(int s, int nameEnd, int keyEnd) throws ExpositionFormatException {
        List<String> pairs = new ArrayList<>();
        pairs.add(Labels.METRIC_NAME);
        pairs.add(ascii(s, nameEnd));
        int p = nameEnd;
        if (p < keyEnd) {
            p++; // '{'
            while (true) {
                p = skipBlanks(p, keyEnd);
                if (buf[p] == '}') {
                    break;
                }
                int labelEnd = scanLabelName(p, keyEnd);
                if (labelEnd == p) {
                    throw error(lineNumber, buf[p] == '"' ? "quoted label names are not supported" : "invalid label name");
                }
                String name = ascii(p, labelEnd);
                p = skipBlanks(labelEnd, keyEnd);
                if (buf[p] != '=') {
                    throw error(lineNumber, "expected '=' after label name " + name);
                }
                p = skipBlanks(p + 1, keyEnd);
                if (buf[p] != '"') {
                    throw error(lineNumber, "expected '\"' to open the value of label " + name);
                }
                p = labelValue(p + 1, keyEnd, name, pairs);
                p = skipBlanks(p, keyEnd);
                if (buf[p] == ',') {
                    p++;
                } else if (buf[p] != '}') {
                    throw error(lineNumber, "expected ',' or '}' after the value of label " + name);
                }
            }
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            for (int j = i + 2; j < pairs.size(); j += 2) {
                if (pairs.get(i).equals(pairs.get(j))) {
                    throw error(lineNumber, "duplicate label name " + pairs.get(i));
                }
            }
        }
        return Labels.of(pairs.toArray(new String[0]));
    }

    /** Unescapes one quoted value into {@code pairs}; returns the index after the closing quote. */
    private int labelValue(int p, int end, String name, List<String> pairs) throws ExpositionFormatException {
        int n = 0;
        while (p < end && buf[p] != '"') {
            byte c = buf[p++];
            if (c == '\\') {
                byte x = p < end ? buf[p++] : 0;
                if (x == '\\' || x == '"') {
                    c = x;
                } else if (x == 'n') {
                    c = '\n';
                } else {
                    throw error(lineNumber, "invalid escape sequence in the value of label " + name
                            + " (only \\\\, \\\" and \\n are allowed)");
                }
            }
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = c;
        }
        if (p >= end) {
            throw error(lineNumber, "unterminated value of label " + name);
        }
        pairs.add(name);
        try {
            pairs.add(utf8.decode(ByteBuffer.wrap(scratch, 0, n)).toString());
        } catch (CharacterCodingException ex) {
            throw error(lineNumber, "label " + name + " has a value that is not valid UTF-8");
        }
        return p + 1;
    }

    /** Index after the '}' that closes a label block opened just before {@code p}. */
    private int skipLabelBlock(int p, int e) throws ExpositionFormatException {
        boolean quoted = false;
        while (p < e) {
            byte c = buf[p++];
            if (quoted) {
                if (c == '\\') {
                    p++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '}') {
                return p;
            }
        }
        throw error(lineNumber, "unterminated label set (missing '}')");
    }

    private double parseValue(int s, int e) throws ExpositionFormatException {
        if (s == e) {
            throw error(lineNumber, "missing value");
        }
        return parseFloat(s, e);
    }

    private long parseSecondsTimestamp(int s, int e) throws ExpositionFormatException {
        double seconds = parseFloat(s, e);
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw error(lineNumber, "invalid timestamp \"" + ascii(s, e) + "\"");
        }
        double millis = seconds * 1000;
        if (!(millis >= -0x1p63 && millis < 0x1p63)) {
            throw error(lineNumber, "timestamp out of range \"" + ascii(s, e) + "\"");
        }
        return (long) millis; // truncates toward zero, as Go's int64(float64) does in range
    }

    private long parseMillisTimestamp(int s, int e) throws ExpositionFormatException {
        int p = s;
        boolean negative = false;
        if (buf[p] == '-' || buf[p] == '+') {
            negative = buf[p] == '-';
            p++;
        }
        if (p == e) {
            throw error(lineNumber, "invalid timestamp \"" + ascii(s, e) + "\"");
        }
        long v = 0;
        for (; p < e; p++) {
            int d = buf[p] - '0';
            if (d < 0 || d > 9) {
                throw error(lineNumber, "invalid timestamp \"" + ascii(s, e)
                        + "\" (Prometheus text timestamps are integer milliseconds)");
            }
            // Accumulate negatively so that Long.MIN_VALUE parses too.
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw error(lineNumber, "timestamp out of range \"" + ascii(s, e) + "\"");
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                throw error(lineNumber, "timestamp out of range \"" + ascii(s, e) + "\"");
            }
            v = -v;
        }
        return v;
    }

    /**
     * Go's {@code strconv.ParseFloat} as Prometheus calls it: decimal and exponent forms, the
     * special words, no hex floats or underscores, and an overflow to infinity is an error.
     */
    private double parseFloat(int s, int e) throws ExpositionFormatException {
        switch (special(s, e)) {
            case NAN: return GO_NAN;
            case POSITIVE_INFINITY: return Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY: return Double.NEGATIVE_INFINITY;
            default: break;
        }
        double fast = fastDecimal(s, e);
        if (fast == fast) {
            return fast;
        }
        for (int i = s; i < e; i++) {
            byte c = buf[i];
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                throw error(lineNumber, "invalid number \"" + ascii(s, e) + "\"");
            }
        }
        double v;
        try {
            v = Double.parseDouble(ascii(s, e));
        } catch (NumberFormatException ex) {
            throw error(lineNumber, "invalid number \"" + ascii(s, e) + "\"");
        }
        if (Double.isInfinite(v)) {
            throw error(lineNumber, "number out of range \"" + ascii(s, e) + "\"");
        }
        return v;
    }

    /** {@code NaN} (unsigned), {@code [+-]Inf} and {@code [+-]Infinity}, in any case, as Go reads them. */
    private int special(int s, int e) {
        int p = s;
        boolean negative = false;
        if (buf[p] == '+' || buf[p] == '-') {
            negative = buf[p] == '-';
            p++;
        } else if (equalsIgnoreCase(p, e, "nan")) {
            return NAN;
        }
        if (equalsIgnoreCase(p, e, "inf") || equalsIgnoreCase(p, e, "infinity")) {
            return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        return NOT_SPECIAL;
    }

    /**
     * Plain decimals whose digits fit 2^53 and whose power of ten is within 10^±22: one IEEE
     * multiplication or division of two exact doubles, which rounds correctly (Clinger's fast
     * path). Anything else returns NaN and goes to {@link Double#parseDouble}.
     */
    private double fastDecimal(int s, int e) {
        int p = s;
        boolean negative = false;
        if (buf[p] == '+' || buf[p] == '-') {
            negative = buf[p] == '-';
            p++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean digits = false;
        for (; p < e && buf[p] >= '0' && buf[p] <= '9'; p++) {
            digits = true;
            if (mantissa != 0 || buf[p] != '0') {
                if (++significant > 17) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (buf[p] - '0');
            }
        }
        if (p < e && buf[p] == '.') {
            for (p++; p < e && buf[p] >= '0' && buf[p] <= '9'; p++) {
                digits = true;
                if (mantissa != 0 || buf[p] != '0') {
                    if (++significant > 17) {
                        return Double.NaN;
                    }
                    mantissa = mantissa * 10 + (buf[p] - '0');
                }
                exponent--;
            }
        }
        if (!digits || p != e || mantissa > (long) TWO_POW_53 || exponent < -22) {
            return Double.NaN;
        }
        double v = exponent == 0 ? mantissa : mantissa / POW10[-exponent];
        return negative ? -v : v;
    }

    private boolean equalsIgnoreCase(int p, int e, String word) {
        if (e - p != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase((char) buf[p + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int scanMetricName(int p, int e) {
        int start = p;
        while (p < e) {
            byte c = buf[p];
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                    || (p > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            p++;
        }
        return p;
    }

    private int scanLabelName(int p, int e) {
        int start = p;
        while (p < e) {
            byte c = buf[p];
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                    || (p > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            p++;
        }
        return p;
    }

    private int skipBlanks(int p, int e) {
        while (p < e && isBlank(buf[p])) {
            p++;
        }
        return p;
    }

    private int skipToken(int p, int e) {
        while (p < e && !isBlank(buf[p])) {
            p++;
        }
        return p;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private boolean startsWith(int s, int e, String prefix) {
        if (e - s < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buf[s + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String ascii(int s, int e) {
        return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    private ExpositionFormatException error(long line, String reason) {
        return new ExpositionFormatException(source, line, reason);
    }
}
