package id.outletkiosk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;

/**
 * A part of the store started in a JVM of its own, as its launcher would start it on its own PC: this
 * JDK's {@code java}, the launcher's options, the benchmark's class path, a main class. The benchmarks
 * that spread a store over processes ({@link StationsBenchmark}, {@link ServiceDayBenchmark}) build
 * their children's command lines here.
 */
final class ForkedJvm {
    /** JavaFX on Monocle's headless screen at 1920x1080 with the software renderer, as the UI tests run it. */
    static final List<String> MONOCLE_HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true");

    private ForkedJvm() {
    }

    /**
     * Starts JavaFX on that headless screen in this JVM (the screen's own, or a benchmark's that runs its
     * screen in-process): the same properties, set before JavaFX reads them. The JVM stays up when the
     * last window closes; the benchmark ends it.
     */
    static void startHeadlessFx() {
        for (String flag : MONOCLE_HEADLESS) {
            String[] property = flag.substring("-D".length()).split("=", 2);
            System.setProperty(property[0], property[1]);
        }
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
    }

    /** The {@code java} of the JDK running this benchmark. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <options> -cp <this class path> <main> <arguments>}. */
    static List<String> command(List<String> options, Class<?> main, String... arguments) {
        return command(options, main.getName(), arguments);
    }

    /** As {@link #command(List, Class, String...)}, with the main class by name (the app's own {@code Main}, say). */
    static List<String> command(List<String> options, String main, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(arguments));
        return command;
    }
}
