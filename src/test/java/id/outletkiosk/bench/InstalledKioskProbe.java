package id.outletkiosk.bench;

import id.outletkiosk.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.controlsfx.control.GridCell;

/**
 * The installed kiosk's real start, watched from inside: runs {@link Main} with the given arguments (the
 * app image's launcher, runtime and JVM options start this class instead of {@code Main}, see
 * {@link InstalledKioskStartupBenchmark}) and prints {@code FIRST_FRAME} after the first layout pulse of
 * a showing window, taps "English" on the welcome screen the moment it can be tapped, and prints
 * {@code READY} once the menu grid shows dishes, then exits. Nothing of the app is bypassed: picocli,
 * logging, the store, the sync and the window come as for a customer.
 */
public final class InstalledKioskProbe {
    private static final long MAIN_STARTED = System.nanoTime();
    private static boolean firstFrameSeen;
    private static boolean tapped;

    private InstalledKioskProbe() {
    }

    public static void main(String[] args) {
        Thread watcher = new Thread(InstalledKioskProbe::watchOnceJavaFxRuns, "startup-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Main.main(args);
    }

    /** The app starts JavaFX itself (Platform.startup); until then runLater refuses, so ask every ms. */
    private static void watchOnceJavaFxRuns() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                Platform.runLater(InstalledKioskProbe::watchWindows);
                return;
            } catch (IllegalStateException notStartedYet) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        System.out.println("FAILED JavaFX never started");
        System.exit(3);
    }

    private static void watchWindows() {
        Window.getWindows().forEach(InstalledKioskProbe::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(InstalledKioskProbe::watch);
            }
        });
    }

    private static void watch(Window window) {
        Scene scene = window.getScene();
        if (scene == null) {
            window.sceneProperty().addListener((property, was, now) -> watch(window));
            return;
        }
        scene.addPostLayoutPulseListener(() -> afterLayout(window, scene));
        Platform.requestNextPulse();
    }

    private static void afterLayout(Window window, Scene scene) {
        if (!window.isShowing()) {
            return;
        }
        if (!firstFrameSeen) {
            firstFrameSeen = true;
            System.out.println("FIRST_FRAME");
            System.out.println("MAIN_MS_FIRST_FRAME " + jvmMs());
        }
        if (!tapped && scene.lookup("#english") instanceof Button english && !english.isDisabled()) {
            tapped = true;
            System.out.println("TAPPED");
            System.out.println("MAIN_MS_TAPPED " + jvmMs());
            Platform.runLater(english::fire); // as a customer's tap: on its own event, not inside the pulse
        }
        if (dishesOnScreen(scene) > 0) {
            System.out.println("READY");
            System.out.println("MAIN_MS_READY " + jvmMs());
            System.out.flush();
            if (Boolean.getBoolean("probe.exitForRecording")) {
                System.exit(0); // a flight recording (-XX:StartFlightRecording) is written by the shutdown hooks
            }
            deleteUnpackedSqliteLibrary();
            Runtime.getRuntime().halt(0); // the measurement is taken; closing the store is not part of it
        }
    }

    /**
     * sqlite-jdbc unpacks its native library into the temporary folder and deletes it on exit, which
     * {@code halt} skips: every probe left ~1 MB behind in /tmp (five per run of the benchmark). The
     * copy this JVM loaded is the one mapped into it; Linux lets a mapped file be unlinked.
     */
    private static void deleteUnpackedSqliteLibrary() {
        try {
            List<String> copies;
            try (var maps = Files.lines(Path.of("/proc/self/maps"))) {
                copies = maps.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                        .filter(file -> file.endsWith("-libsqlitejdbc.so")).distinct().toList();
            }
            for (String copy : copies) {
                Files.deleteIfExists(Path.of(copy));
                Files.deleteIfExists(Path.of(copy + ".lck"));
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete sqlite-jdbc's unpacked library: " + e);
        }
    }

    /** Milliseconds since this class's main began: the launcher's and the JVM's own start is the wall time less this. */
    private static long jvmMs() {
        return (System.nanoTime() - MAIN_STARTED) / 1_000_000;
    }

    private static long dishesOnScreen(Scene scene) {
        int shown = 0;
        for (Node node : scene.getRoot().lookupAll(".grid-cell")) {
            if (node instanceof GridCell<?> cell && cell.getItem() != null) {
                shown++;
            }
        }
        return shown;
    }
}
