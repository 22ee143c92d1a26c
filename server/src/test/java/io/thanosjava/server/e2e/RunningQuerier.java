package io.thanosjava.server.e2e;

import io.thanosjava.server.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@code thanos-java query} started in-process from its command line on a free loopback port. */
final class RunningQuerier implements AutoCloseable {
    private final Thread thread;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private RunningQuerier(Thread thread, int port) {
        this.thread = thread;
        this.port = port;
    }

    static RunningQuerier start(String... flags) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("query", "--http-address", "127.0.0.1:" + port));
        if (!List.of(flags).contains("--http-grace-period")) {
            args.addAll(List.of("--http-grace-period", "1s"));
        }
        if (!List.of(flags).contains("--grpc-address")) {
            args.addAll(List.of("--grpc-address", "127.0.0.1:0"));
        }
        args.addAll(List.of(flags));
        Thread t = new Thread(() -> Main.run(args.toArray(String[]::new)), "querier-under-test");
        t.setDaemon(true);
        t.start();
        RunningQuerier q = new RunningQuerier(t, port);
        q.awaitReady();
        return q;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(uri("/-/ready")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("querier did not become ready on port " + port);
    }

    String get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
