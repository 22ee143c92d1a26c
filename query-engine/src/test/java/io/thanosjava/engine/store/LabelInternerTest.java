package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LabelInternerTest {
    private final LabelInterner interner = new LabelInterner();

    @Test
    void repeatedBytesGiveOneInstanceFromAnyOffset() {
        byte[] frame = "xxjobxxjob".getBytes(StandardCharsets.UTF_8);
        String first = interner.intern(frame, 2, 3);
        assertThat(first).isEqualTo("job");
        assertThat(interner.intern(frame, 7, 3)).isSameAs(first);
        assertThat(interner.intern(frame, 0, 0)).isEmpty();
    }

    /** "Aa" and "BB" share a hash and so a slot: a hash match alone must never hand out the other string. */
    @Test
    void collidingKeysStayApartAndARepeatedKeyIsNotEvictedByOneSeenOnce() {
        String aa = interner.intern(utf8("Aa"), 0, 2);
        assertThat(interner.intern(utf8("Aa"), 0, 2)).isSameAs(aa);
        assertThat(interner.intern(utf8("BB"), 0, 2)).isEqualTo("BB");
        assertThat(interner.intern(utf8("Aa"), 0, 2)).isSameAs(aa);
        String bb = interner.intern(utf8("BB"), 0, 2);
        assertThat(bb).isEqualTo("BB");
        assertThat(interner.intern(utf8("BB"), 0, 2)).isNotSameAs(bb);
    }

    @Test
    void invalidUtf8DecodesToTheReplacementCharacterAndLongValuesAreDecodedEachTime() {
        assertThat(interner.intern(new byte[] {'a', (byte) 0xff}, 0, 2)).isEqualTo("a\uFFFD");
        byte[] longValue = "v".repeat(200).getBytes(StandardCharsets.UTF_8);
        String first = interner.intern(longValue, 0, longValue.length);
        assertThat(first).isEqualTo("v".repeat(200));
        assertThat(interner.intern(longValue, 0, longValue.length)).isEqualTo(first).isNotSameAs(first);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
