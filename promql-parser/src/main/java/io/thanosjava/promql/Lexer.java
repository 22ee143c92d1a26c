package io.thanosjava.promql;

import io.thanosjava.promql.ast.GoFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a query into tokens the way Prometheus' lexer does, including its context rules:
 * inside braces every word is a plain identifier; inside brackets only durations, numbers,
 * duration-expression operators and a few function words are allowed. Lexing stops at the first
 * bad character with an {@link TokenType#ERROR} token carrying Prometheus' message.
 */
final class Lexer {
    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("and", TokenType.LAND), Map.entry("or", TokenType.LOR), Map.entry("unless", TokenType.LUNLESS),
            Map.entry("atan2", TokenType.ATAN2), Map.entry("sum", TokenType.AGGREGATOR),
            Map.entry("avg", TokenType.AGGREGATOR), Map.entry("count", TokenType.AGGREGATOR),
            Map.entry("min", TokenType.AGGREGATOR), Map.entry("max", TokenType.AGGREGATOR),
            Map.entry("group", TokenType.AGGREGATOR), Map.entry("stddev", TokenType.AGGREGATOR),
            Map.entry("stdvar", TokenType.AGGREGATOR), Map.entry("topk", TokenType.AGGREGATOR),
            Map.entry("bottomk", TokenType.AGGREGATOR), Map.entry("count_values", TokenType.AGGREGATOR),
            Map.entry("quantile", TokenType.AGGREGATOR), Map.entry("limitk", TokenType.AGGREGATOR),
            Map.entry("limit_ratio", TokenType.AGGREGATOR), Map.entry("offset", TokenType.OFFSET),
            Map.entry("smoothed", TokenType.SMOOTHED), Map.entry("anchored", TokenType.ANCHORED),
            Map.entry("by", TokenType.BY), Map.entry("without", TokenType.WITHOUT), Map.entry("on", TokenType.ON),
            Map.entry("ignoring", TokenType.IGNORING), Map.entry("group_left", TokenType.GROUP_LEFT),
            Map.entry("group_right", TokenType.GROUP_RIGHT), Map.entry("bool", TokenType.BOOL),
            Map.entry("start", TokenType.START), Map.entry("end", TokenType.END), Map.entry("step", TokenType.STEP),
            Map.entry("inf", TokenType.NUMBER), Map.entry("nan", TokenType.NUMBER));

    private final String input;
    private final boolean mainBranch;

    private TokenType[] types;
    private int[] starts;
    private int[] ends;
    private int count;
    private String errorMessage;

    private int pos;
    private int start;
    private int parenDepth;
    private boolean braceOpen;
    private boolean bracketOpen;
    private boolean inDurationExpr;
    private boolean gotColon;
    private boolean gotDuration;

    private Lexer(String input, boolean mainBranch) {
        this.input = input;
        this.mainBranch = mainBranch;
        // Real queries have about one token per five characters; growing the arrays costs more than a little slack.
        int capacity = Math.min(input.length() / 3 + 8, 1024);
        this.types = new TokenType[capacity];
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    /** Tokenizes {@code input}; the result always ends with an EOF or ERROR token. */
    static Tokens lex(String input, boolean mainBranch) {
        Lexer l = new Lexer(input, mainBranch);
        l.run();
        return new Tokens(input, l.types, l.starts, l.ends, l.count, l.errorMessage);
    }

    private void run() {
        while (true) {
            if (errorMessage != null) {
                return;
            }
            if (count > 0 && types[count - 1] == TokenType.EOF) {
                return;
            }
            if (braceOpen) {
                lexInsideBraces();
            } else if (inDurationExpr) {
                lexDurationExpr();
            } else {
                lexStatements();
            }
        }
    }

    private int peek() {
        return pos < input.length() ? input.charAt(pos) : -1;
    }

    private int peekAt(int offset) {
        return pos + offset < input.length() ? input.charAt(pos + offset) : -1;
    }

    private void emit(TokenType type) {
        if (count == types.length) {
            types = Arrays.copyOf(types, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        types[count] = type;
        starts[count] = start;
        ends[count] = pos;
        count++;
        start = pos;
    }

    private void error(String message) {
        if (count == types.length) {
            types = Arrays.copyOf(types, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        types[count] = TokenType.ERROR;
        starts[count] = start;
        ends[count] = Math.max(pos, start);
        count++;
        errorMessage = message;
    }

    private boolean skipComment() {
        if (peek() != '#') {
            return false;
        }
        while (pos < input.length() && input.charAt(pos) != '\n' && input.charAt(pos) != '\r') {
            pos++;
        }
        start = pos;
        return true;
    }

    private void skipSpaces() {
        while (isSpace(peek())) {
            pos++;
        }
        start = pos;
    }

    private void lexStatements() {
        if (skipComment()) {
            return;
        }
        int c = peek();
        if (c < 0) {
            if (parenDepth != 0) {
                error("unclosed left parenthesis");
            } else if (bracketOpen) {
                error("unclosed left bracket");
            } else {
                emit(TokenType.EOF);
            }
            return;
        }
        if (isSpace(c)) {
            skipSpaces();
            return;
        }
        pos++;
        switch (c) {
            case ',' -> emit(TokenType.COMMA);
            case '*' -> emit(TokenType.MUL);
            case '/' -> emit(TokenType.DIV);
            case '%' -> emit(TokenType.MOD);
            case '+' -> emit(TokenType.ADD);
            case '-' -> emit(TokenType.SUB);
            case '^' -> emit(TokenType.POW);
            case '@' -> emit(TokenType.AT);
            case '=' -> {
                if (peek() == '=') {
                    pos++;
                    emit(TokenType.EQLC);
                } else if (peek() == '~') {
                    error("unexpected character after '=': " + quoteRune(peek()));
                } else {
                    emit(TokenType.EQL);
                }
            }
            case '!' -> {
                if (peek() != '=') {
                    int t = peek() < 0 ? -1 : input.codePointAt(pos);
                    pos += t < 0 ? 0 : Character.charCount(t);
                    error("unexpected character after '!': " + quoteRune(t));
                    return;
                }
                pos++;
                emit(TokenType.NEQ);
            }
            case '<' -> lexComparison(TokenType.LTE, TokenType.LSS, TokenType.TRIM_UPPER);
            case '>' -> lexComparison(TokenType.GTE, TokenType.GTR, TokenType.TRIM_LOWER);
            case '"', '\'' -> lexString((char) c);
            case '`' -> lexRawString();
            case '(' -> {
                emit(TokenType.LEFT_PAREN);
                parenDepth++;
            }
            case ')' -> closeParen();
            case '{' -> {
                emit(TokenType.LEFT_BRACE);
                braceOpen = true;
            }
            case '[' -> {
                if (bracketOpen) {
                    error("unexpected left bracket '['");
                    return;
                }
                gotColon = false;
                gotDuration = false;
                emit(TokenType.LEFT_BRACKET);
                skipSpaces();
                bracketOpen = true;
                inDurationExpr = true;
            }
            case ']' -> {
                if (!bracketOpen) {
                    error("unexpected right bracket ']'");
                    return;
                }
                emit(TokenType.RIGHT_BRACKET);
                bracketOpen = false;
            }
            default -> lexOther(c);
        }
    }

    /** Like Prometheus, an unbalanced ')' is a lexer error reported just after it. */
    private void closeParen() {
        parenDepth--;
        if (parenDepth < 0) {
            start = pos;
            error("unexpected right parenthesis ')'");
        } else {
            emit(TokenType.RIGHT_PAREN);
        }
    }

    private void lexComparison(TokenType withEquals, TokenType plain, TokenType trim) {
        if (peek() == '=') {
            pos++;
            emit(withEquals);
        } else if (mainBranch && peek() == '/') {
            pos++;
            emit(trim);
        } else {
            emit(plain);
        }
    }

    private void lexOther(int c) {
        if (isDigit(c) || (c == '.' && isDigit(peek()))) {
            pos--;
            lexNumberOrDuration();
            return;
        }
        if (isAlpha(c) || c == ':') {
            if (!bracketOpen) {
                pos--;
                lexKeywordOrIdentifier();
                return;
            }
            if (c == ':') {
                if (gotColon) {
                    error("unexpected colon ':'");
                    return;
                }
                emit(TokenType.COLON);
                gotColon = true;
                return;
            }
            pos--;
            if (lexDurationWord()) {
                return;
            }
            pos++;
            error("unexpected character: " + quoteRune(c) + ", expected ':'");
            return;
        }
        pos--;
        error("unexpected character: " + quoteRune(input.codePointAt(pos)));
    }

    /** The state right after {@code [} and after each operator inside it. */
    private void lexDurationExpr() {
        int c = peek();
        if (c < 0) {
            error("unexpected end of input in duration expression");
            return;
        }
        pos++;
        switch (c) {
            case ']' -> {
                emit(TokenType.RIGHT_BRACKET);
                bracketOpen = false;
                inDurationExpr = false;
                gotColon = false;
            }
            case ':' -> {
                emit(TokenType.COLON);
                if (!gotDuration) {
                    error("unexpected colon before duration in duration expression");
                } else if (gotColon) {
                    error("unexpected repeated colon in duration expression");
                }
                gotColon = true;
            }
            case '(' -> {
                emit(TokenType.LEFT_PAREN);
                parenDepth++;
            }
            case ')' -> closeParen();
            case '+' -> emit(TokenType.ADD);
            case '-' -> emit(TokenType.SUB);
            case '*' -> emit(TokenType.MUL);
            case '/' -> emit(TokenType.DIV);
            case '%' -> emit(TokenType.MOD);
            case '^' -> emit(TokenType.POW);
            case ',' -> emit(TokenType.COMMA);
            default -> {
                if (isSpace(c)) {
                    skipSpaces();
                } else if (isDigit(c) || (c == '.' && isDigit(peek()))) {
                    pos--;
                    gotDuration = true;
                    inDurationExpr = false;
                    lexNumberOrDuration();
                } else {
                    pos--;
                    if (!isAlpha(c) || !lexDurationWord()) {
                        pos++;
                        error("unexpected character in duration expression: " + quoteRune(c));
                    }
                }
            }
        }
    }

    /** {@code step}, {@code min}, {@code max} (and on the development branch {@code range}, {@code min_of}, {@code max_of}). */
    private boolean lexDurationWord() {
        int end = pos;
        while (end < input.length() && isAlpha(input.charAt(end))) {
            end++;
        }
        String word = input.substring(pos, end).toLowerCase(Locale.ROOT);
        TokenType type;
        switch (word) {
            case "step" -> type = TokenType.STEP;
            case "min", "max" -> type = TokenType.DURATION_FUNCTION;
            case "range", "min_of", "max_of" -> type = mainBranch ? TokenType.DURATION_FUNCTION : null;
            default -> type = null;
        }
        if (type == null) {
            return false;
        }
        pos = end;
        emit(type);
        return true;
    }

    private void lexInsideBraces() {
        if (skipComment()) {
            return;
        }
        int c = peek();
        if (c < 0) {
            error("unexpected end of input inside braces");
            return;
        }
        if (isSpace(c)) {
            skipSpaces();
            return;
        }
        pos++;
        switch (c) {
            case ',' -> emit(TokenType.COMMA);
            case '"', '\'' -> lexString((char) c);
            case '`' -> lexRawString();
            case '=' -> {
                if (peek() == '~') {
                    pos++;
                    emit(TokenType.EQL_REGEX);
                } else {
                    emit(TokenType.EQL);
                }
            }
            case '!' -> {
                int n = peek();
                if (n == '~') {
                    pos++;
                    emit(TokenType.NEQ_REGEX);
                } else if (n == '=') {
                    pos++;
                    emit(TokenType.NEQ);
                } else {
                    if (n >= 0) {
                        pos++;
                    }
                    error("unexpected character after '!' inside braces: " + quoteRune(n < 0 ? -1 : input.codePointAt(pos - 1)));
                }
            }
            case '{' -> error("unexpected left brace '{'");
            case '}' -> {
                emit(TokenType.RIGHT_BRACE);
                braceOpen = false;
            }
            default -> {
                if (isAlpha(c)) {
                    while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
                        pos++;
                    }
                    emit(TokenType.IDENTIFIER);
                } else {
                    pos--;
                    error("unexpected character inside braces: " + quoteRune(input.codePointAt(pos)));
                }
            }
        }
    }

    private void lexKeywordOrIdentifier() {
        while (pos < input.length() && (isAlphaNumeric(input.charAt(pos)) || input.charAt(pos) == ':')) {
            pos++;
        }
        String word = input.substring(start, pos);
        TokenType kw = KEYWORDS.get(isLowerCase(word) ? word : word.toLowerCase(Locale.ROOT));
        if (kw != null) {
            emit(kw);
        } else {
            emit(word.indexOf(':') < 0 ? TokenType.IDENTIFIER : TokenType.METRIC_IDENTIFIER);
        }
    }

    private void lexNumberOrDuration() {
        if (scanNumber()) {
            emit(TokenType.NUMBER);
            return;
        }
        if (acceptRemainingDuration()) {
            pos--;
            emit(TokenType.DURATION);
            return;
        }
        error("bad number or duration syntax: " + quoteGo(input.substring(start, Math.min(pos, input.length()))));
    }

    private boolean accept(String valid) {
        int c = peek();
        if (c >= 0 && valid.indexOf(c) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean is(String valid) {
        int c = peek();
        return c >= 0 && valid.indexOf(c) >= 0;
    }

    /** Mirrors Prometheus' number scanner, including where it stops on malformed input (for the error text). */
    private boolean scanNumber() {
        int initial = pos;
        String digits = "0123456789";
        if (accept("0") && accept("xX")) {
            accept("_");
            digits = "0123456789abcdefABCDEF";
        }
        accept(".");
        accept(digits);
        boolean dotConsumed = false;
        boolean exponentConsumed = false;
        while (is(digits + "._eE")) {
            if (is(".") && dotConsumed) {
                accept(".");
                return false;
            }
            if (is("eE") && exponentConsumed) {
                accept("eE");
                return false;
            }
            if (accept(".")) {
                dotConsumed = true;
                if (accept("_.")) {
                    return false;
                }
                if (digits.length() > 10) {
                    return false;
                }
                continue;
            }
            if (accept("eE")) {
                exponentConsumed = true;
                accept("+-");
                if (accept("._eE") || peek() < 0) {
                    return false;
                }
                continue;
            }
            if (accept("_")) {
                if (accept("._eE") || peek() < 0) {
                    return false;
                }
                continue;
            }
            while (accept(digits)) {
                // consume the run
            }
        }
        if (pos == initial) {
            return false;
        }
        return !isAlphaNumeric(peek());
    }

    private boolean acceptRemainingDuration() {
        if (!accept("smhdwy")) {
            return false;
        }
        accept("s");
        while (accept("0123456789")) {
            while (accept("0123456789")) {
                // consume the run
            }
            if (!accept("smhdw")) {
                return false;
            }
            accept("s");
        }
        int next = peek();
        pos++;
        return !isAlphaNumeric(next);
    }

    private void lexString(char quote) {
        while (true) {
            int c = peek();
            if (c < 0 || c == '\n') {
                error("unterminated quoted string");
                return;
            }
            pos++;
            if (Character.isSurrogate((char) c) && !validSurrogatePair(pos - 1)) {
                error("invalid UTF-8 rune");
                return;
            }
            if (c == '\\') {
                String escapeError = lexEscape(quote);
                if (escapeError != null) {
                    error(escapeError);
                    return;
                }
            } else if (c == quote) {
                emit(TokenType.STRING);
                return;
            }
        }
    }

    private boolean validSurrogatePair(int i) {
        char c = input.charAt(i);
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < input.length() && Character.isLowSurrogate(input.charAt(i + 1))) {
                pos++;
                return true;
            }
        }
        return false;
    }

    /** Validates one escape sequence after the backslash; returns an error message or null. */
    private String lexEscape(char quote) {
        int c = peek();
        if (c < 0) {
            return "escape sequence not terminated";
        }
        int n;
        int base;
        int max;
        switch (c) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
                pos++;
                return null;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                n = 3;
                base = 8;
                max = 255;
            }
            case 'x' -> {
                pos++;
                n = 2;
                base = 16;
                max = 255;
            }
            case 'u' -> {
                pos++;
                n = 4;
                base = 16;
                max = Character.MAX_CODE_POINT;
            }
            case 'U' -> {
                pos++;
                n = 8;
                base = 16;
                max = Character.MAX_CODE_POINT;
            }
            default -> {
                if (c == quote) {
                    pos++;
                    return null;
                }
                return "unknown escape sequence " + goRuneU(input.codePointAt(pos));
            }
        }
        long x = 0;
        for (int i = 0; i < n; i++) {
            int d = peek();
            int v = digitValue(d);
            if (v >= base) {
                if (d < 0) {
                    return "escape sequence not terminated";
                }
                return "illegal character " + goRuneU(input.codePointAt(pos)) + " in escape sequence";
            }
            x = x * base + v;
            pos++;
        }
        if (x > max || (x >= 0xD800 && x < 0xE000)) {
            return "escape sequence is an invalid Unicode code point";
        }
        return null;
    }

    private static int digitValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return 16;
    }

    private void lexRawString() {
        while (true) {
            int c = peek();
            if (c < 0) {
                error("unterminated raw string");
                return;
            }
            pos++;
            if (Character.isSurrogate((char) c) && !validSurrogatePair(pos - 1)) {
                error("invalid UTF-8 rune");
                return;
            }
            if (c == '`') {
                emit(TokenType.STRING);
                return;
            }
        }
    }

    /** Most words are already lower case; skip the copy {@code toLowerCase} would make. */
    private static boolean isLowerCase(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(int c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlphaNumeric(int c) {
        return isAlpha(c) || isDigit(c);
    }

    /** Go's {@code %q} for a rune ({@code 'x'}, {@code '\n'}); end of input prints as the replacement character, as in Go. */
    static String quoteRune(int cp) {
        if (cp < 0) {
            return "'\uFFFD'";
        }
        switch (cp) {
            case '\'' -> {
                return "'\\''";
            }
            case '\\' -> {
                return "'\\\\'";
            }
            case '\n' -> {
                return "'\\n'";
            }
            case '\t' -> {
                return "'\\t'";
            }
            case '\r' -> {
                return "'\\r'";
            }
            default -> {
                StringBuilder sb = new StringBuilder();
                GoFormat.quote(new String(Character.toChars(cp)), sb);
                String inner = sb.substring(1, sb.length() - 1);
                return "'" + inner.replace("\\\"", "\"") + "'";
            }
        }
    }

    /** Go's {@code %#U}: {@code U+0071 'q'}, or just {@code U+000A} for non-printable runes. */
    static String goRuneU(int cp) {
        String hex = Integer.toHexString(cp).toUpperCase(Locale.ROOT);
        String code = "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
        return GoFormat.isPrintable(cp) ? code + " '" + new String(Character.toChars(cp)) + "'" : code;
    }

    static String quoteGo(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        GoFormat.quote(s, sb);
        return sb.toString();
    }
}
