package io.thanosjava.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.store.InfoRequest;
import io.thanosjava.storeapi.proto.store.InfoResponse;
import io.thanosjava.storeapi.proto.store.StoreType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery and health of endpoints against real loopback servers. */
class EndpointSetTest {
    private final Loopback loopback = new Loopback();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void stop() throws InterruptedException {
        loopback.close();
        executor.shutdownNow();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private Server storeServer(String cluster, FakeInfo info) {
        return loopback.serve(new TenantCapture(), new FakeStore(Labels.of("cluster", cluster), List.of()), info);
    }

    private EndpointSet endpointSet(List<String> endpoints, List<String> strict, List<String> files) {
        EndpointSet.Config defaults = EndpointSet.Config.of(endpoints, strict, files);
        EndpointSet.Config config = new EndpointSet.Config(endpoints, strict, files, Duration.ofMinutes(5),
                defaults.dnsInterval(), defaults.infoInterval(), Duration.ofSeconds(1), Duration.ofMinutes(5),
                defaults.transport());
        return new EndpointSet(config, new JdkDnsResolver(), clock, executor);
    }

    @Test
    void infoDescribesEachStoreAndLegacyStoresAreAskedStoreInfo() {
        Server modern = storeServer("c1", new FakeInfo("sidecar", Labels.of("cluster", "c1"), 1000, Long.MAX_VALUE));
        Server legacy = loopback.serve(new TenantCapture(), new FakeStore(Labels.empty(), List.of()) {
            @Override
            public void info(InfoRequest request, StreamObserver<InfoResponse> observer) {
                observer.onNext(InfoResponse.newBuilder().setStoreType(StoreType.STORE).setMinTime(5).setMaxTime(50)
                        .addLabelSets(LabelsConverter.toZLabelSet(Labels.of("cluster", "old"))).build());
                observer.onCompleted();
            }
        });
        try (EndpointSet set = endpointSet(List.of(Loopback.address(modern), Loopback.address(legacy)), List.of(),
                List.of())) {
            set.refresh();
            assertThat(set.storeEndpoints()).extracting(StoreEndpoint::address)
                    .containsExactly(Loopback.address(modern), Loopback.address(legacy));
            StoreInfo m = set.storeEndpoints().get(0).info();
            assertThat(m.componentType()).isEqualTo("sidecar");
            assertThat(m.labelSets()).containsExactly(Labels.of("cluster", "c1"));
            assertThat(m.minTime()).isEqualTo(1000);
            assertThat(m.supportsWithoutReplicaLabels()).isTrue();
            StoreInfo l = set.storeEndpoints().get(1).info();
            assertThat(l).isEqualTo(new StoreInfo("store", List.of(Labels.of("cluster", "old")), 5, 50, true, false,
                    false));
            assertThat(set.statuses()).allSatisfy(s -> {
                assertThat(s.healthy()).isTrue();
                assertThat(s.lastError()).isEmpty();
                assertThat(s.lastCheck()).isEqualTo(clock.instant());
            });
        }
    }

    @Test
    void unhealthyEndpointIsExcludedReportedAndComesBack() throws Exception {
        FakeInfo info = new FakeInfo("store", Labels.of("cluster", "c1"), 0, 100);
        Server server = storeServer("c1", info);
        String address = Loopback.address(server);
        try (EndpointSet set = endpointSet(List.of(address), List.of(), List.of())) {
            set.refresh();
            assertThat(set.storeEndpoints()).hasSize(1);

            info.ready = false;
            clock.advance(Duration.ofSeconds(5));
            set.refresh();
            assertThat(set.storeEndpoints()).isEmpty();
            assertThat(set.statuses()).singleElement().satisfies(s -> {
                assertThat(s.healthy()).isFalse();
                assertThat(s.lastError()).contains("Not ready");
                assertThat(s.info().labelSets()).containsExactly(Labels.of("cluster", "c1"));
            });

            info.ready = true;
            set.refresh();
            assertThat(set.storeEndpoints()).extracting(StoreEndpoint::address).containsExactly(address);

            // Down for good: dropped once the last success is older than the unhealthy timeout.
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            clock.advance(Duration.ofMinutes(1));
            set.refresh();
            assertThat(set.statuses()).singleElement().satisfies(s -> assertThat(s.healthy()).isFalse());
            clock.advance(Duration.ofMinutes(5));
            set.refresh();
            assertThat(set.statuses()).isEmpty();
        }
    }

    @Test
    void serverRestartedOnTheSamePortIsPickedUpAgain() throws Exception {
        FakeInfo info = new FakeInfo("store", Labels.of("cluster", "c1"), 0, 100);
        Server server = storeServer("c1", info);
        int port = server.getPort();
        try (EndpointSet set = endpointSet(List.of("127.0.0.1:" + port), List.of(), List.of())) {
            set.refresh();
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            set.refresh();
            assertThat(set.storeEndpoints()).isEmpty();
            Server again = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)).addService(info)
                    .build().start();
            try {
                set.refresh();
                assertThat(set.storeEndpoints()).hasSize(1);
            } finally {
                again.shutdownNow();
            }
        }
    }

    @Test
    void newEndpointThatIsDownIsNotAddedButStrictOneIsKeptAndQueried() {
        String down = "127.0.0.1:" + Loopback.closedPort();
        String strictDown = "127.0.0.1:" + Loopback.closedPort();
        try (EndpointSet set = endpointSet(List.of(down), List.of(strictDown), List.of())) {
            set.refresh();
            assertThat(set.statuses()).singleElement().satisfies(s -> {
                assertThat(s.address()).isEqualTo(strictDown);
                assertThat(s.strict()).isTrue();
                assertThat(s.healthy()).isFalse();
                assertThat(s.lastError()).isNotEmpty();
            });
            assertThat(set.storeEndpoints()).singleElement().satisfies(e -> {
                assertThat(e.address()).isEqualTo(strictDown);
                assertThat(e.info()).isEqualTo(StoreInfo.unknownStrict());
            });
        }
    }

    @Test
    void fileDiscoveryIsReloadedWhenTheFileChanges(@TempDir Path dir) throws IOException {
        Server a = storeServer("a", new FakeInfo("store", Labels.of("cluster", "a"), 0, 100));
        Server b = storeServer("b", new FakeInfo("store", Labels.of("cluster", "b"), 0, 100));
        Path file = dir.resolve("stores.yml");
        Files.writeString(file, "- targets: ['" + Loopback.address(a) + "']\n  labels: {dc: x}\n");
        try (EndpointSet set = endpointSet(List.of(), List.of(), List.of(dir.resolve("*.yml").toString()))) {
            set.refresh();
            assertThat(set.storeEndpoints()).extracting(StoreEndpoint::address).containsExactly(Loopback.address(a));

            Files.writeString(file, "[{\"targets\": [\"" + Loopback.address(b) + "\", \"" + Loopback.address(a)
                    + "\"]}]\n");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            set.refresh();
            assertThat(set.storeEndpoints()).extracting(StoreEndpoint::address)
                    .containsExactlyInAnyOrder(Loopback.address(a), Loopback.address(b));

            Files.writeString(file, "targets: not-a-list\n");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 9000));
            set.refresh();
            assertThat(set.storeEndpoints()).hasSize(2);
            assertThat(set.fileSdErrors()).containsKey(file);

            Files.writeString(file, "[]\n");
            clock.advance(Duration.ofMinutes(6)); // --store.sd-interval forces a re-read even if mtime looked equal
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 9000));
            set.refresh();
            assertThat(set.storeEndpoints()).isEmpty();
            assertThat(set.fileSdErrors()).isEmpty();
        }
    }

    @Test
    void dnsEndpointsResolveToAddresses() {
        Server server = storeServer("c1", new FakeInfo("store", Labels.of("cluster", "c1"), 0, 100));
        EndpointSet.Config defaults = EndpointSet.Config.of(List.of("dns+localhost:" + server.getPort()), List.of(),
                List.of());
        DnsResolver onlyIpv4 = spec -> new JdkDnsResolver().resolve(spec).stream()
                .filter(a -> a.startsWith("127.")).toList();
        try (EndpointSet set = new EndpointSet(defaults, onlyIpv4, clock, executor)) {
            set.refresh();
            assertThat(set.storeEndpoints()).extracting(StoreEndpoint::address)
                    .containsExactly("127.0.0.1:" + server.getPort());
        }
    }
}
