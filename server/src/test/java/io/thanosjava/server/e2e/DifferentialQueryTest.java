package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Differential test against a real Prometheus 2.42: every request of {@link DifferentialCorpus}
 * asked of Prometheus and of both routes of {@link DifferentialEnvironment} must give the same
 * answer ({@link DifferentialComparison}). Differences are allowed only when listed in
 * {@code differential/known-differences.txt} with their reason; a listed difference that no
 * longer occurs fails too, so the list can only shrink.
 */
@Tag("slow")
class DifferentialQueryTest {
    private static final long SEED = 8;
    private static DifferentialEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = DifferentialEnvironment.shared();
    }

    @Test
    void queriesAgreeWithPrometheusOnBothRoutes() throws Exception {
        compareAll(DifferentialCorpus.queries(SEED), 500);
    }

    @Test
    void seriesLabelsAndLabelValuesAgreeWithPrometheusOnBothRoutes() throws Exception {
        compareAll(DifferentialCorpus.metadata(SEED), 20);
    }

    private static void compareAll(List<DifferentialCorpus.Request> requests, int atLeast) throws Exception {
        assertThat(requests).hasSizeGreaterThanOrEqualTo(atLeast);
        Map<String, String> known = knownDifferences();
        DifferentialComparison sidecarRoute = new DifferentialComparison(DifferentialEnvironment.EXTERNAL_LABEL);
        DifferentialComparison storeRoute = new DifferentialComparison(null);
        List<String> failures = new ArrayList<>();
        Set<String> seenKnown = new TreeSet<>();
        long began = System.nanoTime();
        for (DifferentialCorpus.Request request : requests) {
            DifferentialHttp.Answer expected = DifferentialHttp.get(
                    DifferentialHttp.prometheus(env.prometheus.baseUrl(), request.pathAndQuery()));
            check("sidecar", request, expected, env.viaSidecar, sidecarRoute, known, seenKnown, failures);
            check("stores", request, expected, env.viaStores, storeRoute, known, seenKnown, failures);
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        Set<String> stale = new TreeSet<>(known.keySet());
        stale.removeAll(seenKnown);
        stale.removeIf(k -> !belongsTo(k, requests));
        System.out.printf("differential: %d requests x 2 routes compared with Prometheus 2.42 in %d ms;"
                        + " points compared: sidecar route %d, store route %d; known differences seen %d, new %d%n",
                requests.size(), millis, sidecarRoute.pointsCompared(), storeRoute.pointsCompared(), seenKnown.size(),
                failures.size());
        failures.forEach(System.out::println);
        assertThat(failures).as("differences from Prometheus not in known-differences.txt").isEmpty();
        assertThat(stale).as("known differences that no longer occur: remove them from the list").isEmpty();
    }

    private static void check(String route, DifferentialCorpus.Request request, DifferentialHttp.Answer expected,
            RunningQuerier querier, DifferentialComparison comparison, Map<String, String> known, Set<String> seenKnown,
            List<String> failures) throws IOException, InterruptedException {
        DifferentialHttp.Answer ours = DifferentialHttp.get(querier.uri(request.pathAndQuery()));
        String difference = comparison.firstDifference(expected, ours);
        if (difference == null) {
            return;
        }
        String key = route + " " + request.description();
        if (known.containsKey(key)) {
            seenKnown.add(key);
            return;
        }
        failures.add("DIFFERENCE on route " + route + ": " + request.description() + "\n  first difference: "
                + difference + "\n  Prometheus: " + abbreviate(expected.toString()) + "\n  ours:       "
                + abbreviate(ours.toString()));
    }

    private static boolean belongsTo(String key, List<DifferentialCorpus.Request> requests) {
        for (DifferentialCorpus.Request r : requests) {
            if (key.endsWith(" " + r.description())) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "... (" + s.length() + " chars)";
    }

    /**
     * {@code <route> <request description>} to reason, from lines {@code route | description | reason}
     * ({@code #} starts a comment).
     */
    static Map<String, String> knownDifferences() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = DifferentialQueryTest.class.getResourceAsStream("/differential/known-differences.txt")) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ", 3);
                if (parts.length != 3 || parts[2].isBlank()) {
                    throw new IllegalStateException("known-differences.txt: need 'route | request | reason': " + line);
                }
                known.put(parts[0] + " " + parts[1], parts[2]);
            }
        }
        return known;
    }
}
