package io.thanosjava.stores.memory;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads exposition files into an {@link InMemoryStore}: each file's format is
 * {@linkplain ExpositionFormat#detect detected} from its end, every file is streamed through
 * {@link ExpositionParser}, and the store is built only after all of them parsed, so a bad file
 * leaves nothing half-loaded. Samples of one series may be spread over several files as long as
 * their timestamps keep increasing in file order.
 */
public final class ExpositionLoader {
    private ExpositionLoader() {}

    /**
     * @throws ExpositionFormatException naming the file, line and reason of the first bad line
     * @throws IOException when a file cannot be read
     */
    public static InMemoryStore load(List<Path> files) throws IOException {
        requireNonNull(files, "files is null");
        InMemoryStoreBuilder builder = new InMemoryStoreBuilder();
        for (Path file : files) {
            requireNonNull(file, "file is null");
            ExpositionFormat format = ExpositionFormat.detect(file);
            try (InputStream in = Files.newInputStream(file)) {
                ExpositionParser.parse(in, format, file.toString(), builder);
            }
        }
        return builder.build();
    }
}
