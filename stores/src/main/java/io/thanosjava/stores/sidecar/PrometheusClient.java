package io.thanosjava.stores.sidecar;

import io.thanosjava.model.LabelMatcher;
import io.thanosjava.storeapi.proto.prompb.ReadRequest;
import io.thanosjava.storeapi.remoteread.RemoteReadBodies;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The calls the sidecar makes to Prometheus, over {@link HttpClient}. Every failure (connection,
 * timeout, non-200 status, unexpected content) becomes a {@link PrometheusException} naming the
 * URL and the cause.
 */
final class PrometheusClient {
    static final String STREAMED_CONTENT_TYPE = "application/x-streamed-protobuf; proto=prometheus.ChunkedReadResponse";
    private static final int MAX_ERROR_BODY_CHARS = 1_000;
    private static final String USER_AGENT = "thanos-java-sidecar";

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    PrometheusClient(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    URI base() {
        return base;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Sends a streamed remote-read request and returns the response body, positioned at the first
     * frame. The caller closes it.
     */
    InputStream remoteRead(ReadRequest request) {
        HttpRequest r = HttpRequest.newBuilder(endpoint("/api/v1/read"))
                .timeout(timeout)
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Read-Version", "0.1.0")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(RemoteReadBodies.encodeRequest(request)))
                .build();
        HttpResponse<InputStream> response = send(r, HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        try {
            if (response.statusCode() != 200) {
                throw failure(r, "status " + response.statusCode() + ": " + errorText(body.readNBytes(MAX_ERROR_BODY_CHARS)));
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.equals(STREAMED_CONTENT_TYPE)) {
                throw failure(r, "unsupported remote-read response type '" + type + "' (expected " + STREAMED_CONTENT_TYPE
                        + "; Prometheus 2.13 or newer streams chunks)");
            }
            return body;
        } catch (IOException | RuntimeException e) {
            closeQuietly(body);
            throw e instanceof PrometheusException p ? p : failure(r, describe(e), e);
        }
    }

    List<String> labelNames(List<LabelMatcher> matchers, long start, long end) {
        return stringList(endpoint("/api/v1/labels" + PrometheusSelectors.query(matchers, start, end)));
    }

    List<String> labelValues(String name, List<LabelMatcher> matchers, long start, long end) {
        String path = "/api/v1/label/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "/values";
        return stringList(endpoint(path + PrometheusSelectors.query(matchers, start, end)));
    }

    /** The loaded configuration, as YAML text. */
    String configYaml() {
        URI uri = endpoint("/api/v1/status/config");
        byte[] body = get(uri);
        try {
            return PrometheusJson.configYaml(body);
        } catch (IOException e) {
            throw new PrometheusException("prometheus " + uri + " answered garbage: " + e.getMessage(), e);
        }
    }

    /** Returns when {@code /-/ready} answers 200; otherwise throws why not. */
    void checkReady() {
        get(endpoint("/-/ready"));
    }

    /**
     * Prometheus' own {@code prometheus_tsdb_lowest_timestamp} metric (the lowest timestamp in its
     * TSDB, blocks and head), or {@link Long#MAX_VALUE} when it holds no data.
     */
    long lowestTimestamp() {
        URI uri = endpoint("/metrics");
        String text = new String(get(uri), StandardCharsets.UTF_8);
        String prefix = "\nprometheus_tsdb_lowest_timestamp ";
        int at = text.indexOf(prefix);
        if (at < 0) {
            throw new PrometheusException("prometheus " + uri + " does not export prometheus_tsdb_lowest_timestamp");
        }
        int from = at + prefix.length();
        int to = text.indexOf('\n', from);
        try {
            double v = Double.parseDouble(text.substring(from, to < 0 ? text.length() : to).trim());
            return v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) v;
        } catch (NumberFormatException e) {
            throw new PrometheusException("prometheus " + uri + " exports a non-numeric lowest timestamp", e);
        }
    }

    private List<String> stringList(URI uri) {
        byte[] body = get(uri);
        try {
            return PrometheusJson.stringList(body);
        } catch (IOException e) {
            throw new PrometheusException("prometheus " + uri + " answered garbage: " + e.getMessage(), e);
        }
    }

    private byte[] get(URI uri) {
        HttpRequest r = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT).GET().build();
        HttpResponse<byte[]> response = send(r, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw failure(r, "status " + response.statusCode() + ": " + errorText(response.body()));
        }
        return response.body();
    }

    private <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(r, handler);
        } catch (HttpTimeoutException e) {
            throw failure(r, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw failure(r, "unreachable: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(r, "interrupted", e);
        }
    }

    /** The exception's type and the first message in its cause chain (the JDK client often wraps a bare one). */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return e.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private URI endpoint(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static PrometheusException failure(HttpRequest r, String what) {
        return new PrometheusException("prometheus " + r.method() + " " + r.uri() + ": " + what);
    }

    private static PrometheusException failure(HttpRequest r, String what, Throwable cause) {
        return new PrometheusException("prometheus " + r.method() + " " + r.uri() + ": " + what, cause);
    }

    private static String errorText(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).strip();
        return s.length() <= MAX_ERROR_BODY_CHARS ? s : s.substring(0, MAX_ERROR_BODY_CHARS) + "...";
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The stream is abandoned either way.
        }
    }
}
