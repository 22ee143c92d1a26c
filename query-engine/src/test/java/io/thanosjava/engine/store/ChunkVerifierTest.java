package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import io.thanosjava.model.chunk.XorChunks;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChunkVerifierTest {
    private static final long[] T = {1000, 16000, 31000, 46000, 61000};
    private static final double[] V = {1, 2, 3.5, Double.NaN, 1e300};
    private final ChunkVerifier verifier = new ChunkVerifier();

    @Test
    void soundChunksPassAndOtherEncodingsAreNotChecked() {
        byte[] data = XorChunks.encode(T, V, T.length);
        assertThatCode(() -> verifier.verify(new Chunk(1000, 61000, Chunk.XOR, data))).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(new Chunk(Long.MIN_VALUE, Long.MAX_VALUE, Chunk.XOR, data)))
                .doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(new Chunk(0, 1, Chunk.HISTOGRAM, new byte[] {1, 2, 3})))
                .doesNotThrowAnyException();
    }

    @Test
    void truncatedBytesSamplesOutsideTheRangeAndGarbageFail() {
        byte[] data = XorChunks.encode(T, V, T.length);
        assertThatThrownBy(() -> verifier.verify(new Chunk(1000, 61000, Chunk.XOR, Arrays.copyOf(data, data.length - 3))))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("[1000, 61000]");
        assertThatThrownBy(() -> verifier.verify(new Chunk(1000, 46000, Chunk.XOR, data)))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("sample 4 has timestamp 61000");
        assertThatThrownBy(() -> verifier.verify(new Chunk(2000, 61000, Chunk.XOR, data)))
                .isInstanceOf(ChunkDecodeException.class).hasMessageContaining("sample 0");
        byte[] garbage = data.clone();
        garbage[0] = (byte) 0x7f;
        assertThatThrownBy(() -> verifier.verify(new Chunk(1000, 61000, Chunk.XOR, garbage)))
                .isInstanceOf(ChunkDecodeException.class);
    }
}
