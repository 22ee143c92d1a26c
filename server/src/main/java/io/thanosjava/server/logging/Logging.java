package io.thanosjava.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/** Applies {@code --log.level} and {@code --log.format} to the logging backend. */
public final class Logging {
    private Logging() {
    }

    public static void configure(String level, String format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        LogLayout layout = new LogLayout();
        layout.setFormat(format);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setLayout(layout);
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(appender);
        // Library internals stay quiet unless debugging.
        Level libraries = "debug".equals(level) ? Level.INFO : Level.WARN;
        context.getLogger("io.netty").setLevel(libraries);
        context.getLogger("io.grpc").setLevel(libraries);
    }
}
