package io.thanosjava.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.engine.store.ClientTlsOptions;
import io.thanosjava.engine.store.ClientTransportOptions;
import io.thanosjava.engine.store.EndpointSet;
import io.thanosjava.engine.store.FanoutOptions;
import io.thanosjava.engine.store.JdkDnsResolver;
import io.thanosjava.engine.store.LabelFanout;
import io.thanosjava.engine.store.SeriesFanout;
import io.thanosjava.server.demo.DemoStores;
import io.thanosjava.server.grpc.StoreClientMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the store layer from the flags: the endpoint set, or the built-in demo stores when no endpoint is given. */
final class StoreAccessFactory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreAccessFactory.class);

    private StoreAccessFactory() {
    }

    static FanoutStoreAccess create(QueryCommand flags, MeterRegistry registry) throws IOException {
        List<String> endpoints = new ArrayList<>(flags.endpoints);
        List<AutoCloseable> owned = new ArrayList<>();
        if (endpoints.isEmpty() && flags.strictEndpoints.isEmpty() && flags.sdFiles.isEmpty()) {
            DemoStores demo = DemoStores.start(System.currentTimeMillis());
            owned.add(demo);
            endpoints.addAll(demo.addresses());
            if (flags.replicaLabels.isEmpty()) {
                flags.replicaLabels = List.of(DemoStores.REPLICA_LABEL);
            }
            LOG.info("no endpoints given: serving built-in demo data from {} in-process stores ({}), replica label \"{}\"",
                    demo.addresses().size(), String.join(", ", demo.addresses()), String.join(",", flags.replicaLabels));
        }
        ClientTransportOptions transport = new ClientTransportOptions(
                ClientTransportOptions.Compression.fromFlag(flags.grpcCompression.name()),
                new ClientTlsOptions(flags.tlsSecure, flags.tlsCert, flags.tlsKey, flags.tlsCa, flags.tlsServerName,
                        flags.tlsSkipVerify));
        EndpointSet.Config config = new EndpointSet.Config(endpoints, flags.strictEndpoints, flags.sdFiles,
                flags.sdInterval, flags.dnsInterval, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(5),
                transport);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("store-scheduler"));
        ExecutorService infoExecutor = Executors.newCachedThreadPool(daemon("store-info"));
        StoreClientMetrics clientMetrics = new StoreClientMetrics(registry);
        EndpointSet set = new EndpointSet(config, new JdkDnsResolver(), Clock.systemUTC(), infoExecutor,
                clientMetrics::forEndpoint);
        FanoutOptions fanout = FanoutOptions.defaults()
                .withResponseTimeout(flags.storeResponseTimeout)
                .withCallTimeout(flags.queryTimeout)
                .withLimits(flags.requestSeriesLimit, flags.requestSamplesLimit);
        DedupAlgorithm algorithm = flags.dedupFunc == QueryCommand.DedupFunc.chain ? DedupAlgorithm.CHAIN : DedupAlgorithm.PENALTY;
        FanoutStoreAccess access = new FanoutStoreAccess(set, new SeriesFanout(fanout, scheduler), new LabelFanout(fanout),
                algorithm, scheduler, infoExecutor, owned);
        int grpcPort;
        try {
            access.start();
            grpcPort = access.serveStoreApi(ListenAddresses.parse(flags.spec, flags.grpcAddress, "--grpc-address"));
        } catch (IOException | RuntimeException e) {
            access.close();
            throw e;
        }
        LOG.info("serving the StoreAPI (Store, Info) on {} (port {})", flags.grpcAddress, grpcPort);
        return access;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
