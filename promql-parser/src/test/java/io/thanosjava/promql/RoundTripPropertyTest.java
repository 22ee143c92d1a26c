package io.thanosjava.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.promql.ast.Expr;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random well-typed trees print to text that parses back to an equal tree. */
class RoundTripPropertyTest {
    @Property(tries = 2000)
    void printedTreesParseBackEqual(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int depth) {
        Expr ast = new RandomAsts(seed).any(depth);
        String printed = ast.toString();
        Expr reparsed = PromqlParser.parseExpr(printed, ScriptEvalsParseTest.RELEASE_SCRIPTS);
        assertThat(reparsed).as(printed).isEqualTo(ast);
        assertThat(reparsed.toString()).isEqualTo(printed);
    }
}
