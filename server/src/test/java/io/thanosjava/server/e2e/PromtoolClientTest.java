package io.thanosjava.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prometheus' own {@code promtool} as a real client of the querier serving its built-in demo. */
class PromtoolClientTest {
    private static RunningQuerier querier;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")) || onPath("promtool"),
                "promtool is not installed (CI installs the Debian package prometheus)");
        querier = RunningQuerier.start();
        url = querier.uri("").toString();
    }

    @AfterAll
    static void stop() {
        if (querier != null) {
            querier.close();
        }
    }

    @Test
    void instantQuery() throws Exception {
        List<String> lines = promtool("query", "instant", url, "sum by (instance) (up)");
        assertThat(lines).hasSize(3).allMatch(l -> l.matches("\\{instance=\"api-[012]:8080\"} => 1 @\\[[0-9.]+]"));
    }

    @Test
    void rangeQueryDeduplicatesTheReplicas() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        List<String> lines = promtool("query", "range", "--start=" + (now - 3600), "--end=" + (now - 600), "--step=60s",
                url, "count(up{job=\"api\"})");
        // One series; the two HA replicas count once: 3 instances at every step.
        assertThat(lines).first().asString().startsWith("{} =>");
        assertThat(lines).filteredOn(l -> l.contains(" @[")).isNotEmpty().allMatch(l -> l.trim().startsWith("3 @[")
                || l.startsWith("{} =>"));
    }

    @Test
    void seriesAndLabels() throws Exception {
        List<String> series = promtool("query", "series", "--match=node_memory_MemAvailable_bytes", url);
        assertThat(series).containsExactly(
                "{__name__=\"node_memory_MemAvailable_bytes\", cluster=\"demo\", instance=\"node-0:9100\", job=\"node\"}",
                "{__name__=\"node_memory_MemAvailable_bytes\", cluster=\"demo\", instance=\"node-1:9100\", job=\"node\"}");
        assertThat(promtool("query", "labels", url, "job")).containsExactly("api", "node");
    }

    private static List<String> promtool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("promtool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool did not finish: " + cmd);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
