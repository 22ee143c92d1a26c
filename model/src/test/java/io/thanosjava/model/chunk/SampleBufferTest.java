package io.thanosjava.model.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleBufferTest {
    @Test
    void bulkWritersFillTheArraysAndSetTheSize() {
        SampleBuffer buffer = new SampleBuffer(0);
        buffer.ensureCapacity(3);
        for (int i = 0; i < 3; i++) {
            buffer.timestamps()[i] = 10L * i;
            buffer.values()[i] = i;
        }
        buffer.setSize(3);
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.timestamp(2)).isEqualTo(20);
        assertThat(buffer.value(1)).isEqualTo(1.0);
    }

    @Test
    void setSizeStaysWithinTheArrays() {
        SampleBuffer buffer = new SampleBuffer(4);
        assertThatThrownBy(() -> buffer.setSize(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.setSize(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(buffer.size()).isZero();
    }
}
