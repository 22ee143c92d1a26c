package io.thanosjava.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server reaches the engine only through the library's public API (the {@code Querier} facade
 * and its value types): no compiled server class refers to a type of the engine's internal packages
 * or of the dedup module behind them.
 */
class LibraryApiOnlyTest {
    /** Internal-form package prefixes, as they appear in class files' constant pools. */
    private static final List<String> INTERNAL_PACKAGES = List.of(
            "io/thanosjava/engine/eval/", "io/thanosjava/engine/functions/", "io/thanosjava/engine/store/",
            "io/thanosjava/dedup/");

    @Test
    void serverClassesReferToNoInternalEngineType() throws IOException, URISyntaxException {
        Path classes = Path.of(QueryServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                scanned++;
                String constants = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String internal : INTERNAL_PACKAGES) {
                    if (constants.contains(internal)) {
                        offenders.add(classes.relativize(f) + " refers to " + internal);
                    }
                }
            }
        }
        assertThat(scanned).as("server classes scanned").isGreaterThan(20);
        assertThat(offenders).isEmpty();
    }
}
