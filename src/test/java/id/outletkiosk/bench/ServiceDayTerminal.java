package id.outletkiosk.bench;

import id.outletkiosk.config.Role;
import id.outletkiosk.config.Settings;
import id.outletkiosk.runtime.OutletRuntime;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A store terminal (kiosk or kitchen board) in its own JVM for {@link ServiceDayBenchmark}, opened as
 * {@code ui} opens it: its store in the data folder, the menu sync and the housekeeping running, its
 * feed on central and the store server, its window on the headless screen. Its settings come as system
 * properties ({@code bench.home}, {@code bench.central}, {@code bench.localHttp}, {@code bench.localWs});
 * it talks to the driver in lines: {@code R ready} on stdout when its window is up, then commands on
 * stdin until {@code quit} (or stdin closed).
 */
final class ServiceDayTerminal {
    /** The driver's channel: the real stdout, which nothing else may write to (the logs go to stderr). */
    static final PrintStream REPORTS = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private ServiceDayTerminal() {
    }

    /** The terminal of {@code role}, its menu synced, housekeeping started (as {@code UiCommand} does). */
    static OutletRuntime open(Role role) {
        System.setOut(System.err);
        Path home = Path.of(System.getProperty("bench.home"));
        Settings settings = StationsBenchmark.terminalSettings(home, URI.create(System.getProperty("bench.central")),
                URI.create(System.getProperty("bench.localHttp")), URI.create(System.getProperty("bench.localWs")))
                .withRole(role);
        OutletRuntime runtime = StationsBenchmark.openRuntime(settings, home.resolve(role.name().toLowerCase()),
                Clock.systemDefaultZone());
        runtime.startSync();
        runtime.startHousekeeping();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (runtime.catalog().allProducts().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no menu in 60 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        // the Monocle flags come on the command line (ForkedJvm.MONOCLE_HEADLESS), before JavaFX starts
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        return runtime;
    }

    /**
     * On a stage of its own, rendered every pulse like any window, but past the headless screen's right
     * edge: Monocle would otherwise blend its pixels into a frame buffer int by int on the FX thread, work
     * a real display does natively (see BENCHMARKS.md, issue 15). On the FX thread.
     */
    static Stage show(Scene scene) {
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.setX(1920 + 40);
        stage.setY(0);
        stage.show();
        return stage;
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    /** Says it is ready, then runs each command line until {@code quit}; stdin closed is quit too. */
    static void serve(CommandHandler handler) throws IOException {
        REPORTS.println("R ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
            try {
                handler.handle(line);
            } catch (Exception e) {
                e.printStackTrace();
                REPORTS.println("E " + e);
            }
        }
    }

    @FunctionalInterface
    interface CommandHandler {
        void handle(String command) throws Exception;
    }
}
