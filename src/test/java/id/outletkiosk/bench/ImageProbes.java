package id.outletkiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Probes started the way the installed app starts: a copy of the app image's native launcher next to
 * {@code bin/OutletKiosk}, with a launcher file ({@code lib/app/<name>.cfg}) that keeps the kiosk's JVM
 * options and class path but names a probe's main class and adds the test classes. So a probe runs on the
 * image's jlinked runtime with the image's options, as a customer's kiosk does. Removed by {@link #close}.
 */
final class ImageProbes implements AutoCloseable {
    private final Path image;
    private final List<String> kioskJavaOptions;
    private final Map<String, String> startEnvironment;
    private final List<Path> installed = new ArrayList<>();

    ImageProbes(Path image) throws IOException {
        this.image = image;
        Path kioskCfg = image.resolve("lib/app/OutletKiosk.cfg");
        if (!Files.isRegularFile(kioskCfg)) {
            throw new IllegalStateException("no app image at " + image + ": build it with packaging/build-app-image.sh");
        }
        this.kioskJavaOptions = Files.readAllLines(kioskCfg).stream().filter(line -> line.startsWith("java-options="))
                .map(line -> line.substring("java-options=".length())).toList();
        this.startEnvironment = desktopEntryEnvironment(image.toAbsolutePath().normalize());
    }

    /**
     * The environment the installed kiosk starts with: the {@code env NAME=value} words of the {@code Exec}
     * line in the .deb's desktop entry ({@code packaging/deb-resources/OutletKiosk.desktop}) of the source
     * tree this image was built from ({@code <tree>/target/installer/<image>}); none if it has no such entry.
     */
    private static Map<String, String> desktopEntryEnvironment(Path image) throws IOException {
        Path entry = image.getParent().getParent().getParent().resolve("packaging/deb-resources/OutletKiosk.desktop");
        Map<String, String> environment = new LinkedHashMap<>();
        if (!Files.isRegularFile(entry)) {
            return environment;
        }
        for (String line : Files.readAllLines(entry)) {
            if (line.startsWith("Exec=env ")) {
                for (String word : line.substring("Exec=env ".length()).split(" ")) {
                    if (!word.matches("[A-Z_]+=.*")) {
                        break;
                    }
                    environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
                }
            }
        }
        return environment;
    }

    /** What the installed app's desktop entry sets in the environment; probes of this image get it too. */
    Map<String, String> startEnvironment() {
        return startEnvironment;
    }

    List<String> kioskJavaOptions() {
        return kioskJavaOptions;
    }

    /**
     * A launcher {@code bin/<name>} whose main class is {@code mainClass}, with the kiosk's JVM options
     * that {@code keep} accepts, then {@code extraOptions}; the test classes (and whatever else the bench
     * JVM's class path holds that {@code extraClassPath} accepts) after the app's jar.
     */
    Path install(String name, String mainClass, Predicate<String> keep, List<String> extraOptions,
            Predicate<String> extraClassPath) throws IOException {
        Path launcher = image.resolve("bin").resolve(name);
        Path cfg = image.resolve("lib/app").resolve(name + ".cfg");
        Files.copy(image.resolve("bin/OutletKiosk"), launcher, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        List<String> lines = new ArrayList<>(List.of("[Application]", "app.classpath=$APPDIR/outlet-kiosk.jar"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("test-classes") || extraClassPath.test(entry)) {
                lines.add("app.classpath=" + Path.of(entry).toAbsolutePath());
            }
        }
        lines.add("app.mainclass=" + mainClass);
        lines.add("");
        lines.add("[JavaOptions]");
        kioskJavaOptions.stream().filter(keep).forEach(option -> lines.add("java-options=" + option));
        extraOptions.forEach(option -> lines.add("java-options=" + option));
        Files.write(cfg, lines);
        installed.add(launcher);
        installed.add(cfg);
        return launcher;
    }

    /** What one probe printed, each marker with the wall time from spawning the process to the line. */
    record Run(Map<String, Double> markerMs, Map<String, Long> values) {
        double ms(String marker) {
            Double ms = markerMs.get(marker);
            if (ms == null) {
                throw new IllegalStateException("the probe never printed " + marker + ": " + markerMs);
            }
            return ms;
        }
    }

    /**
     * Spawns a probe and reads its output: lines {@code MARKER} are timed, lines {@code NAME number} kept
     * as values. Fails with the end of the probe's error output if it does not exit 0 within 2 minutes.
     */
    static Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("image-probe", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        Map<String, Double> markers = new HashMap<>();
        Map<String, Long> values = new HashMap<>();
        long started = System.nanoTime();
        Process child = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                double ms = (System.nanoTime() - started) / 1e6;
                String[] words = line.trim().split(" ");
                if (words.length == 1 && words[0].matches("[A-Z_]+")) {
                    markers.putIfAbsent(words[0], ms);
                } else if (words.length == 2 && words[0].matches("[A-Z_]+") && words[1].matches("-?\\d+")) {
                    values.put(words[0], Long.parseLong(words[1]));
                    markers.putIfAbsent(words[0], ms);
                }
            }
        }
        if (!child.waitFor(120, TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            List<String> log = Files.readAllLines(errors);
            Files.delete(errors); // its end is in the message
            throw new IllegalStateException(command + " failed:\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size())));
        }
        Files.delete(errors);
        return new Run(markers, values);
    }

    @Override
    public void close() throws IOException {
        for (Path file : installed) {
            Files.deleteIfExists(file);
        }
    }
}
