package id.outletkiosk.ui.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.testing.BackOfficeOnScreen;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.app.RunningTerminal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
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
 * {@link ManagerAccess#close()} does, on the FX thread). A timer tick already queued on the FX thread, a read's
 * result that comes back late and a button pressed after the close find the model closed and ask nothing of the
 * stopped worker: nothing throws on the FX thread, where it would be charged to whatever test runs next.
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

    @Test
    void aRetryOrDiscardPressedAfterThePanelClosedDoesNothing_theManagerHasNoPanelToSeeItOn() {
        OutboxItem item = new OutboxEntry(7, "order-7", "A-007", 1, "Budi", List.of(), List.of(), BigDecimal.TEN, 1,
                Instant.EPOCH, OutboxState.ATTENTION, 3, "refused", false, null, null, null, false);
        closeAsTheTerminalDoes();

        assertThatCode(() -> model.retry(item)).doesNotThrowAnyException();
        assertThatCode(() -> model.discard(item, "customer left")).doesNotThrowAnyException();
        assertThatCode(this::runFxQueue).doesNotThrowAnyException();
        assertThat(model.actionProblemProperty().get()).isNull();
    }

    @Test
    void slowWorkTheTabsAskForAfterTheCloseIsDropped() {
        closeAsTheTerminalDoes();

        assertThatCode(() -> model.worker().execute(() -> { })).doesNotThrowAnyException();
        assertThatCode(() -> model.diagnostics()).doesNotThrowAnyException();
    }
}
