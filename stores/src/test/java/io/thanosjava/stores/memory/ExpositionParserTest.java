package io.thanosjava.stores.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.Labels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpositionParserTest {
    @TempDir
    Path dir;

    /** Records what the parser hands over. */
    private static final class Recorder implements ExpositionParser.SampleSink {
        final List<Labels> series = new ArrayList<>();
        final List<String> samples = new ArrayList<>();
        final List<Long> bits = new ArrayList<>();

        @Override
        public int series(Labels labels) {
            int i = series.indexOf(labels);
            if (i >= 0) {
                return i;
            }
            series.add(labels);
            return series.size() - 1;
        }

        @Override
        public void append(int id, long t, double v) {
            samples.add(series.get(id) + "@" + t);
            bits.add(Double.doubleToRawLongBits(v));
        }
    }

    private static Recorder parse(ExpositionFormat format, String text) throws IOException {
        Recorder r = new Recorder();
        ExpositionParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, "test", r);
        return r;
    }

    private static Recorder om(String... lines) throws IOException {
        return parse(ExpositionFormat.OPENMETRICS, String.join("\n", lines) + "\n");
    }

    private static Recorder prom(String... lines) throws IOException {
        return parse(ExpositionFormat.PROMETHEUS_TEXT, String.join("\n", lines) + "\n");
    }

    @Test
    void openMetricsTimestampsAreSecondsTruncatedToMilliseconds() throws IOException {
        Recorder r = om("# HELP a_total Help text.", "# TYPE a_total counter", "# UNIT a_total seconds",
                "a_total 1 1794960000.123", "a_total 2 1794960001", "a_total 3 1.5e9", "a_total 4 1794960002.0009",
                "# EOF");
        assertThat(r.samples).containsExactly("{__name__=\"a_total\"}@1794960000123", "{__name__=\"a_total\"}@1794960001000",
                "{__name__=\"a_total\"}@1500000000000", "{__name__=\"a_total\"}@1794960002000");
    }

    @Test
    void prometheusTextTimestampsAreMilliseconds() throws IOException {
        Recorder r = prom("# TYPE up gauge", "up{job=\"a\"} 1 1794960000123", "up{job=\"a\"}  0\t1794960000124  ",
                "", "# any comment", "up{job=\"a\"} 0 -5");
        assertThat(r.samples).hasSize(3);
        assertThat(r.samples.get(0)).endsWith("@1794960000123");
        assertThat(r.samples.get(1)).endsWith("@1794960000124");
    }

    @Test
    void specialValuesKeepPrometheusBits() throws IOException {
        Recorder r = prom("m 1 1", "m NaN 2", "m +Inf 3", "m -Inf 4", "m -0 5", "m 0.1 6", "m 1e-300 7",
                "m 4.9e-324 8", "m 1.7976931348623157e308 9", "m inf 10", "m -infinity 11", "m 123456789012345678901234 12");
        assertThat(r.bits).containsExactly(
                Double.doubleToRawLongBits(1.0), 0x7ff8000000000001L, 0x7ff0000000000000L, 0xfff0000000000000L,
                0x8000000000000000L, Double.doubleToRawLongBits(0.1), Double.doubleToRawLongBits(1e-300),
                1L, Double.doubleToRawLongBits(Double.MAX_VALUE), 0x7ff0000000000000L, 0xfff0000000000000L,
                Double.doubleToRawLongBits(1.2345678901234568e23));
    }

    @Test
    void fastDecimalPathAgreesWithJavaParsing() throws IOException {
        String[] values = {"0.30000000000000004", "123.456", "-98765.4321", "0.000001", "9007199254740993",
                "1794960000.001", "3.14159265358979", "1e22", "12345678901234567", "0.1234567890123456789"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            lines.add("m " + values[i] + " " + i);
        }
        Recorder r = prom(lines.toArray(new String[0]));
        for (int i = 0; i < values.length; i++) {
            assertThat(r.bits.get(i)).as(values[i]).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(values[i])));
        }
    }

    @Test
    void labelsAreUnescapedSortedAndEmptyValuesDropped() throws IOException {
        Recorder r = om("m{z=\"1\", a=\"q\\\"uo\\\\te\\nnl\",empty=\"\",u=\"Zürich 📈\",} 1 1", "# EOF");
        assertThat(r.series).containsExactly(Labels.of("__name__", "m", "a", "q\"uo\\te\nnl", "u", "Zürich 📈", "z", "1"));
    }

    @Test
    void differentSpellingsOfOneSeriesAreOneSeries() throws IOException {
        Recorder r = prom("m{a=\"1\",b=\"2\"} 1 1", "m{b=\"2\",a=\"1\"} 2 2", "m{ a = \"1\" , b=\"2\" } 3 3");
        assertThat(r.series).hasSize(1);
        assertThat(r.samples).hasSize(3);
    }

    @Test
    void exemplarsAreIgnored() throws IOException {
        Recorder r = om("m_total 1 1.0 # {trace_id=\"abc\"} 0.5 0.9", "# EOF");
        assertThat(r.samples).containsExactly("{__name__=\"m_total\"}@1000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "up 1|sample has no timestamp",
        "up|expected a space and a value after the series",
        "up{job=\"a\" 1 2|unterminated label set",
        "up{job=\"a\\t\"} 1 2|invalid escape sequence",
        "up{job=a} 1 2|expected '\"' to open the value of label job",
        "up{1job=\"a\"} 1 2|invalid label name",
        "up{\"job\"=\"a\"} 1 2|quoted label names are not supported",
        "{__name__=\"up\"} 1 2|metric name missing",
        "9up 1 2|invalid metric name",
        "up{a=\"1\",a=\"2\"} 1 2|duplicate label name a",
        "up{__name__=\"x\"} 1 2|duplicate label name __name__",
        "up one 2|invalid number \"one\"",
        "up 0x1p3 2|invalid number",
        "up 1_000 2|invalid number",
        "up 1.0d 2|invalid number",
        "up -nan 2|invalid number",
        "up 1e999 2|number out of range",
        "up 1 2.5|invalid timestamp \"2.5\"",
        "up 1 99999999999999999999|timestamp out of range",
        "up 1 2 3|unexpected text after the timestamp",
        "# TYPE up bogus|unknown metric type \"bogus\"",
        "# HELP 1up text|invalid metric name in # HELP line",
    })
    void badLinesAreRefusedWithLineNumberAndReason(String bad, String reason) {
        String text = "# TYPE ok gauge\nok 1 1\n" + bad + "\nok 2 2\n";
        assertThatThrownBy(() -> parse(ExpositionFormat.PROMETHEUS_TEXT, text))
                .isInstanceOfSatisfying(ExpositionFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("test");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith("test:3: ");
                });
    }

    @Test
    void invalidUtf8InALabelValueIsRefused() {
        byte[] text = "m{a=\"\u00ff\"} 1 1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ExpositionParser.parse(new ByteArrayInputStream(text), ExpositionFormat.PROMETHEUS_TEXT,
                "test", new Recorder())).hasMessageContaining("test:1: label a has a value that is not valid UTF-8");
    }

    @Test
    void outOfOrderAndDuplicateTimestampsAreRefusedByTheStore() {
        assertThatThrownBy(() -> ExpositionParser.parse(stream("m 1 2000\nm 1 1000\n"), ExpositionFormat.PROMETHEUS_TEXT,
                "f", new InMemoryStoreBuilder())).hasMessageContaining("f:2: out-of-order sample timestamp 1000");
        assertThatThrownBy(() -> ExpositionParser.parse(stream("m 1 2000\nx 1 1\nm 2 2000\n"), ExpositionFormat.PROMETHEUS_TEXT,
                "f", new InMemoryStoreBuilder())).hasMessageContaining("f:3: duplicate sample timestamp 2000");
    }

    @Test
    void openMetricsNeedsEofLastAndNothingAfterIt() {
        assertThatThrownBy(() -> parse(ExpositionFormat.OPENMETRICS, "m 1 1\n"))
                .hasMessageContaining("test:1: OpenMetrics input does not end with # EOF");
        assertThatThrownBy(() -> parse(ExpositionFormat.OPENMETRICS, "m 1 1\n# EOF\nm 2 2\n"))
                .hasMessageContaining("test:3: content after # EOF");
    }

    @Test
    void lastLineWithoutNewlineAndCrLfLineEndings() throws IOException {
        assertThat(parse(ExpositionFormat.OPENMETRICS, "m 1 1\r\n# EOF").samples).hasSize(1);
        assertThat(parse(ExpositionFormat.PROMETHEUS_TEXT, "m 1 1\nm 2 2").samples).hasSize(2);
    }

    @Test
    void linesLongerThanTheReadWindowParse() throws IOException {
        String value = "v".repeat(200_000);
        Recorder r = prom("m{a=\"" + value + "\"} 1 1", "m{a=\"" + value + "\"} 2 2");
        assertThat(r.series).hasSize(1);
        assertThat(r.series.get(0).get("a")).hasSize(200_000);
        assertThat(r.samples).hasSize(2);
    }

    @Test
    void formatDetectionLooksAtTheLastLine() throws IOException {
        assertThat(ExpositionFormat.detect(Files.writeString(dir.resolve("a"), "m 1 1\n# EOF\n"))).isEqualTo(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.detect(Files.writeString(dir.resolve("b"), "# EOF"))).isEqualTo(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.detect(Files.writeString(dir.resolve("c"), "m 1 1\n"))).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.detect(Files.writeString(dir.resolve("d"), "m 1 1\n# EOF\nm 2 2\n"))).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.detect(Files.writeString(dir.resolve("e"), "m 1 1\n## EOF\n"))).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.detect(Files.writeString(dir.resolve("f"), ""))).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    }

    @Test
    void loaderRefusesABadFileAmongGoodOnes() throws IOException {
        Path good = Files.writeString(dir.resolve("good.om"), "m 1 1\n# EOF\n");
        Path bad = Files.writeString(dir.resolve("bad.prom"), "m 1 5000\nm{ 1 6000\n");
        assertThatThrownBy(() -> ExpositionLoader.load(List.of(good, bad)))
                .isInstanceOf(ExpositionFormatException.class)
                .hasMessageStartingWith(bad + ":2: unterminated label set");
    }

    @Test
    void loaderMergesSeriesAcrossFilesAndMixesFormats() throws IOException {
        Path a = Files.writeString(dir.resolve("a.om"), "m{x=\"1\"} 1 1\n# EOF\n");
        Path b = Files.writeString(dir.resolve("b.prom"), "m{x=\"1\"} 2 2000\nm{x=\"2\"} 3 3000\n");
        InMemoryStore store = ExpositionLoader.load(List.of(a, b));
        assertThat(store.seriesCount()).isEqualTo(2);
        assertThat(store.sampleCount()).isEqualTo(3);
        assertThat(store.minTime()).isEqualTo(1000);
        assertThat(store.maxTime()).isEqualTo(3000);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
