package io.thanosjava.engine.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code --store.sd-files}: Prometheus file-SD documents (YAML or JSON, a list of
 * {@code {targets: [host:port, ...], labels: {...}}} groups; labels are ignored, as Thanos does) found
 * by path patterns whose last element may contain glob wildcards. A file is re-read when its
 * modification time or size changed (checked at every {@link #targets()} call) and every
 * {@code --store.sd-interval} regardless. A file that cannot be read or parsed keeps its previous
 * targets, and its problem is reported by {@link #errors()}.
 */
public final class FileSdTargets {
    private record Loaded(FileTime modified, long size, List<String> targets) {
    }

    private final List<String> patterns;
    private final Duration interval;
    private final Clock clock;
    private final Map<Path, Loaded> files = new HashMap<>();
    private final Map<Path, String> errors = new HashMap<>();
    private Instant lastFullReload = Instant.MIN;

    public FileSdTargets(List<String> patterns, Duration interval, Clock clock) {
        this.patterns = List.copyOf(requireNonNull(patterns, "patterns is null"));
        this.interval = requireNonNull(interval, "interval is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The distinct targets of all matching files, reloading what changed. */
    public synchronized List<String> targets() {
        Instant now = clock.instant();
        boolean forced = !now.isBefore(lastFullReload.plus(interval));
        if (forced) {
            lastFullReload = now;
        }
        Set<Path> seen = new LinkedHashSet<>();
        for (String pattern : patterns) {
            seen.addAll(matching(pattern));
        }
        files.keySet().retainAll(seen);
        errors.keySet().retainAll(seen);
        Set<String> out = new LinkedHashSet<>();
        for (Path file : seen) {
            Loaded loaded = load(file, files.get(file), forced);
            if (loaded != null) {
                files.put(file, loaded);
                out.addAll(loaded.targets());
            }
        }
        return new ArrayList<>(out);
    }

    /** The current problem per file that failed to load, e.g. for logs and the status page. */
    public synchronized Map<Path, String> errors() {
        return Map.copyOf(errors);
    }

    private List<Path> matching(String pattern) {
        Path path = Path.of(pattern);
        Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
        String name = path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
            if (!Files.exists(path)) {
                errors.put(path, "file does not exist");
                return List.of();
            }
            return List.of(path);
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, name)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            errors.put(dir, "cannot list: " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    private Loaded load(Path file, Loaded previous, boolean forced) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (!forced && previous != null && previous.modified().equals(modified) && previous.size() == size) {
                return previous;
            }
            List<String> targets;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                targets = parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), file);
            }
            errors.remove(file);
            return new Loaded(modified, size, targets);
        } catch (IOException | RuntimeException e) {
            errors.put(file, e.getMessage());
            return previous;
        }
    }

    /** @throws IllegalArgumentException naming the file and what is wrong */
    static List<String> parse(Object document, Path file) {
        if (document == null) {
            return List.of();
        }
        if (!(document instanceof List<?> groups)) {
            throw new IllegalArgumentException(file + ": expected a list of target groups");
        }
        List<String> out = new ArrayList<>();
        for (Object group : groups) {
            if (!(group instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + ": a target group must be a mapping with \"targets\"");
            }
            Object targets = map.get("targets");
            if (targets == null) {
                continue;
            }
            if (!(targets instanceof List<?> list)) {
                throw new IllegalArgumentException(file + ": \"targets\" must be a list of host:port strings");
            }
            for (Object target : list) {
                if (!(target instanceof String s)) {
                    throw new IllegalArgumentException(file + ": target " + target + " is not a string");
                }
                EndpointSpec.parse(s, false); // reject bad addresses with the reason
                out.add(s.trim());
            }
        }
        return out;
    }
}
