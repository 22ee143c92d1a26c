package io.thanosjava.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LabelsTest {
    /** Characters whose UTF-16 order differs from their code point order, plus plain ones. */
    private static final String[] CHARS = {"a", "b", "_", "Z", "é", "\uffff", "\ue000", "😀", "𐀀", "東"};

    @Test
    void sortsByNameAndDropsEmptyValues() {
        Labels l = Labels.of("job", "api", "__name__", "up", "empty", "", "instance", "h:9090");
        assertThat(l.size()).isEqualTo(3);
        assertThat(l.name(0)).isEqualTo("__name__");
        assertThat(l.name(1)).isEqualTo("instance");
        assertThat(l.name(2)).isEqualTo("job");
        assertThat(l.get("job")).isEqualTo("api");
        assertThat(l.get("empty")).isNull();
        assertThat(l.getOrEmpty("empty")).isEmpty();
        assertThat(l.has("instance")).isTrue();
        assertThat(l.toString()).isEqualTo("{__name__=\"up\", instance=\"h:9090\", job=\"api\"}");
    }

    @Test
    void laterDuplicateWinsAndOddCountFails() {
        assertThat(Labels.of("a", "1", "a", "2").get("a")).isEqualTo("2");
        assertThatThrownBy(() -> Labels.of("a")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
    }

    @Test
    void utf8OrderDiffersFromUtf16Order() {
        String astral = "😀"; // U+1F600, a surrogate pair in UTF-16
        String bmpHigh = "\uffff";
        assertThat(astral.compareTo(bmpHigh)).as("UTF-16 order").isNegative();
        assertThat(Labels.compareUtf8(astral, bmpHigh)).as("code point order").isPositive();
        Labels a = Labels.of(astral, "1", bmpHigh, "1");
        assertThat(a.name(0)).isEqualTo(bmpHigh);
        assertThat(a.indexOf(astral)).isEqualTo(1);
        assertThat(Labels.of("x", astral).compareTo(Labels.of("x", bmpHigh))).isPositive();
    }

    /**
     * UTF-8 byte order on strings of ASCII, Latin-1, BMP chars below and above the surrogates and
     * surrogate pairs, drawn from a few characters so that pairs share long prefixes.
     */
    @Test
    void compareUtf8IsCodePointOrderWhateverTheChars() {
        String[] pieces = {"a", "b", "é", "\u00ff", "\ue000", "\uffff", "😀", "😁", "\u0800", "\ud7ff"};
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            String a = randomString(random, pieces);
            String b = random.nextInt(4) == 0 ? a + randomString(random, pieces) : randomString(random, pieces);
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(Labels.compareUtf8(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
            assertThat(Integer.signum(Labels.compareUtf8(b, a))).as("%s vs %s", b, a).isEqualTo(-expected);
        }
    }

    private static String randomString(Random random, String[] pieces) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
            s.append(pieces[random.nextInt(random.nextBoolean() ? 3 : pieces.length)]);
        }
        return s.toString();
    }

    @Test
    void prefixSortsFirst() {
        Labels shorter = Labels.of("a", "1");
        Labels longer = Labels.of("a", "1", "b", "2");
        assertThat(shorter.compareTo(longer)).isNegative();
        assertThat(longer.compareTo(shorter)).isPositive();
        assertThat(shorter.compareTo(Labels.of("a", "1"))).isZero();
    }

    @Test
    void withoutKeepAndBuilder() {
        Labels l = Labels.of("__name__", "up", "replica", "r1", "job", "api");
        assertThat(l.without("replica")).isEqualTo(Labels.of("__name__", "up", "job", "api"));
        assertThat(l.without("absent")).isSameAs(l);
        assertThat(l.without(List.of())).isSameAs(l);
        assertThat(l.without("__name__", "replica", "job")).isEqualTo(Labels.empty());
        assertThat(l.withoutMetricName()).isEqualTo(Labels.of("replica", "r1", "job", "api"));
        assertThat(l.keep(List.of("job", "absent"))).isEqualTo(Labels.of("job", "api"));
        Labels.Builder b = l.toBuilder().set("zone", "eu").del("replica").set("job", "web");
        assertThat(b.get("replica")).isNull();
        assertThat(b.build()).isEqualTo(Labels.of("__name__", "up", "job", "web", "zone", "eu"));
        assertThat(Labels.builder().build()).isSameAs(Labels.empty());
        assertThatThrownBy(() -> Labels.builder().set(null, "x")).hasMessage("name is null");
    }

    @Test
    void stableHashIsFnv1aOverUtf8WithSeparators() {
        Labels l = Labels.of("job", "Zürich", "a", "1");
        assertThat(l.stableHash64()).isEqualTo(reference(l));
        assertThat(l.stableHash64()).isEqualTo(Labels.of("a", "1", "job", "Zürich").stableHash64());
        assertThat(l.stableHash64()).isNotEqualTo(Labels.of("a", "1", "job", "Zurich").stableHash64());
    }

    @Property(tries = 500)
    void compareToIsUtf8ByteOrder(@ForAll("labelMaps") Map<String, String> x, @ForAll("labelMaps") Map<String, String> y) {
        Labels a = from(x);
        Labels b = from(y);
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(referenceCompare(a, b)));
        assertThat(a.equals(b)).isEqualTo(a.compareTo(b) == 0);
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
        for (int i = 1; i < a.size(); i++) {
            assertThat(Arrays.compareUnsigned(utf8(a.name(i - 1)), utf8(a.name(i)))).isNegative();
        }
    }

    @Provide
    Arbitrary<Map<String, String>> labelMaps() {
        Arbitrary<String> s = Arbitraries.of(CHARS).list().ofMinSize(1).ofMaxSize(3).map(p -> String.join("", p));
        return Arbitraries.maps(s, s).ofMaxSize(4);
    }

    private static Labels from(Map<String, String> m) {
        Labels.Builder b = Labels.builder();
        new TreeMap<>(m).forEach(b::set);
        return b.build();
    }

    private static int referenceCompare(Labels a, Labels b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = Arrays.compareUnsigned(utf8(a.name(i)), utf8(b.name(i)));
            if (c != 0) {
                return c;
            }
            c = Arrays.compareUnsigned(utf8(a.value(i)), utf8(b.value(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static long reference(Labels l) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < l.size(); i++) {
            for (String s : new String[] {l.name(i), l.value(i)}) {
                for (byte b : utf8(s)) {
                    h = fnvStep(h, b);
                }
                h = fnvStep(h, (byte) 0xff);
            }
        }
        return h;
    }

    private static long fnvStep(long h, byte b) {
        return (h ^ (b & 0xff)) * 0x100000001b3L;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
