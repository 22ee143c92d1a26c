package io.thanosjava.benchmarks.fanout;

import io.thanosjava.model.Labels;
import io.thanosjava.stores.InfoService;
import io.thanosjava.stores.StoreServer;
import io.thanosjava.stores.memory.InMemoryStore;
import io.thanosjava.stores.memory.InMemoryStoreBuilder;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The stores of {@link FanInHarness}, in a process of their own so that the harness's process CPU time
 * is the query layer's alone: {@code stores} in-memory stores of {@code series} series of {@code samples}
 * samples each (XOR chunks of 120; series {@code i} counts up by (7k + i) mod 13 every 15 s), store
 * {@code s} under the external label {@code store="s<s>"}. Prints {@code ports: <port> ...} on standard
 * output once every server listens, reports the heap the data retains on standard error, and serves until
 * standard input closes.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.thanosjava.benchmarks.fanout.FanInStores
 * stores series samples}.
 */
public final class FanInStores {
    private FanInStores() {
    }

    public static void main(String[] args) throws Exception {
        int stores = Integer.parseInt(args[0]);
        int series = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        long heapBefore = settledHeap();
        List<InMemoryStore> loaded = new ArrayList<>();
        for (int s = 0; s < stores; s++) {
            loaded.add(store(series, samples));
        }
        long storeHeap = settledHeap() - heapBefore;
        long storedSamples = (long) stores * series * samples;
        System.err.printf(Locale.ROOT, "stores: %d samples, %.2f B/sample of XOR chunk data, %.2f B/sample of"
                + " heap retained in all (%d MiB)%n", storedSamples,
                loaded.stream().mapToLong(InMemoryStore::chunkBytes).sum() / (double) storedSamples,
                storeHeap / (double) storedSamples, storeHeap >> 20);
        List<StoreServer> servers = new ArrayList<>();
        StringJoiner ports = new StringJoiner(" ", "ports: ", "");
        try {
            for (int s = 0; s < stores; s++) {
                StoreServer server = StoreServer.start(new InetSocketAddress("127.0.0.1", 0), loaded.get(s),
                        externalLabels(s), InfoService.COMPONENT_STORE);
                servers.add(server);
                ports.add(Integer.toString(server.port()));
            }
            System.out.println(ports);
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the harness closes our standard input (or dies)
            }
        } finally {
            for (StoreServer server : servers) {
                server.close();
            }
        }
    }

    static Labels externalLabels(int store) {
        return Labels.of("store", "s" + store);
    }

    private static InMemoryStore store(int series, int samples) {
        InMemoryStoreBuilder builder = new InMemoryStoreBuilder();
        for (int i = 0; i < series; i++) {
            int id = builder.series(Labels.of("__name__", "bench", "instance", String.format(Locale.ROOT, "i%06d", i),
                    "job", "j" + (i % 10)));
            double v = i;
            for (int k = 0; k < samples; k++) {
                v += (k * 7 + i) % 13;
                builder.append(id, k * 15_000L, v);
            }
        }
        return builder.build();
    }

    /** Heap in use after garbage collection has settled. */
    private static long settledHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
