package id.outletkiosk.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Log files in the data folder, for the long-running commands (the app, the sync daemon, the local
 * server): {@code logs/outlet-kiosk.log}, rolled daily and at 10 MB, 14 days and 100 MB at most, so a
 * terminal that runs for months never fills its disk. Known only once the settings name the folder,
 * hence added after start-up rather than in {@link LogSetup}.
 */
public final class LogFiles {
    public static final String CURRENT = "outlet-kiosk.log";
    private static final String APPENDER = "data-folder-file";

    private LogFiles() {
    }

    /** Starts writing to {@code logs/} in {@code dataDir}; a second call for the same process does nothing. */
    public static synchronized void writeTo(Path dataDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: its own configuration decides
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return;
        }
        Path folder = dataDir.resolve("logs");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n");
        encoder.start();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(APPENDER);
        file.setFile(folder.resolve(CURRENT).toString());
        file.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder.resolve("outlet-kiosk.%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("100MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.start();
        root.addAppender(file);
    }

    /** Stops writing the file (closing it): at the end of a test, or before the data folder goes away. */
    public static synchronized void stopWriting() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            var appender = root.getAppender(APPENDER);
            if (appender != null) {
                root.detachAppender(appender);
                appender.stop();
            }
        }
    }

    /** The last {@code count} lines of the current log file in {@code dataDir}, oldest first; none if there is no file. */
    public static List<String> lastLines(Path dataDir, int count) throws IOException {
        Path current = dataDir.resolve("logs").resolve(CURRENT);
        if (!Files.isRegularFile(current)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (var reader = Files.newBufferedReader(current, java.nio.charset.StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (lines.size() > count) {
                    lines.remove(0);
                }
            }
        }
        return lines;
    }
}
