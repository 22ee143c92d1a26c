package io.thanosjava.stores;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only upstream test data shared by all modules. */
public final class SharedData {
    private SharedData() {}

    public static Path dir() {
        String dir = System.getProperty("thanosjava.shared.dir");
        if (dir != null) {
            return Path.of(dir);
        }
        Path fromModule = Path.of("..", "..", "shared");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("..", "shared");
    }

    public static Path golden(String name) {
        return dir().resolve("golden").resolve(name);
    }
}
