package io.thanosjava.server.e2e;

import io.thanosjava.model.Labels;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.memory.ExpositionLoader;
import io.thanosjava.stores.sidecar.PrometheusSidecar;
import io.thanosjava.stores.sidecar.SidecarOptions;
import io.thanosjava.testing.prometheus.PrometheusFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The oracle and both routes under test, started once per test JVM and shared by the differential
 * test classes: a Prometheus 2.42 holding {@link DifferentialData}; route 1, a querier in front of
 * our sidecar in front of that Prometheus; route 2, a querier over 2 shards x 2 replicas of
 * in-memory stores, deduplicated on {@code replica}.
 *
 * <p>Prometheus' external labels are {@code cluster="c1", replica="r0"} (a sidecar refuses to serve
 * without any); the stores carry only {@code replica}, so route 2's answers carry exactly
 * Prometheus' labels, while route 1's carry {@code cluster="c1"} too, which {@link
 * DifferentialComparison} removes.
 */
final class DifferentialEnvironment implements AutoCloseable {
    static final String EXTERNAL_LABEL = "cluster";
    private static DifferentialEnvironment shared;

    final DifferentialData data;
    final PrometheusFixture prometheus;
    final RunningQuerier viaSidecar;
    final RunningQuerier viaStores;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Path dir;

    private DifferentialEnvironment(long seed) throws Exception {
        data = new DifferentialData(seed);
        dir = Files.createTempDirectory("differential");
        prometheus = PrometheusFixture.start(data.openMetrics(), Map.of(EXTERNAL_LABEL, "c1", "replica", "r0"));
        resources.add(prometheus);
        try {
            PrometheusSidecar sidecarBackend = PrometheusSidecar.connect(SidecarOptions.defaults(prometheus.baseUrl()));
            resources.add(sidecarBackend::close);
            StoreServer sidecar = StoreServer.start(loopback(), sidecarBackend, sidecarBackend.externalLabels(), "sidecar");
            resources.add(sidecar::close);
            viaSidecar = RunningQuerier.start("--endpoint", "127.0.0.1:" + sidecar.port(),
                    "--query.replica-label", "replica");
            resources.add(viaSidecar);
            List<String> flags = new ArrayList<>(List.of("--query.replica-label", "replica"));
            for (int shard = 0; shard < 2; shard++) {
                for (int replica = 0; replica < 2; replica++) {
                    StoreServer store = replicaStore(shard, replica);
                    resources.add(store::close);
                    flags.add("--endpoint");
                    flags.add("127.0.0.1:" + store.port());
                }
            }
            viaStores = RunningQuerier.start(flags.toArray(String[]::new));
            resources.add(viaStores);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** The environment of this JVM, started on first use and closed at JVM exit. */
    static synchronized DifferentialEnvironment shared() throws Exception {
        if (shared == null) {
            shared = new DifferentialEnvironment(20261118L);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "differential-shutdown"));
        }
        return shared;
    }

    private StoreServer replicaStore(int shard, int replica) throws IOException {
        Path file = dir.resolve("shard" + shard + "-replica" + replica + ".om");
        Files.writeString(file, data.replica(shard, replica), StandardCharsets.UTF_8);
        return StoreServer.start(loopback(), ExpositionLoader.load(List.of(file)),
                Labels.of("replica", replica == 0 ? "a" : "b"), "store");
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // best effort at shutdown
            }
        }
        resources.clear();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
