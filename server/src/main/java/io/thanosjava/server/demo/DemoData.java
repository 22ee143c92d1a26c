package io.thanosjava.server.demo;

import io.thanosjava.model.Labels;
import io.thanosjava.stores.memory.InMemoryStore;
import io.thanosjava.stores.memory.InMemoryStoreBuilder;
import java.util.SplittableRandom;

/**
 * Realistic data for the built-in demo: what two HA replicas of one Prometheus would hold (each
 * with its own gap, scrapes 200 ms apart), plus an older range as a store gateway would serve it
 * from object storage. Deterministic for a given end time.
 */
public final class DemoData {
    public static final String REPLICA_LABEL = "replica";
    static final long SCRAPE_MILLIS = 15_000;
    static final long HOUR = 3_600_000;

    private static final String[] INSTANCES = {"api-0:8080", "api-1:8080", "api-2:8080"};
    private static final String[] METHODS = {"GET", "POST"};
    private static final String[] CODES = {"200", "500"};
    private static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, Double.POSITIVE_INFINITY};
    private static final String[] NODES = {"node-0:9100", "node-1:9100"};
    private static final String[] CPU_MODES = {"idle", "user", "system"};

    private DemoData() {
    }

    /** Replica "a": the last 6 hours, missing 20 minutes two hours ago. */
    public static InMemoryStore replicaA(long end) {
        return generate(end - 6 * HOUR, end, 0, end - 2 * HOUR, end - 2 * HOUR + 20 * 60_000);
    }

    /** Replica "b": the last 6 hours scraped 200 ms later, missing 10 minutes four hours ago. */
    public static InMemoryStore replicaB(long end) {
        return generate(end - 6 * HOUR, end, 200, end - 4 * HOUR, end - 4 * HOUR + 10 * 60_000);
    }

    /** The store gateway's older blocks: from 30 hours ago up to where the sidecars' data starts. */
    public static InMemoryStore storeGateway(long end) {
        return generate(end - 30 * HOUR, end - 6 * HOUR - SCRAPE_MILLIS, 0, Long.MIN_VALUE, Long.MIN_VALUE);
    }

    private static InMemoryStore generate(long from, long to, long offset, long gapStart, long gapEnd) {
        InMemoryStoreBuilder b = new InMemoryStoreBuilder();
        long first = from / SCRAPE_MILLIS * SCRAPE_MILLIS;
        for (long t = first; t <= to; t += SCRAPE_MILLIS) {
            if (t >= gapStart && t < gapEnd) {
                continue;
            }
            appendScrape(b, t + offset, t);
        }
        return b.build();
    }

    /** One scrape at {@code ts}; values derive from the aligned time {@code t} so replicas agree. */
    private static void appendScrape(InMemoryStoreBuilder b, long ts, long t) {
        double hours = t / (double) HOUR;
        for (int i = 0; i < INSTANCES.length; i++) {
            String instance = INSTANCES[i];
            b.add(Labels.of("__name__", "up", "job", "api", "instance", instance), ts, 1);
            // api-1 restarted at a fixed hour of the day: its counters reset there.
            long dayStart = t / (24 * HOUR) * (24 * HOUR);
            long restart = dayStart + 7 * HOUR;
            long counterStart = i == 1 && t >= restart ? restart : dayStart;
            double requests = requestsSince(counterStart, t, i);
            for (String method : METHODS) {
                for (String code : CODES) {
                    double share = (method.equals("GET") ? 0.8 : 0.2) * (code.equals("200") ? 0.98 : 0.02);
                    b.add(Labels.of("__name__", "http_requests_total", "job", "api", "instance", instance,
                            "method", method, "code", code), ts, Math.floor(requests * share));
                }
            }
            double cumulative = 0;
            for (double le : BUCKETS) {
                cumulative = Double.isInfinite(le) ? 1 : cumulative + (1 - cumulative) * (0.35 + 0.1 * i);
                b.add(Labels.of("__name__", "http_request_duration_seconds_bucket", "job", "api", "instance", instance,
                        "le", leText(le)), ts, Math.floor(requests * cumulative));
            }
            b.add(Labels.of("__name__", "http_request_duration_seconds_sum", "job", "api", "instance", instance), ts,
                    requests * (0.08 + 0.02 * i));
            b.add(Labels.of("__name__", "http_request_duration_seconds_count", "job", "api", "instance", instance), ts,
                    Math.floor(requests));
        }
        for (int n = 0; n < NODES.length; n++) {
            String node = NODES[n];
            b.add(Labels.of("__name__", "node_memory_MemAvailable_bytes", "job", "node", "instance", node), ts,
                    Math.round(8e9 + 2e9 * Math.sin(hours + n) + 1e8 * noise(t, n, 7)));
            for (int cpu = 0; cpu < 2; cpu++) {
                for (int m = 0; m < CPU_MODES.length; m++) {
                    double share = m == 0 ? 0.7 : (m == 1 ? 0.22 : 0.08);
                    b.add(Labels.of("__name__", "node_cpu_seconds_total", "job", "node", "instance", node,
                            "cpu", Integer.toString(cpu), "mode", CPU_MODES[m]), ts,
                            Math.round(share * (t - t / (30 * 24 * HOUR) * (30 * 24 * HOUR)) / 10.0) / 100.0);
                }
            }
        }
    }

    /**
     * Requests served by instance {@code i} between {@code t0} and {@code t} (ms): the integral of a
     * rate of {@code 12 * (1.5 + sin(wt + i))} per second, so the counter only ever grows.
     */
    private static double requestsSince(long t0, long t, int i) {
        double w = Math.PI / (3 * 3600.0);
        double a = t0 / 1000.0;
        double z = t / 1000.0;
        return 12 * (1.5 * (z - a) - (Math.cos(w * z + i) - Math.cos(w * a + i)) / w);
    }

    private static String leText(double le) {
        return Double.isInfinite(le) ? "+Inf" : io.thanosjava.model.GoFloatFormat.formatF(le);
    }

    /** Deterministic noise in [0, 1) from the aligned time and a series key. */
    private static double noise(long t, int a, int b) {
        return new SplittableRandom(t * 31 + a * 1_000_003L + b).nextDouble();
    }
}
