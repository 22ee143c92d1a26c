package io.thanosjava.server;

import static java.util.Objects.requireNonNull;

import io.thanosjava.dedup.DedupAlgorithm;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.store.EndpointSet;
import io.thanosjava.engine.store.EndpointStatus;
import io.thanosjava.engine.store.LabelFanout;
import io.thanosjava.engine.store.PartialResponseStrategy;
import io.thanosjava.engine.store.QuerySettings;
import io.thanosjava.engine.store.SeriesFanout;
import io.thanosjava.engine.store.StoreEndpoint;
import io.thanosjava.engine.store.StoreQueryable;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.server.api.StoreAccess;
import io.thanosjava.server.api.StoreSelection;
import io.thanosjava.server.grpc.QuerierGrpcServer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/** The HTTP API's view of the StoreAPI endpoint set: one {@link StoreQueryable} per request. */
final class FanoutStoreAccess implements StoreAccess {
    private static final String ADDRESS_LABEL = "__address__";

    private final EndpointSet endpoints;
    private final SeriesFanout seriesFanout;
    private final LabelFanout labelFanout;
    private final DedupAlgorithm algorithm;
    private final List<AutoCloseable> owned;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService infoExecutor;
    private final AtomicBoolean ready = new AtomicBoolean();

    FanoutStoreAccess(EndpointSet endpoints, SeriesFanout seriesFanout, LabelFanout labelFanout, DedupAlgorithm algorithm,
                      ScheduledExecutorService scheduler, ExecutorService infoExecutor, List<AutoCloseable> owned) {
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
        this.seriesFanout = requireNonNull(seriesFanout, "seriesFanout is null");
        this.labelFanout = requireNonNull(labelFanout, "labelFanout is null");
        this.algorithm = requireNonNull(algorithm, "algorithm is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.infoExecutor = requireNonNull(infoExecutor, "infoExecutor is null");
        this.owned = new java.util.concurrent.CopyOnWriteArrayList<>(requireNonNull(owned, "owned is null"));
    }

    /** Serves this querier's own StoreAPI on {@code address}; closed with this access. Returns the bound port. */
    int serveStoreApi(java.net.InetSocketAddress address) throws java.io.IOException {
        QuerierGrpcServer server = QuerierGrpcServer.start(address, endpoints, seriesFanout, labelFanout);
        owned.add(0, server);
        return server.port();
    }

    /** Resolves and asks every endpoint once (ready from then on), then keeps refreshing in the background. */
    void start() {
        endpoints.refresh();
        ready.set(true);
        endpoints.start(scheduler);
    }

    @Override
    public Queryable queryable(StoreSelection selection) {
        QuerySettings settings = new QuerySettings(
                selection.partialResponse() ? PartialResponseStrategy.WARN : PartialResponseStrategy.ABORT,
                selection.dedup(), selection.replicaLabels(), algorithm, QuerySettings.DEFAULT_TENANT);
        List<List<LabelMatcher>> storeMatchers = selection.storeMatchers();
        return new StoreQueryable(() -> selectStores(endpoints.storeEndpoints(), storeMatchers), seriesFanout, labelFanout,
                settings);
    }

    /** {@code storeMatch[]}: a store takes part when one matcher set matches its address or one of its label sets. */
    static List<StoreEndpoint> selectStores(List<StoreEndpoint> all, List<List<LabelMatcher>> matcherSets) {
        if (matcherSets.isEmpty()) {
            return all;
        }
        List<StoreEndpoint> selected = new ArrayList<>();
        for (StoreEndpoint e : all) {
            if (matcherSets.stream().anyMatch(set -> matches(e, set))) {
                selected.add(e);
            }
        }
        return selected;
    }

    private static boolean matches(StoreEndpoint e, List<LabelMatcher> set) {
        List<Labels> labelSets = e.info().labelSets().isEmpty() ? List.of(Labels.empty()) : e.info().labelSets();
        for (Labels labels : labelSets) {
            boolean all = true;
            for (LabelMatcher m : set) {
                String value = ADDRESS_LABEL.equals(m.name()) ? e.address() : labels.getOrEmpty(m.name());
                if (!m.matches(value)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<String, List<Map<String, Object>>> endpointStatus() {
        Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
        for (EndpointStatus s : endpoints.statuses()) {
            if (s.info().componentType().isEmpty()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.address());
            m.put("lastCheck", DateTimeFormatter.ISO_INSTANT.format(s.lastCheck()));
            m.put("lastError", s.lastError().isEmpty() ? null : s.lastError());
            List<Object> labelSets = new ArrayList<>();
            for (Labels l : s.info().labelSets()) {
                Map<String, Object> ls = new LinkedHashMap<>();
                for (int i = 0; i < l.size(); i++) {
                    ls.put(l.name(i), l.value(i));
                }
                labelSets.add(ls);
            }
            m.put("labelSets", labelSets);
            m.put("minTime", s.info().minTime());
            m.put("maxTime", s.info().maxTime());
            byType.computeIfAbsent(s.info().componentType(), k -> new ArrayList<>()).add(m);
        }
        return byType;
    }

    @Override
    public boolean ready() {
        return ready.get();
    }

    @Override
    public void close() {
        endpoints.close();
        scheduler.shutdownNow();
        infoExecutor.shutdownNow();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                // closing on shutdown: nothing left to do with the failure
            }
        }
    }
}
