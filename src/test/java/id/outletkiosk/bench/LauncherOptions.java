package id.outletkiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options a packaged launcher starts with, read from the packaging files themselves, so a
 * benchmark runs a server the way a store runs it and cannot drift from what ships.
 */
final class LauncherOptions {
    private LauncherOptions() {
    }

    /** The main launcher's ({@code --java-options} lines of jpackage.cfg). */
    static List<String> ofMainLauncher(Path projectRoot) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(projectRoot.resolve("jpackage.cfg"))) {
            if (line.startsWith("--java-options ")) {
                options.add(line.substring("--java-options ".length()).trim());
            }
        }
        return options;
    }

    /** An added launcher's ({@code java-options=} of its properties file, space separated). */
    static List<String> ofAddedLauncher(Path propertiesFile) throws IOException {
        for (String line : Files.readAllLines(propertiesFile)) {
            if (line.startsWith("java-options=")) {
                return List.of(line.substring("java-options=".length()).trim().split("\\s+"));
            }
        }
        return List.of();
    }

    /**
     * The kitchen display's launcher options, as a benchmark's forked screen takes them: without the
     * class-data archive, which exists only inside an app image ({@code $APPDIR}).
     */
    static List<String> ofKitchenLauncher() {
        try {
            return ofAddedLauncher(Path.of("packaging", "kitchen-launcher.properties")).stream()
                    .filter(option -> !option.startsWith("-XX:SharedArchiveFile")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the kitchen launcher's options (run from the project's folder)", e);
        }
    }
}
