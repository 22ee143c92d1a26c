package io.thanosjava.dedup;

import static io.thanosjava.dedup.Sample.drain;
import static io.thanosjava.dedup.Sample.samples;
import static io.thanosjava.dedup.TestData.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.StaleNaN;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.ChunkDecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IteratorTest {
    private static final double OTHER_NAN = Double.longBitsToDouble(0x7ff8000000000abcL);

    @Test
    void chunkSeriesIteratorUnionsOverlappingChunksFirstChunkWinningTies() {
        Chunk first = chunk(samples(0, 1, 20, 1, 40, 1));
        Chunk second = chunk(samples(10, 2, 20, 2, 30, 2, 50, 2));
        Chunk later = chunk(samples(100, 3, 110, 3));
        assertThat(drain(new ChunkSeriesIterator(List.of(later, second, first))))
                .containsExactlyElementsOf(samples(0, 1, 10, 2, 20, 1, 30, 2, 40, 1, 50, 2, 100, 3, 110, 3));
    }

    @Test
    void chunkSeriesIteratorBoundsAndSeeks() {
        List<Chunk> chunks = List.of(chunk(samples(0, 1, 10, 1)), chunk(samples(20, 2, 30, 2)), chunk(samples(25, 3, 40, 3)));
        assertThat(drain(new ChunkSeriesIterator(chunks, 10, 30))).containsExactlyElementsOf(samples(10, 1, 20, 2, 25, 3, 30, 2));
        assertThat(drain(new ChunkSeriesIterator(chunks, 31, 30))).isEmpty();

        SampleIterator it = new ChunkSeriesIterator(chunks);
        assertThat(it.seek(21)).isTrue();
        assertThat(it.atT()).isEqualTo(25);
        assertThat(it.seek(5)).isTrue();
        assertThat(it.atT()).as("never moves back").isEqualTo(25);
        assertThat(it.next()).isTrue();
        assertThat(it.atT()).isEqualTo(30);
        assertThat(it.seek(41)).isFalse();
        assertThat(it.next()).isFalse();
    }

    @Test
    void staleMarkersAndNanPayloadsKeepTheirBits() {
        List<Chunk> chunks = List.of(chunk(samples(0, 1, 10, StaleNaN.VALUE, 20, OTHER_NAN)), chunk(samples(5, StaleNaN.VALUE, 10, 7)));
        List<Sample> out = drain(new ChunkSeriesIterator(chunks));
        assertThat(out).containsExactlyElementsOf(samples(0, 1, 5, StaleNaN.VALUE, 10, StaleNaN.VALUE, 20, OTHER_NAN));
        assertThat(out.get(1).bits()).isEqualTo(StaleNaN.BITS);
        assertThat(out.get(3).bits()).isEqualTo(0x7ff8000000000abcL);
    }

    @Test
    void unsupportedEncodingFailsClearly() {
        Chunk histogram = new Chunk(0, 10, Chunk.HISTOGRAM, new byte[] {0, 1, 0});
        SampleIterator it = new ChunkSeriesIterator(List.of(histogram));
        assertThatThrownBy(it::next).isInstanceOf(ChunkDecodeException.class).hasMessageContaining("not XOR");
    }

    @Test
    void chainMergeSeeksBeforeAndAfterNext() {
        SampleIterator it = DedupIterators.chain(List.of(arrays(samples(0, 1, 20, 1)), arrays(samples(10, 2, 20, 2, 30, 2))));
        assertThat(it.seek(15)).isTrue();
        assertThat(Sample.of(it.atT(), it.atV())).isEqualTo(Sample.of(20, 1));
        assertThat(it.seek(20)).isTrue();
        assertThat(it.next()).isTrue();
        assertThat(it.atT()).isEqualTo(30);
        assertThat(it.next()).isFalse();
        assertThat(it.seek(0)).isFalse();
    }

    @Test
    void penaltySeekBeforeNextStillStrictlyIncreases() {
        // B's first sample is the earlier one; a seek before any next must not report A's first.
        SampleIterator it = DedupIterators.penalty(List.of(arrays(samples(10, 1, 20, 1)), arrays(samples(5, 2, 25, 2))), false);
        assertThat(it.seek(0)).isTrue();
        assertThat(it.atT()).isEqualTo(5);
        List<Sample> rest = drain(it);
        assertThat(rest).isNotEmpty();
        assertThat(rest.get(0).t()).isGreaterThan(5);
        assertThat(it.seek(1000)).isFalse();
    }

    /**
     * Unlike Thanos, nothing is adjusted before the first sample is emitted: a replica that starts
     * earlier keeps its values (Thanos would lift B's 50 to A's not-yet-emitted 100, found by the
     * differential tests against Prometheus as too-low rates at later switches).
     */
    @Test
    void noCounterAdjustmentBeforeTheFirstEmittedSample() {
        SampleIterator it = DedupIterators.penalty(List.of(arrays(samples(10, 100)), arrays(samples(5, 50, 20, 60))), true);
        assertThat(drain(it)).containsExactlyElementsOf(samples(5, 50, 20, 60));
    }

    @Test
    void arraySampleIteratorSeeksLinearlyAndByBisection() {
        long[] t = new long[100];
        double[] v = new double[100];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 10L;
            v[i] = i;
        }
        ArraySampleIterator it = new ArraySampleIterator(t, v, 10, 90);
        assertThat(it.seek(0)).isTrue();
        assertThat(it.atT()).isEqualTo(100);
        assertThat(it.seek(131)).isTrue();
        assertThat(it.atT()).isEqualTo(140);
        assertThat(it.seek(700)).isTrue();
        assertThat(it.atT()).isEqualTo(700);
        assertThat(it.seek(891)).isFalse();
        assertThat(it.next()).isFalse();
        assertThatThrownBy(() -> new ArraySampleIterator(t, v, 5, 101)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    static ArraySampleIterator arrays(List<Sample> samples) {
        long[] t = new long[samples.size()];
        double[] v = new double[samples.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = samples.get(i).t();
            v[i] = samples.get(i).v();
        }
        return new ArraySampleIterator(t, v, 0, t.length);
    }
}
