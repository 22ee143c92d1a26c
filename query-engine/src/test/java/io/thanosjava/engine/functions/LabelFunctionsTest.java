package io.thanosjava.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelFunctionsTest {
    private static final Labels SERIES = Labels.of("__name__", "up", "instance", "host-1:9090", "job", "node");

    private static String replaced(String replacement, String regex) {
        Labels out = LabelFunctions.labelReplace("dst", replacement, "instance", regex).apply(SERIES);
        return out == null ? null : out.get("dst");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "$1|(.*):.*|host-1",
            "${1}x|(.*):.*|host-1x",
            "$1x|(.*):.*|NULL",
            "$2-$1|(.*)-(.*):.*|1-host",
            "$$1|(.*):.*|$1",
            "a$|(.*):.*|a$",
            "a$-b|(.*):.*|a$-b",
            "${1|(.*):.*|${1",
            "${}|(.*):.*|${}",
            "$0|host-(.):.*|host-1:9090",
            "$01|(.*):.*|NULL",
            "$9|(.*):.*|NULL",
            "${host}/${port}|(?P<host>[^:]+):(?P<port>.*)|host-1/9090",
            "$host_$port|(?P<host>[^:]+):(?P<port>.*)|9090",
            "x$2y|(.*):(x)?.*|x",
            "x${2}y|(.*):(x)?.*|xy",
            "static|.*|static",
    })
    void expandsReplacementsLikeGo(String replacement, String regex, String expected) {
        assertThat(replaced(replacement, regex)).isEqualTo(expected);
    }

    @Test
    void regexIsFullyAnchoredAndDotMatchesNewline() {
        assertThat(replaced("yes", "host")).as("partial match").isNull();
        assertThat(replaced("yes", "host-1.*")).isEqualTo("yes");
        assertThat(LabelFunctions.labelReplace("dst", "yes", "src", "a.b").apply(Labels.of("src", "a\nb")).get("dst")).isEqualTo("yes");
        // Alternation inside the anchored group.
        assertThat(replaced("yes", "node|host-1:9090")).isEqualTo("yes");
    }

    @Test
    void noMatchIsNoRewrite() {
        assertThat(LabelFunctions.labelReplace("job", "x", "instance", "nomatch").apply(SERIES)).isNull();
    }

    @Test
    void missingSourceLabelIsTheEmptyString() {
        Labels out = LabelFunctions.labelReplace("dst", "empty", "absent", "").apply(SERIES);
        assertThat(out.get("dst")).isEqualTo("empty");
    }

    @Test
    void emptyResultDeletesTheDestination() {
        Labels out = LabelFunctions.labelReplace("job", "", "instance", ".*").apply(SERIES);
        assertThat(out.has("job")).isFalse();
        assertThat(out.size()).isEqualTo(2);
    }

    @Test
    void canRenameTheMetric() {
        Labels out = LabelFunctions.labelReplace("__name__", "renamed_$1", "job", "(.*)").apply(SERIES);
        assertThat(out.get("__name__")).isEqualTo("renamed_node");
        assertThat(LabelFunctions.labelReplace("__name__", "x", "job", ".*").destination()).isEqualTo("__name__");
    }

    @Test
    void labelReplaceValidation() {
        assertThatThrownBy(() -> LabelFunctions.labelReplace("dst", "", "src", "(.*"))
                .isInstanceOf(InvalidFunctionArgumentException.class)
                .hasMessage("invalid regular expression in label_replace(): (.*");
        assertThatThrownBy(() -> LabelFunctions.labelReplace("dst", "", "src", "(?<=a)b"))
                .hasMessage("invalid regular expression in label_replace(): (?<=a)b");
        assertThatThrownBy(() -> LabelFunctions.labelReplace("", "", "src", ".*"))
                .hasMessage("invalid destination label name in label_replace(): ");
        assertThatThrownBy(() -> LabelFunctions.labelReplace("\ud800", "", "src", "(.*"))
                .as("regex is checked first")
                .hasMessage("invalid regular expression in label_replace(): (.*");
        assertThat(LabelFunctions.labelReplace("a.b-c", "v", "job", ".*").apply(SERIES).get("a.b-c")).isEqualTo("v");
    }

    @Test
    void labelJoin() {
        Labels out = LabelFunctions.labelJoin("dst", ",", "job", "absent", "instance").apply(SERIES);
        assertThat(out.get("dst")).isEqualTo("node,,host-1:9090");
        assertThat(LabelFunctions.labelJoin("job", "-").apply(SERIES).has("job")).as("no sources → empty → deleted").isFalse();
        assertThat(LabelFunctions.labelJoin("dst", "").apply(SERIES)).isSameAs(SERIES);
        assertThat(LabelFunctions.labelJoin("__name__", "_", "job", "job").apply(SERIES).get("__name__")).isEqualTo("node_node");
    }

    @Test
    void labelJoinValidation() {
        assertThatThrownBy(() -> LabelFunctions.labelJoin("", ",", "\udc00"))
                .isInstanceOf(InvalidFunctionArgumentException.class)
                .hasMessage("invalid source label name in label_join(): \udc00");
        assertThatThrownBy(() -> LabelFunctions.labelJoin("", ",", "ok"))
                .hasMessage("invalid destination label name in label_join(): ");
        assertThatThrownBy(() -> LabelFunctions.labelJoin("dst", ",", ""))
                .hasMessage("invalid source label name in label_join(): ");
    }

    @Test
    void labelNameValidity() {
        assertThat(LabelFunctions.isValidLabelName("ok_name")).isTrue();
        assertThat(LabelFunctions.isValidLabelName("utf8 ✓ 😀")).isTrue();
        assertThat(LabelFunctions.isValidLabelName("")).isFalse();
        assertThat(LabelFunctions.isValidLabelName("bad\ud800")).isFalse();
        assertThat(LabelFunctions.isValidLabelName("\udc00bad")).isFalse();
        assertThat(LabelFunctions.isValidLabelName("replacement \ufffd is valid UTF-8")).isTrue();
        assertThat(LabelFunctions.isValidLabelName("raw byte \udcff")).isFalse();
    }
}
