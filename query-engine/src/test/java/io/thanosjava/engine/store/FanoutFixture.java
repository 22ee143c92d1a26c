package io.thanosjava.engine.store;

import io.grpc.Server;
import io.thanosjava.dedup.ChunkSeries;
import io.thanosjava.dedup.ChunkSeriesSet;
import io.thanosjava.model.Labels;
import io.thanosjava.model.SampleIterator;
import io.thanosjava.model.SeriesSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Four fake stores (2 shards x 2 replicas) on loopback gRPC, and helpers to read results. */
final class FanoutFixture implements AutoCloseable {
    final Loopback loopback = new Loopback();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fanout-test-watchdog");
        t.setDaemon(true);
        return t;
    });
    final FakeStore[] stores = new FakeStore[4];
    final TenantCapture[] captures = new TenantCapture[4];
    final List<StoreEndpoint> endpoints = new ArrayList<>();

    FanoutFixture() {
        for (int shard = 0; shard < 2; shard++) {
            for (int replica = 0; replica < 2; replica++) {
                int k = shard * 2 + replica;
                stores[k] = new FakeStore(ShardedReplicas.externalLabels(shard, replica),
                        ShardedReplicas.store(shard, replica));
                captures[k] = new TenantCapture();
                Server server = loopback.serve(captures[k], stores[k]);
                endpoints.add(loopback.endpoint(server, StoreInfo.store(
                        List.of(ShardedReplicas.externalLabels(shard, replica)), 0, ShardedReplicas.END)));
            }
        }
    }

    StoreQueryable queryable(List<StoreEndpoint> targets, FanoutOptions options, QuerySettings settings) {
        return new StoreQueryable(() -> targets, new SeriesFanout(options, scheduler), new LabelFanout(options),
                settings);
    }

    StoreQueryable queryable(FanoutOptions options, QuerySettings settings) {
        return queryable(endpoints, options, settings);
    }

    /** A decoded series: labels and raw sample arrays. */
    record Decoded(Labels labels, long[] t, long[] valueBits) {
    }

    static List<Decoded> readAll(SeriesSet set) {
        List<Decoded> out = new ArrayList<>();
        try (set) {
            while (set.next()) {
                out.add(decode(set.at().labels(), set.at().iterator()));
            }
        }
        return out;
    }

    static Decoded decode(Labels labels, SampleIterator it) {
        long[] t = new long[ShardedReplicas.SAMPLES * 2];
        long[] v = new long[t.length];
        int n = 0;
        while (it.next()) {
            t[n] = it.atT();
            v[n] = Double.doubleToRawLongBits(it.atV());
            n++;
        }
        return new Decoded(labels, java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(v, n));
    }

    /** The complete two-hour series of (shard, i), as no replica missed it. */
    static Decoded full(int shard, int i, Labels labels) {
        long[] t = new long[ShardedReplicas.SAMPLES];
        long[] v = new long[t.length];
        for (int s = 0; s < t.length; s++) {
            t[s] = s * ShardedReplicas.STEP;
            v[s] = Double.doubleToRawLongBits(ShardedReplicas.value(shard, i, s));
        }
        return new Decoded(labels, t, v);
    }

    /** What replica (shard, replica) holds of series i, with all its labels. */
    static Decoded replica(int shard, int replica, int i) {
        ChunkSeries s = ShardedReplicas.store(shard, replica).get(i);
        Labels labels = s.labels().toBuilder().set("cluster", ShardedReplicas.CLUSTERS[shard])
                .set("replica", ShardedReplicas.REPLICAS[replica]).build();
        return decode(labels, new io.thanosjava.dedup.ChunkSeriesIterator(s.chunks()));
    }

    static List<Decoded> readAll(ChunkSeriesSet set, long mint, long maxt) {
        return readAll(new io.thanosjava.dedup.DecodedSeriesSet(set, mint, maxt));
    }

    @Override
    public void close() throws InterruptedException {
        loopback.close();
        scheduler.shutdownNow();
    }
}
