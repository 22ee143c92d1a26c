package io.thanosjava.model.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChunkTest {
    private static final long[] T = {1000, 16000, 31000};
    private static final double[] V = {1, 2.5, Double.NaN};

    @Test
    void aSliceReadsOnlyItsOwnBytes() {
        byte[] bytes = XorChunks.encode(T, V, T.length);
        byte[] frame = new byte[bytes.length + 7];
        Arrays.fill(frame, (byte) 0xff);
        System.arraycopy(bytes, 0, frame, 3, bytes.length);
        Chunk slice = new Chunk(1000, 31000, Chunk.XOR, frame, 3, bytes.length);

        assertThat(slice.array()).isSameAs(frame);
        assertThat(slice.offset()).isEqualTo(3);
        assertThat(slice.length()).isEqualTo(bytes.length);
        assertThat(slice.data()).isEqualTo(bytes);
        SampleBuffer samples = new SampleBuffer();
        assertThat(new XorChunkIterator().reset(slice).decodeRemainingInto(samples, Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo(3);
        assertThat(Arrays.copyOf(samples.timestamps(), 3)).containsExactly(T);
    }

    @Test
    void aWholeArrayChunkHandsOutItsArrayAndASliceMustFitItsArray() {
        byte[] bytes = XorChunks.encode(T, V, T.length);
        assertThat(new Chunk(1000, 31000, Chunk.XOR, bytes).data()).isSameAs(bytes);
        assertThatThrownBy(() -> new Chunk(0, 1, Chunk.XOR, bytes, 1, bytes.length))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Chunk(0, 1, Chunk.XOR, bytes, -1, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
