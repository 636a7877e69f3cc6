package id.outletkiosk.ui.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import id.outletkiosk.testing.BackOfficeOnScreen;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.app.RunningTerminal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel's model once the manager's panel is gone: the terminal closes the model, then stops its worker (as
 * {@link ManagerAccess#close()} does, on the FX thread). A timer tick already queued on the FX thread and a read's
 * result that comes back late find the model closed and ask nothing of the stopped worker: nothing throws on the
 * FX thread, where it would be charged to whatever test runs next.
 * The FX thread is a queue the test runs by hand; no screen is needed.
 */
class ManagerPanelAfterCloseTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private BackOfficeOnScreen terminal;
    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private ManagerPanelModel model;

    @BeforeEach
    void openModel() throws Exception {
        terminal = BackOfficeOnScreen.open(home, null, Map.of(), Clock.systemUTC());
        model = new ManagerPanelModel(new RunningTerminal(terminal.runtime()), worker, fxQueue::add);
    }

    @AfterEach
    void closeTerminal() throws Exception {
        worker.shutdownNow();
        terminal.close();
        TempFolders.deleteWhenQuiet(home);
    }

    /** What the FX thread has queued, run in order (what a queued task queues runs too). */
    private void runFxQueue() {
        for (Runnable task = fxQueue.poll(); task != null; task = fxQueue.poll()) {
            task.run();
        }
    }

    private void closeAsTheTerminalDoes() {
        model.close();
        worker.shutdownNow();
    }

    @Test
    void aTimerTickQueuedBeforeThePanelClosedAsksNothingOfTheStoppedWorker() {
        fxQueue.add(model::reload); // the 2-second timer fired; its tick waits behind whatever the FX thread does
        closeAsTheTerminalDoes();

        assertThatCode(this::runFxQueue).doesNotThrowAnyException();
        assertThat(model.snapshotProperty().get()).isNull();
    }

    @Test
    void aReadThatComesBackAfterTheCloseChangesNothingOnThePanel() throws Exception {
        model.reload();
        worker.submit(() -> { }).get(); // the read is done; its result waits on the FX thread
        assertThat(fxQueue).isNotEmpty();
        closeAsTheTerminalDoes();

        assertThatCode(this::runFxQueue).doesNotThrowAnyException();
        assertThat(model.snapshotProperty().get()).isNull();
    }
}
