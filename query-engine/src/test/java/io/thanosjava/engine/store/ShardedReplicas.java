package io.thanosjava.engine.store;

import io.thanosjava.dedup.ChunkSeries;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.model.chunk.XorAppender;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data: two shards (clusters c1, c2) of {@link #SERIES_PER_SHARD} counters each, scraped every 15 s
 * for two hours, held by two replicas per shard that scraped the same samples but each missed a
 * different ten-minute gap. Chunks hold at most 120 samples and are cut at gaps.
 */
final class ShardedReplicas {
    static final int SERIES_PER_SHARD = 20;
    static final long STEP = 15_000;
    static final int SAMPLES = 480;
    static final long END = (SAMPLES - 1) * STEP;
    static final String[] CLUSTERS = {"c1", "c2"};
    static final String[] REPLICAS = {"r0", "r1"};
    /** Gap [from, to) in ms per replica index. */
    private static final long[][] GAPS = {{20 * 60_000, 30 * 60_000}, {60 * 60_000, 70 * 60_000}};

    private ShardedReplicas() {
    }

    static Labels externalLabels(int shard, int replica) {
        return Labels.of("cluster", CLUSTERS[shard], "replica", REPLICAS[replica]);
    }

    /** Series labels without external labels. */
    static Labels seriesLabels(int shard, int i) {
        return Labels.of("__name__", "http_requests_total", "instance", String.format("i%03d", i),
                "job", shard == 0 ? "api" : "web");
    }

    static double value(int shard, int i, int sample) {
        return sample * (1.5 + i) + shard * 1000 + 0.1 * (sample % 7);
    }

    static boolean inGap(int replica, long t) {
        return t >= GAPS[replica][0] && t < GAPS[replica][1];
    }

    /** What the store of (shard, replica) holds, sorted by labels. */
    static List<ChunkSeries> store(int shard, int replica) {
        List<ChunkSeries> out = new ArrayList<>();
        for (int i = 0; i < SERIES_PER_SHARD; i++) {
            List<Chunk> chunks = new ArrayList<>();
            XorAppender appender = new XorAppender();
            for (int s = 0; s < SAMPLES; s++) {
                long t = s * STEP;
                if (inGap(replica, t)) {
                    cut(appender, chunks);
                    continue;
                }
                appender.append(t, value(shard, i, s));
                if (appender.numSamples() == 120) {
                    cut(appender, chunks);
                }
            }
            cut(appender, chunks);
            out.add(new ChunkSeries(seriesLabels(shard, i), chunks));
        }
        return out;
    }

    private static void cut(XorAppender appender, List<Chunk> chunks) {
        if (appender.numSamples() > 0) {
            chunks.add(appender.toChunk());
            appender.reset();
        }
    }
}
