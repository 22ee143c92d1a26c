package io.thanosjava.stores.memory;

import io.thanosjava.model.Labels;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreApiAcceptanceSuite;
import io.thanosjava.stores.StoreServer;
import java.net.InetSocketAddress;
import java.util.List;

/** The StoreAPI acceptance suite against the in-memory store over loopback gRPC (Netty). */
class InMemoryStoreAcceptanceTest extends StoreApiAcceptanceSuite {
    private StoreServer server;

    @Override
    protected String startStore(List<FixtureSeries> series, Labels externalLabels) throws Exception {
        InMemoryStoreBuilder builder = new InMemoryStoreBuilder();
        for (FixtureSeries s : series) {
            int id = builder.series(s.labels());
            for (int i = 0; i < s.timestamps().length; i++) {
                builder.append(id, s.timestamps()[i], s.values()[i]);
            }
        }
        server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), builder.build(), externalLabels,
                InfoService.COMPONENT_STORE);
        return "127.0.0.1:" + server.port();
    }

    @Override
    protected void stopStore() {
        server.close();
    }
}
