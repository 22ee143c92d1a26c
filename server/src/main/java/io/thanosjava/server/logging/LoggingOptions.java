package io.thanosjava.server.logging;

import picocli.CommandLine.Option;

/** {@code --log.level} and {@code --log.format}, shared by every subcommand (a picocli mixin). */
public final class LoggingOptions {
    /** Thanos' log levels. */
    public enum Level { error, warn, info, debug }

    /** Thanos' log formats. */
    public enum Format { logfmt, json }

    @Option(names = "--log.level", defaultValue = "info", paramLabel = "level",
            description = "Log filtering level: error, warn, info or debug (default ${DEFAULT-VALUE}).")
    Level level;

    @Option(names = "--log.format", defaultValue = "logfmt", paramLabel = "format",
            description = "Log format: logfmt or json (default ${DEFAULT-VALUE}).")
    Format format;

    /** Applies the options to the logging backend. */
    public void apply() {
        Logging.configure(level.name(), format.name());
    }
}
