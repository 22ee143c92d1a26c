package io.thanosjava.model;

import java.nio.file.Path;

/** Locates the read-only upstream test data that sits beside the checkout. */
public final class SharedData {
    private SharedData() {
    }

    public static Path path(String first, String... more) {
        String dir = System.getProperty("thanosjava.shared.dir");
        Path root = dir != null ? Path.of(dir) : Path.of("..", "..", "shared");
        return root.resolve(Path.of(first, more));
    }
}
