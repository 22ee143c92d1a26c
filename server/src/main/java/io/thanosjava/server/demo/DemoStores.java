package io.thanosjava.server.demo;

import io.thanosjava.model.Labels;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.memory.InMemoryStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in demo: three real StoreAPI servers on loopback (two sidecars of an HA pair and a store
 * gateway with older data), queried through the same gRPC fan-out as any other endpoint.
 */
public final class DemoStores implements AutoCloseable {
    public static final String REPLICA_LABEL = DemoData.REPLICA_LABEL;

    private final List<StoreServer> servers;
    private final List<String> addresses;

    private DemoStores(List<StoreServer> servers, List<String> addresses) {
        this.servers = servers;
        this.addresses = addresses;
    }

    /** Generates the data ending at {@code nowMillis} and starts the servers on free loopback ports. */
    public static DemoStores start(long nowMillis) throws IOException {
        List<StoreServer> servers = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        try {
            add(servers, addresses, DemoData.replicaA(nowMillis), Labels.of("cluster", "demo", REPLICA_LABEL, "a"), "sidecar");
            add(servers, addresses, DemoData.replicaB(nowMillis), Labels.of("cluster", "demo", REPLICA_LABEL, "b"), "sidecar");
            add(servers, addresses, DemoData.storeGateway(nowMillis), Labels.of("cluster", "demo", REPLICA_LABEL, "a"), "store");
        } catch (IOException | RuntimeException e) {
            servers.forEach(StoreServer::close);
            throw e;
        }
        return new DemoStores(servers, addresses);
    }

    private static void add(List<StoreServer> servers, List<String> addresses, InMemoryStore store, Labels external,
                            String component) throws IOException {
        StoreServer s = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), store, external, component);
        servers.add(s);
        addresses.add("127.0.0.1:" + s.port());
    }

    public List<String> addresses() {
        return addresses;
    }

    @Override
    public void close() {
        servers.forEach(StoreServer::close);
    }
}
