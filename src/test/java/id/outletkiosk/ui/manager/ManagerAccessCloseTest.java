package id.outletkiosk.ui.manager;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.testing.BackOfficeOnScreen;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.ManagerPanels;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.MenuWindow;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.BackOfficeRole;
import id.outletkiosk.ui.app.RunningTerminal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The terminal closing while the manager's panel is open: the app closes its windows from the main thread once a
 * window is gone, the screen tests from the test thread. The panel's 2-second timer ticks on the FX thread, so it
 * must be stopped there, and only then may the panel's worker stop; a close that stops the worker from another
 * thread while the FX thread still has a tick to run made that tick throw on the FX thread (CI at ed43776).
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class ManagerAccessCloseTest {
    private static final String PIN = "2468";

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private Stage stage;
    private BackOfficeOnScreen terminal;
    private MenuWindow window;
    private ManagerAccess access;
    private final WatchedWorker worker = new WatchedWorker();
    private final List<Throwable> thrownOnFx = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler fxHandlerBefore;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    /** The panel's worker, telling on which thread it was shut down and whether the panel was still up then. */
    private final class WatchedWorker extends ThreadPoolExecutor {
        volatile Boolean shutDownOnFx;
        volatile Boolean panelUpAtShutdown;

        WatchedWorker() {
            super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutDownOnFx = Platform.isFxApplicationThread();
            panelUpAtShutdown = ManagerAccess.isOpenOn(stage.getScene());
            return super.shutdownNow();
        }
    }

    @BeforeEach
    void openPanel(FxRobot robot) throws Exception {
        terminal = BackOfficeOnScreen.open(home, PIN, Map.of(), Clock.systemUTC());
        FxAwait.onFx(() -> {
            fxHandlerBefore = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> thrownOnFx.add(e));
            RunningTerminal desk = new RunningTerminal(terminal.runtime());
            window = BackOfficeRole.window(desk, Messages.english());
            stage.setScene(window.buildScene());
            stage.show();
            access = new ManagerAccess(window.statusBar(), desk, Messages.english(), stage,
                    new ConfigFile(terminal.config(), new SettingsLoader(home)), null, worker);
            access.open();
            return null;
        });
        FxAwait.visible(robot, "#pin-pad");
        ManagerPanels.typePin(robot, PIN);
        FxAwait.visible(robot, "#manager-panel");
    }

    @AfterEach
    void closeTerminal() throws Exception {
        FxAwait.onFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(fxHandlerBefore);
            stage.hide();
            return null;
        });
        worker.shutdownNow();
        window.close();
        terminal.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void aCloseFromAnotherThreadWhileTheFxThreadIsBusyTakesThePanelDownThereBeforeTheWorkerStops() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch fxHeld = new CountDownLatch(1);
        Platform.runLater(() -> { // the FX thread in the middle of something (a pulse, a tick) when the close comes
            fxHeld.countDown();
            await(busy);
        });
        await(fxHeld);
        Thread closing = new Thread(access::close, "closing-terminal");
        closing.start();
        Platform.runLater(() -> access.open()); // a press on the chord queued behind: the terminal is closing
        busy.countDown();
        closing.join(TimeUnit.SECONDS.toMillis(10));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(closing.isAlive()).isFalse();
        assertThat(worker.shutDownOnFx).as("the worker stopped on the FX thread").isTrue();
        assertThat(worker.panelUpAtShutdown).as("the panel was still up when its worker stopped").isFalse();
        assertThat(worker.isShutdown()).isTrue();
        assertThat(FxAwait.onFx(() -> ManagerAccess.isOpenOn(stage.getScene()))).as("no pad over a closed terminal")
                .isFalse();
        assertThat(thrownOnFx).isEmpty();
    }

    @Test
    void aCloseOnTheFxThreadTakesThePanelDownAtOnce() {
        FxAwait.onFx(() -> {
            access.close();
            return null;
        });

        assertThat(worker.shutDownOnFx).isTrue();
        assertThat(worker.panelUpAtShutdown).isFalse();
        assertThat(FxAwait.onFx(() -> ManagerAccess.isOpenOn(stage.getScene()))).isFalse();
        assertThat(thrownOnFx).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
