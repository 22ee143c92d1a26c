package io.thanosjava.promql;

import io.thanosjava.promql.ast.BinaryOp;

/** Lexical token kinds, grouped as Prometheus groups them for error messages. */
enum TokenType {
    EOF(Kind.END, null),
    ERROR(Kind.ERROR, null),
    IDENTIFIER(Kind.VALUE, "identifier"),
    METRIC_IDENTIFIER(Kind.VALUE, "metric identifier"),
    NUMBER(Kind.VALUE, "number"),
    DURATION(Kind.VALUE, "duration"),
    STRING(Kind.VALUE, "string"),
    LEFT_PAREN(Kind.PUNCT, null),
    RIGHT_PAREN(Kind.PUNCT, null),
    LEFT_BRACE(Kind.PUNCT, null),
    RIGHT_BRACE(Kind.PUNCT, null),
    LEFT_BRACKET(Kind.PUNCT, null),
    RIGHT_BRACKET(Kind.PUNCT, null),
    COMMA(Kind.PUNCT, null),
    EQL(Kind.PUNCT, null),
    COLON(Kind.PUNCT, null),
    ADD(Kind.OPERATOR, null),
    SUB(Kind.OPERATOR, null),
    MUL(Kind.OPERATOR, null),
    DIV(Kind.OPERATOR, null),
    MOD(Kind.OPERATOR, null),
    POW(Kind.OPERATOR, null),
    EQLC(Kind.OPERATOR, null),
    NEQ(Kind.OPERATOR, null),
    LSS(Kind.OPERATOR, null),
    LTE(Kind.OPERATOR, null),
    GTR(Kind.OPERATOR, null),
    GTE(Kind.OPERATOR, null),
    EQL_REGEX(Kind.OPERATOR, null),
    NEQ_REGEX(Kind.OPERATOR, null),
    TRIM_UPPER(Kind.OPERATOR, null),
    TRIM_LOWER(Kind.OPERATOR, null),
    AT(Kind.OPERATOR, null),
    ATAN2(Kind.OPERATOR, null),
    LAND(Kind.OPERATOR, null),
    LOR(Kind.OPERATOR, null),
    LUNLESS(Kind.OPERATOR, null),
    AGGREGATOR(Kind.AGGREGATOR, null),
    BOOL(Kind.KEYWORD, null),
    BY(Kind.KEYWORD, null),
    GROUP_LEFT(Kind.KEYWORD, null),
    GROUP_RIGHT(Kind.KEYWORD, null),
    IGNORING(Kind.KEYWORD, null),
    OFFSET(Kind.KEYWORD, null),
    SMOOTHED(Kind.KEYWORD, null),
    ANCHORED(Kind.KEYWORD, null),
    ON(Kind.KEYWORD, null),
    WITHOUT(Kind.KEYWORD, null),
    START(Kind.PREPROCESSOR, null),
    END(Kind.PREPROCESSOR, null),
    STEP(Kind.PREPROCESSOR, null),
    /** {@code min}/{@code max} and friends inside a duration expression. */
    DURATION_FUNCTION(Kind.PREPROCESSOR, null);

    enum Kind { END, ERROR, VALUE, PUNCT, OPERATOR, AGGREGATOR, KEYWORD, PREPROCESSOR }

    final Kind kind;
    /** The category word of value tokens in messages ({@code identifier "foo"}). */
    final String category;

    TokenType(Kind kind, String category) {
        this.kind = kind;
        this.category = category;
    }

    /** The binary operator this token spells, or null. */
    BinaryOp binaryOp() {
        switch (this) {
            case ADD: return BinaryOp.ADD;
            case SUB: return BinaryOp.SUB;
            case MUL: return BinaryOp.MUL;
            case DIV: return BinaryOp.DIV;
            case MOD: return BinaryOp.MOD;
            case POW: return BinaryOp.POW;
            case EQLC: return BinaryOp.EQL;
            case NEQ: return BinaryOp.NEQ;
            case LSS: return BinaryOp.LSS;
            case LTE: return BinaryOp.LTE;
            case GTR: return BinaryOp.GTR;
            case GTE: return BinaryOp.GTE;
            case TRIM_UPPER: return BinaryOp.TRIM_UPPER;
            case TRIM_LOWER: return BinaryOp.TRIM_LOWER;
            case ATAN2: return BinaryOp.ATAN2;
            case LAND: return BinaryOp.AND;
            case LOR: return BinaryOp.OR;
            case LUNLESS: return BinaryOp.UNLESS;
            default: return null;
        }
    }

    /** Words that may stand as a bare metric name where an expression is expected. */
    boolean canBeMetricName() {
        switch (this) {
            case IDENTIFIER, METRIC_IDENTIFIER, AGGREGATOR, BY, WITHOUT, OFFSET, LAND, LOR, LUNLESS, START, END, STEP,
                    ANCHORED, SMOOTHED:
                return true;
            default:
                return false;
        }
    }

    /** Words accepted as label names in grouping lists. */
    boolean isWord() {
        return kind == Kind.KEYWORD || kind == Kind.AGGREGATOR || kind == Kind.PREPROCESSOR || this == IDENTIFIER
                || this == METRIC_IDENTIFIER || this == LAND || this == LOR || this == LUNLESS || this == ATAN2;
    }
}
