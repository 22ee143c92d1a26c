package io.thanosjava.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.promql.ast.Function;
import io.thanosjava.promql.ast.Functions;
import io.thanosjava.promql.ast.ValueType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The signature tables hold exactly the functions of each Prometheus version, flagged as it flags them. */
class FunctionsTableTest {
    @Test
    void releaseAndMainBranchCounts() {
        assertThat(Functions.RELEASE).hasSize(82);
        assertThat(Functions.MAIN_BRANCH).hasSize(90);
        assertThat(Functions.MAIN_BRANCH.keySet()).containsAll(Functions.RELEASE.keySet());
        assertThat(Functions.MAIN_BRANCH.keySet().stream().filter(n -> !Functions.RELEASE.containsKey(n)))
                .containsExactlyInAnyOrder("start", "end", "range", "step", "min_of", "max_of", "histogram_quantiles",
                        "start_timestamp");
    }

    @Test
    void experimentalListsPerVersion() {
        assertThat(experimental(Functions.RELEASE)).containsExactlyInAnyOrder("double_exponential_smoothing",
                "first_over_time", "info", "mad_over_time", "sort_by_label", "sort_by_label_desc",
                "ts_of_first_over_time", "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time");
        assertThat(experimental(Functions.MAIN_BRANCH)).containsExactlyInAnyOrder("double_exponential_smoothing",
                "info", "mad_over_time", "sort_by_label", "sort_by_label_desc", "ts_of_first_over_time",
                "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time", "start", "end", "range", "step",
                "min_of", "max_of", "histogram_quantiles", "start_timestamp");
    }

    @Test
    void signaturesMatchTheCatalogue() {
        assertThat(Functions.get("rate")).isEqualTo(new Function("rate", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR, false));
        assertThat(Functions.get("histogram_quantile").argTypes()).containsExactly(ValueType.SCALAR, ValueType.INSTANT_VECTOR);
        assertThat(Functions.get("quantile_over_time").argTypes()).containsExactly(ValueType.SCALAR, ValueType.RANGE_VECTOR);
        assertThat(Functions.get("label_join").variadic()).isEqualTo(-1);
        assertThat(Functions.get("round").variadic()).isEqualTo(1);
        assertThat(Functions.get("histogram_quantiles").variadic()).isEqualTo(9);
        assertThat(Functions.get("label_join").argType(7)).isEqualTo(ValueType.STRING);
        assertThat(Functions.get("scalar").returnType()).isEqualTo(ValueType.SCALAR);
        assertThat(Functions.RELEASE).doesNotContainKey("holt_winters");
        assertThatThrownBy(() -> Functions.get("nope")).hasMessage("unknown function with name \"nope\"");
    }

    @Test
    void everyReleaseFunctionParsesWithItsDeclaredArguments() {
        for (Function f : Functions.RELEASE.values()) {
            StringBuilder q = new StringBuilder(f.name()).append('(');
            for (int i = 0; i < f.argTypes().size() - (f.variadic() != 0 ? 1 : 0); i++) {
                q.append(i > 0 ? ", " : "").append(sample(f.argType(i)));
            }
            q.append(')');
            if (!f.name().equals("info")) {
                assertThat(PromqlParser.parseExpr(q.toString(), ParserOptions.EXPERIMENTAL).type()).as(q.toString())
                        .isEqualTo(f.returnType());
            }
        }
    }

    private static String sample(ValueType t) {
        switch (t) {
            case SCALAR: return "1";
            case STRING: return "\"a\"";
            case RANGE_VECTOR: return "x[5m]";
            default: return "x";
        }
    }

    private static List<String> experimental(Map<String, Function> table) {
        return table.values().stream().filter(Function::experimental).map(Function::name).collect(Collectors.toList());
    }
}
