package id.outletkiosk.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.TestClocks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk closing while the FX thread still has the window's work queued: the app closes its windows from the main
 * thread once a window is gone, the screen tests from the test thread. The window's timer and its results run on the
 * FX thread and hand work to the window's worker, so the worker may stop only after them, there; a close that
 * stopped it from another thread made such a tick throw RejectedExecutionException on the FX thread (the manager
 * panel's, CI at ed43776).
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class KioskWindowCloseTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private Stage stage;
    private KioskOnStage kiosk;
    private final List<Throwable> thrownOnFx = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler fxHandlerBefore;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @BeforeEach
    void openKiosk() {
        kiosk = new KioskOnStage(stage, home, TestClocks.noonInJakarta(), 1080, 1920, Map.of());
        FxAwait.onFx(() -> {
            fxHandlerBefore = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> thrownOnFx.add(e));
            return null;
        });
    }

    @AfterEach
    void closeTerminal() {
        FxAwait.onFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(fxHandlerBefore);
            stage.hide();
            return null;
        });
        kiosk.runtime.close();
        kiosk.backend.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void aCloseFromAnotherThreadLetsTheWorkAlreadyQueuedOnTheFxThreadReachTheWorkerFirst() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch fxHeld = new CountDownLatch(1);
        Platform.runLater(() -> { // the FX thread in the middle of something (a pulse) when the close comes
            fxHeld.countDown();
            await(busy);
        });
        await(fxHeld);
        // what a tick does (the once-a-minute menu reload), queued on the FX thread before the close
        Platform.runLater(() -> kiosk.window.kiosk().reloadMenu());
        Thread closing = new Thread(kiosk.window::close, "closing-terminal");
        closing.start();
        // the close either returned at once (its worker stopped under the queued reload) or waits for the FX thread
        Awaitility.await().atMost(PATIENCE).until(() -> closing.getState() == Thread.State.TERMINATED
                || closing.getState() == Thread.State.TIMED_WAITING);
        busy.countDown();
        closing.join(PATIENCE.toMillis());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(closing.isAlive()).isFalse();
        assertThat(thrownOnFx).as("thrown on the FX thread").isEmpty();
        assertTheClocksStopped();
    }

    @Test
    void aCloseOnTheFxThreadClosesAtOnce() {
        assertThat(FxAwait.onFx(() -> kiosk.window.banners().ageing())).as("banners' clock while open").isTrue();
        FxAwait.onFx(() -> {
            kiosk.window.close();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(thrownOnFx).isEmpty();
        assertTheClocksStopped();
    }

    /**
     * The status bar's and the banners' 30-second clocks: a timeline left running is held by JavaFX's animation
     * timer, and with it the closed window's bar, banners and kiosk state, for as long as the process lives.
     */
    private void assertTheClocksStopped() {
        assertThat(FxAwait.onFx(() -> kiosk.window.statusBar().view().ageing())).as("status bar's clock").isFalse();
        assertThat(FxAwait.onFx(() -> kiosk.window.banners().ageing())).as("banners' clock").isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
