package io.thanosjava.model.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.model.chunk.GoldenChunks.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bit-exact agreement with chunks written by a real Prometheus server. */
class XorGoldenTest {
    @Test
    void goldenSetIsComplete() {
        List<Golden> all = GoldenChunks.all();
        assertThat(all).hasSize(237);
        assertThat(all.stream().mapToInt(g -> g.timestamps().length).sum()).isEqualTo(22_809);
    }

    @Test
    void everyGoldenChunkDecodesToTheListedSamples() {
        XorChunkIterator it = new XorChunkIterator();
        for (Golden g : GoldenChunks.all()) {
            it.reset(new Chunk(g.minTime(), g.maxTime(), Chunk.XOR, g.data()));
            assertThat(it.numSamples()).as("count of %s", g).isEqualTo(g.timestamps().length);
            for (int i = 0; i < g.timestamps().length; i++) {
                assertThat(it.next()).as("sample %d of %s", i, g).isTrue();
                assertThat(it.atT()).as("t of sample %d of %s", i, g).isEqualTo(g.timestamps()[i]);
                assertThat(Long.toHexString(Double.doubleToRawLongBits(it.atV())))
                        .as("value bits of sample %d of %s", i, g).isEqualTo(Long.toHexString(g.valueBits()[i]));
                assertThat(it.atValueBits()).isEqualTo(g.valueBits()[i]);
            }
            assertThat(it.next()).as("end of %s", g).isFalse();
            assertThat(g.timestamps()[0]).isEqualTo(g.minTime());
            assertThat(g.timestamps()[g.timestamps().length - 1]).isEqualTo(g.maxTime());
        }
    }

    @Test
    void bulkDecodeMatchesTheIteratorAndKeepsRawBits() {
        SampleBuffer buf = new SampleBuffer(4);
        for (Golden g : GoldenChunks.all()) {
            buf.clear();
            assertThat(XorChunks.decodeInto(g.data(), buf)).isEqualTo(g.timestamps().length);
            assertThat(buf.size()).isEqualTo(g.timestamps().length);
            for (int i = 0; i < buf.size(); i++) {
                assertThat(buf.timestamp(i)).isEqualTo(g.timestamps()[i]);
                assertThat(Double.doubleToRawLongBits(buf.value(i))).isEqualTo(g.valueBits()[i]);
            }
        }
    }

    @Test
    void bulkDecodeFiltersByInclusiveTimeRange() {
        SampleBuffer buf = new SampleBuffer();
        for (Golden g : GoldenChunks.all()) {
            long[] ts = g.timestamps();
            long mint = ts[ts.length / 3];
            long maxt = ts[(2 * ts.length) / 3];
            buf.clear();
            buf.add(-1, 0.5); // decodeInto appends after what is there
            int n = XorChunks.decodeInto(new Chunk(g.minTime(), g.maxTime(), Chunk.XOR, g.data()), mint, maxt, buf);
            int expected = 0;
            for (long t : ts) {
                if (t >= mint && t <= maxt) {
                    assertThat(buf.timestamp(1 + expected)).isEqualTo(t);
                    expected++;
                }
            }
            assertThat(n).as("%s in [%d, %d]", g, mint, maxt).isEqualTo(expected);
            assertThat(buf.size()).isEqualTo(1 + expected);
            assertThat(buf.timestamp(0)).isEqualTo(-1);
        }
    }

    @Test
    void reencodingGoldenSamplesGivesPrometheusBytes() {
        XorAppender appender = new XorAppender();
        for (Golden g : GoldenChunks.all()) {
            appender.reset();
            for (int i = 0; i < g.timestamps().length; i++) {
                appender.append(g.timestamps()[i], Double.longBitsToDouble(g.valueBits()[i]));
            }
            assertThat(appender.bytes()).as("bytes of %s", g).isEqualTo(g.data());
            Chunk chunk = appender.toChunk();
            assertThat(chunk.minTime()).isEqualTo(g.minTime());
            assertThat(chunk.maxTime()).isEqualTo(g.maxTime());
        }
    }

    @Test
    void seekFindsFirstSampleAtOrAfterTarget() {
        XorChunkIterator it = new XorChunkIterator();
        for (Golden g : GoldenChunks.all()) {
            long[] ts = g.timestamps();
            int k = ts.length / 2;
            it.reset(g.data());
            assertThat(it.seek(ts[k] - 1)).isTrue();
            assertThat(it.atT()).isEqualTo(k > 0 && ts[k - 1] >= ts[k] - 1 ? ts[k - 1] : ts[k]);
            it.reset(g.data());
            assertThat(it.seek(ts[k])).isTrue();
            assertThat(it.atT()).isEqualTo(ts[k]);
            assertThat(it.seek(Long.MIN_VALUE)).as("seek never moves backwards").isTrue();
            assertThat(it.atT()).isEqualTo(ts[k]);
            assertThat(it.seek(ts[ts.length - 1] + 1)).isFalse();
            assertThat(it.seek(Long.MIN_VALUE)).as("exhausted stays exhausted").isFalse();
        }
    }
}
