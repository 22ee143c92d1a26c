package io.thanosjava.examples;

import io.thanosjava.model.Labels;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.memory.InMemoryStoreBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-ins for a Thanos fleet: one in-memory StoreAPI server per HA replica on a free loopback
 * port, with external labels {@code cluster="eu", replica="a"|"b"} as two sidecars would announce.
 */
final class ReplicaStoreServers implements AutoCloseable {
    private final List<StoreServer> servers;

    private ReplicaStoreServers(List<StoreServer> servers) {
        this.servers = servers;
    }

    static ReplicaStoreServers start() throws IOException {
        List<StoreServer> servers = new ArrayList<>();
        try {
            for (ExampleData.Replica replica : ExampleData.Replica.values()) {
                InMemoryStoreBuilder store = new InMemoryStoreBuilder();
                ExampleData.scrapes(replica, (labels, timestamps, values) -> {
                    int id = store.series(labels);
                    for (int i = 0; i < timestamps.length; i++) {
                        store.append(id, timestamps[i], values[i]);
                    }
                });
                servers.add(StoreServer.start(new InetSocketAddress("127.0.0.1", 0), store.build(),
                        Labels.of("cluster", "eu", ExampleData.REPLICA_LABEL, replica.name), "sidecar"));
            }
        } catch (IOException | RuntimeException e) {
            servers.forEach(StoreServer::close);
            throw e;
        }
        return new ReplicaStoreServers(servers);
    }

    /** {@code host:port} of each server, as {@code Querier.Builder.endpoints} takes them. */
    List<String> addresses() {
        return servers.stream().map(s -> "127.0.0.1:" + s.port()).toList();
    }

    @Override
    public void close() {
        servers.forEach(StoreServer::close);
    }
}
