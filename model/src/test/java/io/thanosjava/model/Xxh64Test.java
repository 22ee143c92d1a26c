package io.thanosjava.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Published XXH64 (seed 0) reference values, covering the short path and the 32-byte stripes. */
class Xxh64Test {
    @Test
    void referenceVectors() {
        assertThat(hash("")).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(hash("a")).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(hash("abc")).isEqualTo(0x44BC2CF5AD770999L);
        assertThat(hash("Nobody inspects the spammish repetition")).isEqualTo(0xFBCEA83C8A378BF1L);
    }

    @Test
    void hashesOnlyTheGivenRange() {
        byte[] padded = "xxabcxx".getBytes(StandardCharsets.UTF_8);
        assertThat(Xxh64.hash(padded, 2, 3)).isEqualTo(hash("abc"));
    }

    private static long hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Xxh64.hash(b, 0, b.length);
    }
}
