package io.thanosjava.server.e2e;

import static io.thanosjava.server.e2e.DifferentialCorpus.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * JSON compatibility with Prometheus 2.42: the deduplicated store route (whose series carry exactly
 * Prometheus' labels) answers each request with the same status code and the same body, byte for
 * byte, after sorting only what Prometheus leaves unordered (the elements of an instant vector and
 * of a series list); values, timestamps and error texts are compared as text. Differences are
 * allowed only when listed with their reason in {@code differential/json-known-differences.txt}
 * (mostly error texts where we follow Prometheus 3.x), and that list may only shrink.
 */
@Tag("slow")
class PrometheusCompatJsonTest {
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final long T0 = DifferentialData.START / 1000;
    private static DifferentialEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = DifferentialEnvironment.shared();
    }

    @Test
    void bodiesAreIdenticalToPrometheus() throws Exception {
        List<String> requests = requests();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(50);
        Map<String, String> known = known();
        List<String> failures = new ArrayList<>();
        Set<String> seenKnown = new TreeSet<>();
        int identicalRaw = 0;
        for (String request : requests) {
            DifferentialHttp.Answer expected = DifferentialHttp.get(DifferentialHttp.prometheus(env.prometheus.baseUrl(), request));
            DifferentialHttp.Answer ours = DifferentialHttp.get(env.viaStores.uri(request));
            if (expected.status() == ours.status() && expected.body().equals(ours.body())) {
                identicalRaw++;
                continue;
            }
            if (expected.status() == ours.status() && canonical(expected.body()).equals(canonical(ours.body()))) {
                continue;
            }
            if (known.containsKey(request)) {
                seenKnown.add(request);
                continue;
            }
            failures.add("BODY DIFFERS: " + request + "\n  Prometheus: " + expected + "\n  ours:       " + ours);
        }
        Set<String> stale = new TreeSet<>(known.keySet());
        stale.removeAll(seenKnown);
        System.out.printf("json compatibility: %d requests, %d identical as sent, %d identical after sorting,"
                        + " %d known differences, %d new%n", requests.size(), identicalRaw,
                requests.size() - identicalRaw - seenKnown.size() - failures.size(), seenKnown.size(), failures.size());
        failures.forEach(System.out::println);
        assertThat(failures).as("bodies differing from Prometheus, not in json-known-differences.txt").isEmpty();
        assertThat(stale).as("known differences that no longer occur: remove them from the list").isEmpty();
    }

    private static List<String> requests() {
        List<String> r = new ArrayList<>();
        String[] instant = {"sum(gen_temperature_celsius)", "sum by (job) (rate(gen_requests_total[5m]))",
            "gen_temperature_celsius", "gen_requests_total{code=\"500\"}", "count(gen_request_duration_seconds_bucket)",
            "vector(1)", "time()", "1 / 0", "-1 / 0", "0 / 0", "-0", "scalar(sum(gen_temperature_celsius))", "\"text\"",
            "1e-7", "1e21", "123456789.123456789", "topk(2, gen_temperature_celsius)", "absent(nonexistent_metric)",
            "gen_temperature_celsius[1m]", "histogram_quantile(0.9, sum by (le) (rate(gen_request_duration_seconds_bucket[5m])))",
            "nonexistent_metric", "sort_desc(max by (instance) (gen_temperature_celsius))"};
        for (int i = 0; i < instant.length; i++) {
            r.add("/api/v1/query?" + param("query", instant[i]) + "&time=" + (T0 + 1207 + 100L * i));
        }
        r.add("/api/v1/query?" + param("query", "max(gen_temperature_celsius)") + "&time=" + (T0 + 1800) + ".5");
        r.add("/api/v1/query?" + param("query", "max(gen_temperature_celsius)") + "&time=2026-11-18T00:30:07Z");
        r.add("/api/v1/query?" + param("query", "max(gen_temperature_celsius)") + "&time=2026-11-18T00:30:07.250Z");
        String[] range = {"sum(gen_temperature_celsius)", "sum by (job) (rate(gen_requests_total[5m]))",
            "gen_temperature_celsius{job=\"job-0\"}", "avg(gen_temperature_celsius) > 10", "vector(2)", "time()",
            "count_values(\"v\", floor(gen_temperature_celsius / 10))", "nonexistent_metric"};
        for (int i = 0; i < range.length; i++) {
            r.add("/api/v1/query_range?" + param("query", range[i]) + "&start=" + (T0 + 607 + 100L * i) + "&end="
                    + (T0 + 2407 + 100L * i) + "&step=" + (i % 2 == 0 ? "60" : "1m30s"));
        }
        r.add("/api/v1/query_range?" + param("query", "sum(gen_temperature_celsius)") + "&start=" + (T0 + 607)
                + ".5&end=" + (T0 + 1207) + "&step=37.5");
        String[] matchers = {"gen_temperature_celsius", "gen_requests_total{code=\"200\",job=\"job-1\"}", "nonexistent"};
        for (String m : matchers) {
            String range1 = "&start=" + (T0 + 600) + "&end=" + (T0 + 1800);
            r.add("/api/v1/series?" + param("match[]", m) + range1);
            r.add("/api/v1/labels?" + param("match[]", m) + range1);
            r.add("/api/v1/label/job/values?" + param("match[]", m) + range1);
        }
        r.add("/api/v1/labels?start=" + (T0 + 600) + "&end=" + (T0 + 1800));
        r.add("/api/v1/label/__name__/values?start=" + (T0 + 600) + "&end=" + (T0 + 1800));
        r.add("/api/v1/label/instance/values?start=" + (T0 + 600) + "&end=" + (T0 + 1800));
        // errors
        String sum = param("query", "sum(gen_temperature_celsius)");
        r.add("/api/v1/query?" + param("query", "sum(") + "&time=" + T0);
        r.add("/api/v1/query?" + param("query", "rate(gen_requests_total)") + "&time=" + T0);
        r.add("/api/v1/query?" + param("query", "gen_temperature_celsius +") + "&time=" + T0);
        r.add("/api/v1/query?" + param("query", "foo{") + "&time=" + T0);
        r.add("/api/v1/query?" + param("query", "unknown_function(x)") + "&time=" + T0);
        r.add("/api/v1/query?" + sum + "&time=notatime");
        r.add("/api/v1/query?" + sum + "&time=2026-13-01T00:00:00Z");
        r.add("/api/v1/query?" + sum + "&timeout=abc");
        r.add("/api/v1/query_range?" + sum + "&start=" + T0 + "&end=" + (T0 + 600) + "&step=0");
        r.add("/api/v1/query_range?" + sum + "&start=" + T0 + "&end=" + (T0 + 600) + "&step=-5");
        r.add("/api/v1/query_range?" + sum + "&start=" + T0 + "&end=" + (T0 + 600) + "&step=abc");
        r.add("/api/v1/query_range?" + sum + "&start=" + T0 + "&end=" + (T0 + 600));
        r.add("/api/v1/query_range?" + sum + "&start=" + T0 + "&end=" + (T0 + 600000) + "&step=1");
        r.add("/api/v1/query_range?" + sum + "&start=" + (T0 + 600) + "&end=" + T0 + "&step=60");
        r.add("/api/v1/query_range?" + sum + "&start=bad&end=" + T0 + "&step=60");
        r.add("/api/v1/query_range?" + sum + "&start=" + T0 + "&end=bad&step=60");
        r.add("/api/v1/series?start=" + T0);
        r.add("/api/v1/series?" + param("match[]", "{") + "&start=" + T0);
        r.add("/api/v1/series?" + param("match[]", "gen_temperature_celsius") + "&start=bad");
        r.add("/api/v1/labels?" + param("match[]", "foo{") + "&start=" + T0);
        r.add("/api/v1/label/job/values?start=" + (T0 + 600) + "&end=" + T0);
        r.add("/api/v1/query");
        return r;
    }

    /** The body with unordered arrays sorted, re-serialised exactly (numbers keep their spelling). */
    private static String canonical(String body) throws IOException {
        JsonNode root;
        try {
            root = EXACT.readTree(body);
        } catch (IOException e) {
            return body;
        }
        JsonNode data = root.path("data");
        if (data.isArray()) {
            sort((ArrayNode) data);
        } else if ("vector".equals(data.path("resultType").asText())) {
            sort((ArrayNode) data.path("result"));
        }
        return EXACT.writeValueAsString(root);
    }

    private static void sort(ArrayNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort((a, b) -> a.toString().compareTo(b.toString()));
        array.removeAll();
        array.addAll(elements);
    }

    /** request to reason, from lines {@code request | reason}. */
    private static Map<String, String> known() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = PrometheusCompatJsonTest.class.getResourceAsStream("/differential/json-known-differences.txt")) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ", 2);
                if (parts.length != 2 || parts[1].isBlank()) {
                    throw new IllegalStateException("json-known-differences.txt: need 'request | reason': " + line);
                }
                known.put(parts[0], parts[1]);
            }
        }
        return known;
    }
}
