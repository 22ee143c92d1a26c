package io.thanosjava.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.promql.ast.Expr;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid queries parse, print in canonical form, and that form parses back to an equal tree. */
class ParseValidTableTest {
    static Stream<TableCases.Case> cases() {
        return TableCases.read("parse-valid.tsv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesPrintsAndRoundTrips(TableCases.Case c) {
        Expr ast = PromqlParser.parseExpr(c.query(), c.options());
        String printed = ast.toString();
        assertThat(printed).isEqualTo(c.expected().equals("=") ? c.query() : c.expected());
        Expr reparsed = PromqlParser.parseExpr(printed, c.options());
        assertThat(reparsed).isEqualTo(ast);
        assertThat(reparsed.hashCode()).isEqualTo(ast.hashCode());
        assertThat(reparsed.type()).isEqualTo(ast.type());
    }
}
