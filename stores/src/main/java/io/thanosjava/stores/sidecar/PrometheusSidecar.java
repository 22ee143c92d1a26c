package io.thanosjava.stores.sidecar;

import static java.util.Objects.requireNonNull;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.proto.prompb.ReadHints;
import io.thanosjava.storeapi.proto.prompb.ReadRequest;
import io.thanosjava.storeapi.remoteread.ChunkedFrameReader;
import io.thanosjava.storeapi.remoteread.RemoteReadQueries;
import io.thanosjava.stores.SeriesSelection;
import io.thanosjava.stores.StoreBackend;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StoreBackend} in front of a Prometheus server, as Thanos' sidecar is: series come from
 * streamed remote read ({@code STREAMED_XOR_CHUNKS}) with Prometheus' chunks passed through byte for
 * byte, label names and values from its HTTP API, and the external labels from its configuration.
 *
 * <p>{@link #connect} reads the external labels and refuses a Prometheus without any unless
 * {@link SidecarOptions#allowEmptyExternalLabels()}. Afterwards a background probe re-checks
 * {@code /-/ready} and the TSDB's lowest timestamp every {@link SidecarOptions#probeInterval()};
 * every failed call or probe turns {@link #isReady()} false and the next success turns it true
 * again, so the sidecar recovers from a Prometheus restart by itself. Failures surface as
 * {@link PrometheusException}s naming the URL and the cause.
 *
 * <p>The external labels are those read at connect time: changing them requires a restart (as it
 * changes the identity the querier knows this store by).
 */
public final class PrometheusSidecar implements StoreBackend, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusSidecar.class);
    private static final long STARTUP_RETRY_MILLIS = 500;
    /** A matcher selecting every series, for selections without any (remote read needs one). */
    private static final LabelMatcher ANY_METRIC = LabelMatcher.of(LabelMatcher.Type.RE, Labels.METRIC_NAME, ".+");

    private final PrometheusClient client;
    private final Labels externalLabels;
    private final Set<String> externalNames;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong lowestTimestamp;
    private volatile boolean ready;
    private volatile String lastError;

    private PrometheusSidecar(PrometheusClient client, Labels externalLabels, long lowestTimestamp) {
        this.client = client;
        this.externalLabels = externalLabels;
        this.externalNames = new HashSet<>();
        for (int i = 0; i < externalLabels.size(); i++) {
            externalNames.add(externalLabels.name(i));
        }
        this.lowestTimestamp = new AtomicLong(lowestTimestamp);
        this.ready = true;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "prometheus-sidecar-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to Prometheus, retrying for up to {@link SidecarOptions#startupTimeout()}, reads its
     * external labels and starts the background probe.
     *
     * @throws PrometheusException when Prometheus stays unreachable or answers garbage
     * @throws IllegalStateException when Prometheus has no external labels and they are required
     */
    public static PrometheusSidecar connect(SidecarOptions options) {
        requireNonNull(options, "options is null");
        PrometheusClient client = new PrometheusClient(options.prometheusUrl(), options.requestTimeout());
        long deadline = System.nanoTime() + options.startupTimeout().toNanos();
        Labels external;
        long lowest;
        while (true) {
            try {
                external = ExternalLabelsConfig.parse(client.configYaml());
                lowest = client.lowestTimestamp();
                break;
            } catch (PrometheusException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                LOG.warn("waiting for Prometheus: {}", e.getMessage());
                sleep(STARTUP_RETRY_MILLIS);
            } catch (IllegalArgumentException e) {
                throw new PrometheusException("prometheus " + client.base() + " has an unreadable configuration: "
                        + e.getMessage(), e);
            }
        }
        if (external.isEmpty() && !options.allowEmptyExternalLabels()) {
            throw new IllegalStateException("Prometheus at " + client.base() + " has no external labels. External labels"
                    + " uniquely identify the data of one Prometheus among all the stores of a querier: without them"
                    + " the querier cannot tell its series from another Prometheus' identical series, deduplicate"
                    + " replicas or prune stores by label. Set global.external_labels in Prometheus' configuration"
                    + " (e.g. cluster and replica), or allow it explicitly with --prometheus.allow-empty-external-labels.");
        }
        PrometheusSidecar sidecar = new PrometheusSidecar(client, external, lowest);
        long interval = options.probeInterval().toMillis();
        sidecar.scheduler.scheduleWithFixedDelay(sidecar::probe, interval, interval, TimeUnit.MILLISECONDS);
        return sidecar;
    }

    /** The external labels of the Prometheus configuration, read at connect time. */
    public Labels externalLabels() {
        return externalLabels;
    }

    /** Whether the last call to Prometheus (request or probe) succeeded. */
    public boolean isReady() {
        return ready;
    }

    /** Why the sidecar is not ready, or null when it is. */
    public String lastError() {
        return ready ? null : lastError;
    }

    /** Re-checks Prometheus now (the background probe does this periodically). */
    public void probe() {
        try {
            client.checkReady();
            lowestTimestamp.set(client.lowestTimestamp());
            markUp();
        } catch (RuntimeException e) {
            markDown(e);
        }
    }

    /** The lowest timestamp Prometheus' TSDB holds (as of the last successful probe). */
    @Override
    public long minTime() {
        return lowestTimestamp.get();
    }

    /** Prometheus keeps ingesting: like Thanos' sidecar, claim everything up to the end of time. */
    @Override
    public long maxTime() {
        return Long.MAX_VALUE;
    }

    @Override
    public SeriesSelection select(List<LabelMatcher> matchers, long mint, long maxt) {
        requireNonNull(matchers, "matchers is null");
        List<LabelMatcher> pushed = matchers.isEmpty() ? List.of(ANY_METRIC) : matchers;
        ReadHints hints = ReadHints.newBuilder().setStartMs(mint).setEndMs(maxt).build();
        ReadRequest request = RemoteReadQueries.streamedRequest(List.of(RemoteReadQueries.query(mint, maxt, pushed, hints)));
        return call(() -> readAll(request));
    }

    @Override
    public List<String> labelNames(List<LabelMatcher> matchers, long mint, long maxt) {
        requireNonNull(matchers, "matchers is null");
        return call(() -> client.labelNames(matchers, mint, maxt));
    }

    @Override
    public List<String> labelValues(String name, List<LabelMatcher> matchers, long mint, long maxt) {
        requireNonNull(name, "name is null");
        requireNonNull(matchers, "matchers is null");
        return call(() -> client.labelValues(name, matchers, mint, maxt));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /**
     * Reads the whole body. A watchdog closes the body when the request timeout passes, so a
     * Prometheus that stalls mid-body fails the call instead of holding it forever.
     */
    private RemoteReadSelection readAll(ReadRequest request) {
        InputStream body = client.remoteRead(request);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> {
            expired.set(true); // before closing: the reader may see the close before this task ends
            PrometheusClient.closeQuietly(body);
        }, client.timeout().toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try (body) {
            return RemoteReadSelection.read(new ChunkedFrameReader(body), externalNames);
        } catch (IOException e) {
            boolean timedOut = expired.get();
            throw new PrometheusException("prometheus " + client.base() + "/api/v1/read: "
                    + (timedOut ? "body not complete within " + client.timeout().toMillis() + " ms"
                            : "bad streamed response after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e.getMessage()),
                    e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private <T> T call(java.util.function.Supplier<T> work) {
        try {
            T result = work.get();
            markUp();
            return result;
        } catch (PrometheusException e) {
            markDown(e);
            throw e;
        }
    }

    private void markUp() {
        if (!ready) {
            LOG.info("Prometheus at {} is available again", client.base());
        }
        ready = true;
    }

    private void markDown(RuntimeException e) {
        lastError = e.getMessage();
        if (ready) {
            LOG.warn("Prometheus at {} failed: {}", client.base(), e.getMessage());
        }
        ready = false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while waiting for Prometheus", e);
        }
    }
}
