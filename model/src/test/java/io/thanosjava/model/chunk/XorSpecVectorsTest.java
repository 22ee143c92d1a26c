package io.thanosjava.model.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.StaleNaN;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Hand-checked byte vectors from the wire specification, covering each field form once. */
class XorSpecVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void fiveSamplesWithStaleMarker() {
        byte[] bytes = new XorAppender()
                .append(1000, 1.0).append(2000, 1.0).append(3000, 2.0).append(4005, 3.5).append(5000, StaleNaN.VALUE)
                .bytes();
        assertThat(HEX.formatHex(bytes)).isEqualTo("0005d00f3ff0000000000000e8073097ffe0017605dffb62f7ffc0000000000020");
        XorChunkIterator it = new XorChunkIterator().reset(bytes);
        long[] ts = {1000, 2000, 3000, 4005, 5000};
        double[] vs = {1.0, 1.0, 2.0, 3.5, StaleNaN.VALUE};
        for (int i = 0; i < ts.length; i++) {
            assertThat(it.next()).isTrue();
            assertThat(it.atT()).isEqualTo(ts[i]);
            assertThat(Double.doubleToRawLongBits(it.atV())).isEqualTo(Double.doubleToRawLongBits(vs[i]));
        }
        assertThat(it.next()).isFalse();
    }

    @Test
    void negativeFirstTimestamp() {
        assertThat(HEX.formatHex(new XorAppender().append(-5, 0.0).append(10, -1.5).bytes()))
                .isEqualTo("00020900000000000000000fc06dffc0");
    }

    @Test
    void sixtyFourSignificantBitsAreWrittenAsZero() {
        byte[] bytes = new XorAppender().append(0, 0.0).append(1, Double.longBitsToDouble(-1L)).bytes();
        assertThat(HEX.formatHex(bytes)).isEqualTo("000200000000000000000001c007fffffffffffffff8");
        XorChunkIterator it = new XorChunkIterator().reset(bytes);
        assertThat(it.next() && it.next()).isTrue();
        assertThat(it.atValueBits()).isEqualTo(-1L);
    }

    @Test
    void emptyChunkHasOnlyTheHeader() {
        assertThat(new XorAppender().bytes()).containsExactly(0, 0);
        XorChunkIterator it = new XorChunkIterator().reset(new byte[] {0, 0});
        assertThat(it.next()).isFalse();
        assertThat(it.seek(0)).isFalse();
    }
}
