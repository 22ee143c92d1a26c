package io.thanosjava.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.thanosjava.model.Labels;
import io.thanosjava.storeapi.LabelsConverter;
import io.thanosjava.storeapi.proto.info.InfoGrpc;
import io.thanosjava.storeapi.proto.info.InfoRequest;
import io.thanosjava.storeapi.proto.info.InfoResponse;
import io.thanosjava.storeapi.proto.store.LabelMatcher;
import io.thanosjava.storeapi.proto.store.SeriesRequest;
import io.thanosjava.storeapi.proto.store.SeriesResponse;
import io.thanosjava.storeapi.proto.store.StoreGrpc;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StoreCommandTest {
    private static final String GOOD = String.join("\n",
            "# TYPE up gauge",
            "up{job=\"api\"} 1 1700000000.000",
            "up{job=\"api\"} 0 1700000015.5",
            "up{job=\"db\"} 1 1700000000",
            "# EOF",
            "");

    @TempDir
    Path dir;

    @Test
    void servesTheFileWithExternalLabelsAndProbes() throws Exception {
        Path file = Files.writeString(dir.resolve("data.om"), GOOD);
        StoreCommand cmd = new StoreCommand();
        new CommandLine(cmd).parseArgs("--file", file.toString(), "--grpc-address", "127.0.0.1:0",
                "--label", "replica=a", "--label", "cluster=\"c1\"", "--http-address", "127.0.0.1:0");
        try (StoreCommand.RunningStore store = cmd.start()) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", store.grpcPort()).usePlaintext().build();
            try {
                InfoResponse info = InfoGrpc.newBlockingStub(channel).info(InfoRequest.getDefaultInstance());
                assertThat(info.getComponentType()).isEqualTo("store");
                assertThat(LabelsConverter.fromLabelSet(info.getLabelSets(0))).isEqualTo(Labels.of("cluster", "c1", "replica", "a"));
                assertThat(info.getStore().getMinTime()).isEqualTo(1_700_000_000_000L);
                assertThat(info.getStore().getMaxTime()).isEqualTo(1_700_000_015_500L);

                SeriesRequest request = SeriesRequest.newBuilder().setMinTime(Long.MIN_VALUE).setMaxTime(Long.MAX_VALUE)
                        .addMatchers(LabelMatcher.newBuilder().setName("__name__").setValue("up")).build();
                List<String> series = new ArrayList<>();
                for (Iterator<SeriesResponse> it = StoreGrpc.newBlockingStub(channel).series(request); it.hasNext(); ) {
                    series.add(LabelsConverter.fromThanos(it.next().getSeries().getLabelsList()).toString());
                }
                assertThat(series).containsExactly(
                        "{__name__=\"up\", cluster=\"c1\", job=\"api\", replica=\"a\"}",
                        "{__name__=\"up\", cluster=\"c1\", job=\"db\", replica=\"a\"}");
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + store.httpPort();
            assertThat(get(http, base + "/-/healthy").statusCode()).isEqualTo(200);
            assertThat(get(http, base + "/-/ready").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = get(http, base + "/metrics");
            assertThat(metrics.body()).contains("thanosjava_store_series 2\n", "thanosjava_store_samples 3\n",
                    "thanosjava_store_series_requests_total 1\n");
        }
    }

    @Test
    void noHttpListenerUnlessAsked() throws Exception {
        Path file = Files.writeString(dir.resolve("data.om"), GOOD);
        StoreCommand cmd = new StoreCommand();
        new CommandLine(cmd).parseArgs("--file", file.toString(), "--grpc-address", "127.0.0.1:0");
        try (StoreCommand.RunningStore store = cmd.start()) {
            assertThat(store.httpPort()).isEqualTo(-1);
            assertThat(store.grpcPort()).isPositive();
        }
    }

    @Test
    void badFileIsRefusedWithFileLineAndReason() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.prom"), "up{job=\"api\"} 1 1000\nup{job=\"api\"} 1\n");
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new StoreCommand()).setErr(new PrintWriter(err))
                .execute("--file", file.toString(), "--grpc-address", "127.0.0.1:0");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":2: sample has no timestamp");
    }

    @Test
    void missingFileIsRefused() {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("missing.om");
        int exit = new CommandLine(new StoreCommand()).setErr(new PrintWriter(err))
                .execute("--file", missing.toString(), "--grpc-address", "127.0.0.1:0");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("refusing to serve: " + missing + " (No such file or directory)");
    }

    @Test
    void malformedLabelFlagIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("data.om"), GOOD);
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new StoreCommand()).setErr(new PrintWriter(err))
                .execute("--file", file.toString(), "--grpc-address", "127.0.0.1:0", "--label", "novalue");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--label must be name=value");
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
