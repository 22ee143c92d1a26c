package io.thanosjava.testing.prometheus;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server on loopback, over data backfilled from OpenMetrics text.
 *
 * <p>{@link #start} finds {@code prometheus} and {@code promtool} on the {@code PATH} (the test is
 * <em>skipped</em> through JUnit assumptions when they are missing), backfills the text with {@code
 * promtool tsdb create-blocks-from openmetrics} into a fresh data directory, writes a configuration
 * with the given external labels and no scrape targets, starts the server on a free
 * {@code 127.0.0.1} port and waits for {@code /-/ready}. {@link #close} kills the process and
 * deletes the working directory. The server's output goes to a log file whose tail is included in
 * every startup failure.
 *
 * <p>{@link #kill} and {@link #restart} let a test take the server away and bring it back on the
 * same port and data, to exercise failure and recovery of its clients.
 */
public final class PrometheusFixture implements AutoCloseable {
    private static final long READY_TIMEOUT_MILLIS = 60_000;
    private static final long BACKFILL_TIMEOUT_MILLIS = 120_000;
    private static final int LOG_TAIL_CHARS = 4_000;

    private final Path workDir;
    private final Path dataDir;
    private final Path configFile;
    private final Path logFile;
    private final Path prometheusBinary;
    private final int port;
    private Process process;

    private PrometheusFixture(Path workDir, Path prometheusBinary, int port) {
        this.workDir = workDir;
        this.dataDir = workDir.resolve("data");
        this.configFile = workDir.resolve("prometheus.yml");
        this.logFile = workDir.resolve("prometheus.log");
        this.prometheusBinary = prometheusBinary;
        this.port = port;
    }

    /**
     * Backfills {@code openMetrics} (which must end with {@code # EOF}) and starts Prometheus.
     *
     * @param externalLabels {@code global.external_labels} of the configuration; may be empty
     * @throws org.opentest4j.TestAbortedException when the binaries are not installed
     * @throws IllegalStateException when backfill or startup fails (the message carries the logs)
     */
    public static PrometheusFixture start(String openMetrics, Map<String, String> externalLabels) throws IOException {
        requireNonNull(openMetrics, "openMetrics is null");
        requireNonNull(externalLabels, "externalLabels is null");
        Path prometheus = findBinary("prometheus");
        Path promtool = findBinary("promtool");
        Path workDir = Files.createTempDirectory("prometheus-fixture");
        PrometheusFixture fixture = new PrometheusFixture(workDir, prometheus, freePort());
        try {
            Files.createDirectories(fixture.dataDir);
            Path input = workDir.resolve("input.om");
            Files.writeString(input, openMetrics, StandardCharsets.UTF_8);
            backfill(promtool, input, fixture.dataDir, workDir.resolve("promtool.log"));
            Files.writeString(fixture.configFile, config(externalLabels), StandardCharsets.UTF_8);
            fixture.restart();
            return fixture;
        } catch (IOException | RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    /** Same as {@link #start(String, Map)} with the text read from a file. */
    public static PrometheusFixture start(Path openMetricsFile, Map<String, String> externalLabels) throws IOException {
        requireNonNull(openMetricsFile, "openMetricsFile is null");
        return start(Files.readString(openMetricsFile, StandardCharsets.UTF_8), externalLabels);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Whether the server process is running. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** What the server has logged so far. */
    public String logs() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    /** Kills the server at once (SIGKILL), leaving its data in place for {@link #restart}. */
    public synchronized void kill() {
        if (process != null) {
            destroyTree(process);
            process = null;
        }
    }

    /** Starts the server (again) on the same port and data and waits until it is ready. */
    public synchronized void restart() throws IOException {
        kill();
        List<String> command = List.of(
                prometheusBinary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dataDir,
                "--web.listen-address=127.0.0.1:" + port,
                // Backfilled data lies in the past; keep all of it whatever its age.
                "--storage.tsdb.retention.time=100y",
                "--log.level=info");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        awaitReady();
    }

    @Override
    public synchronized void close() {
        kill();
        deleteRecursively(workDir);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        URI ready = baseUrl().resolve("/-/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with status " + process.exitValue()
                        + " before becoming ready; log tail:\n" + tail(logs()));
            }
            if (status(ready) == 200) {
                return;
            }
            sleep(100);
        }
        kill();
        throw new IllegalStateException("prometheus not ready after " + READY_TIMEOUT_MILLIS + " ms; log tail:\n"
                + tail(logs()));
    }

    /** HTTP status of a GET, or -1 when the server does not answer. */
    private static int status(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(1_000);
            c.setReadTimeout(1_000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static void backfill(Path promtool, Path input, Path dataDir, Path log) throws IOException {
        Process p = new ProcessBuilder(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics",
                input.toString(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!p.waitFor(BACKFILL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                destroyTree(p);
                throw new IllegalStateException("promtool backfill timed out after " + BACKFILL_TIMEOUT_MILLIS
                        + " ms; log tail:\n" + tail(Files.readString(log)));
            }
        } catch (InterruptedException e) {
            destroyTree(p);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during backfill", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("promtool backfill failed with status " + p.exitValue() + "; log tail:\n"
                    + tail(Files.readString(log)));
        }
    }

    /** A configuration with external labels and nothing to scrape or evaluate. */
    static String config(Map<String, String> externalLabels) {
        StringBuilder out = new StringBuilder("global:\n");
        if (!externalLabels.isEmpty()) {
            out.append("  external_labels:\n");
            for (Map.Entry<String, String> e : new LinkedHashMap<>(externalLabels).entrySet()) {
                out.append("    ").append(e.getKey()).append(": ").append(yamlString(e.getValue())).append('\n');
            }
        }
        return out.append("scrape_configs: []\n").toString();
    }

    /** A double-quoted YAML scalar (JSON escaping is valid YAML). */
    private static String yamlString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static Path findBinary(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        Assumptions.abort("'" + name + "' not found on PATH: install Prometheus 2.42 (Debian: apt-get install prometheus)"
                + " to run the tests against a real Prometheus");
        throw new AssertionError("unreachable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void destroyTree(Process p) {
        List<ProcessHandle> descendants = new ArrayList<>();
        p.descendants().forEach(descendants::add);
        p.destroyForcibly();
        for (ProcessHandle d : descendants) {
            d.destroyForcibly();
        }
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(String log) {
        return log.length() <= LOG_TAIL_CHARS ? log : "..." + log.substring(log.length() - LOG_TAIL_CHARS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for prometheus", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
