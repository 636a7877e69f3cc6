package id.outletkiosk.ui.manager;

import id.outletkiosk.health.Alert;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.SyncRound;
import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.sync.SyncRoundResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the manager's panel shows and does, as JavaFX properties changed on the FX thread only. Store
 * reads, refreshes and outbox actions run on {@code worker}; their results come back through
 * {@code fx} (Platform::runLater in the app, a direct executor in tests). Once {@link #close() closed} (the panel is
 * gone, and its worker stops next) the model asks nothing more of the worker: a timer tick or a read's result still
 * queued on the FX thread, or a button pressed meanwhile, is dropped.
 */
public final class ManagerPanelModel {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerPanelModel.class);
    /** The history the panel lists: enough for a few days at one round per 6 h plus manual ones. */
    public static final int HISTORY_SHOWN = 50;

    /** How the last "Refresh now" ended: rows changed and versions, or what went wrong (plain, then technical). */
    public record RefreshOutcome(boolean succeeded, int rowsChanged, long fromVersion, long toVersion,
            PlainProblem problem) {
    }

    /** A retry or discard that did not happen: {@code error} null when the item was no longer open. */
    public record ActionProblem(OutboxItem item, String error) {
    }

    /** One read of everything the panel lists, taken together off the FX thread. */
    public record Snapshot(List<SyncRound> rounds, List<OutboxItem> openItems, OutboxStatus outbox,
            Map<FeedMode, Duration> modeTimesToday, List<Alert> alerts) {
    }

    private final ManagerDesk desk;
    private final Executor worker;
    private final Executor fx;
    private final ObjectProperty<SyncStatus> syncStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<FeedStatus> feedStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<SyncRound> rounds = FXCollections.observableArrayList();
    private final ObservableList<OutboxItem> openItems = FXCollections.observableArrayList();
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private final ObjectProperty<RefreshOutcome> refreshOutcome = new SimpleObjectProperty<>();
    private final ObjectProperty<ActionProblem> actionProblem = new SimpleObjectProperty<>();
    private final Consumer<SyncStatus> syncForwarder;
    /** Set by {@link #close()}; read and written on the FX thread only, like every property here. */
    private boolean closed;

    public ManagerPanelModel(ManagerDesk desk, Executor worker, Executor fx) {
        this.desk = desk;
        this.worker = worker;
        this.fx = fx;
        this.syncForwarder = update -> fx.execute(() -> syncStatus.set(update));
        syncStatus.set(desk.syncStatus().current());
        desk.syncStatus().subscribe(syncForwarder);
    }

    public ObjectProperty<SyncStatus> syncStatusProperty() {
        return syncStatus;
    }

    public ObjectProperty<FeedStatus> feedStatusProperty() {
        return feedStatus;
    }

    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** The newest round first. */
    public ObservableList<SyncRound> rounds() {
        return rounds;
    }

    /** Orders and status changes still waiting for central or refused by it, oldest first. */
    public ObservableList<OutboxItem> openItems() {
        return openItems;
    }

    public ObservableList<Alert> alerts() {
        return alerts;
    }

    public BooleanProperty refreshingProperty() {
        return refreshing;
    }

    public ObjectProperty<RefreshOutcome> refreshOutcomeProperty() {
        return refreshOutcome;
    }

    /** The last retry or discard that did not happen (the order was sent meanwhile, say); null when fine. */
    public ObjectProperty<ActionProblem> actionProblemProperty() {
        return actionProblem;
    }

    public boolean canRefresh() {
        return desk.canRefresh();
    }

    /** The terminal the panel reports on. */
    public ManagerDesk desk() {
        return desk;
    }

    /**
     * Where the panel's slow work runs (store, disk), and how results come back to the screen. Work asked for after
     * the panel closed is dropped: there is no panel left to show its result on.
     */
    Executor worker() {
        return this::onWorker;
    }

    private void onWorker(Runnable work) {
        if (closed) {
            LOG.debug("manager panel closed; its work is dropped");
            return;
        }
        worker.execute(work);
    }

    Executor fx() {
        return fx;
    }

    /** Share of the listed rounds that succeeded, 0 to 1; NaN with no history. */
    public static double successRate(List<SyncRound> rounds) {
        return rounds.isEmpty() ? Double.NaN
                : rounds.stream().filter(SyncRound::succeeded).count() / (double) rounds.size();
    }

    /** Re-reads history, outbox, mode times and alerts off the FX thread; the view's 2-second timer calls this. */
    public void reload() {
        onWorker(() -> { // dropped once closed: a tick queued before the close, the panel gone
            try {
                Snapshot read = read();
                FeedStatus currentFeed = desk.feed().status();
                fx.execute(() -> show(read, currentFeed));
            } catch (RuntimeException e) {
                LOG.warn("the manager panel could not read the store: {}", e.getMessage());
            }
        });
    }

    private Snapshot read() {
        List<SyncRound> history = desk.recentRounds(HISTORY_SHOWN);
        List<OutboxItem> open = desk.openOutboxItems();
        OutboxStatus outbox = desk.outboxStatus();
        return new Snapshot(history, open, outbox, desk.transportTimesToday(), desk.alerts(outbox));
    }

    private void show(Snapshot read, FeedStatus currentFeed) {
        if (closed) {
            return; // read before the close: the panel is gone (its tabs would ask the stopped worker for more)
        }
        snapshot.set(read);
        // unchanged lists stay untouched: a table keeps its selection and scroll position
        if (!rounds.equals(read.rounds())) {
            rounds.setAll(read.rounds());
        }
        if (!openItems.equals(read.openItems())) {
            openItems.setAll(read.openItems());
        }
        if (!alerts.equals(read.alerts())) {
            alerts.setAll(read.alerts());
        }
        feedStatus.set(currentFeed);
    }

    /** "Refresh now": one round at once; the outcome (rows changed, versions, or the error) when it ends. */
    public void refreshNow() {
        if (closed || !desk.canRefresh() || refreshing.get()) {
            return;
        }
        refreshing.set(true);
        refreshOutcome.set(null);
        long before = syncStatus.get() == null ? 0 : syncStatus.get().dataVersion();
        desk.refreshNow().whenComplete((result, failure) -> fx.execute(() -> {
            refreshing.set(false);
            refreshOutcome.set(outcomeOf(result, failure, before));
            reload();
        }));
    }

    private static RefreshOutcome outcomeOf(SyncRoundResult result, Throwable failure, long before) {
        if (failure != null) {
            return new RefreshOutcome(false, 0, before, before, PlainProblem.of(failure));
        }
        long to = result.toVersions().values().stream().mapToLong(Long::longValue).max().orElse(before);
        return new RefreshOutcome(true, result.totalRowsWritten(), before, to, null);
    }

    /** Puts a refused order or status change back in the queue and wakes the sender. */
    public void retry(OutboxItem entry) {
        act(() -> {
            boolean done = desk.retry(entry.seq());
            if (done) {
                LOG.info("manager retried {}", logName(entry));
            }
            return done;
        }, entry);
    }

    /** Gives up on an order or status change for good, with the manager's reason kept beside it. */
    public void discard(OutboxItem entry, String reason) {
        act(() -> {
            boolean done = desk.discard(entry.seq(), reason);
            if (done) {
                LOG.info("manager discarded {} ({})", logName(entry), reason);
            }
            return done;
        }, entry);
    }

    private interface OutboxAction {
        boolean run();
    }

    private static String logName(OutboxItem entry) {
        return (entry instanceof OutboxEntry ? "order " : "status change ") + entry.label();
    }

    /** A press after the panel closed does nothing: the panel it was pressed on is gone, so nothing is shown. */
    private void act(OutboxAction action, OutboxItem entry) {
        if (closed) {
            LOG.info("manager panel closed; {} left as it is", logName(entry));
            return;
        }
        actionProblem.set(null);
        onWorker(() -> {
            ActionProblem problem;
            try {
                problem = action.run() ? null : new ActionProblem(entry, null);
            } catch (RuntimeException e) {
                LOG.warn("outbox action on {} failed: {}", logName(entry), e.getMessage());
                problem = new ActionProblem(entry, e.getMessage());
            }
            ActionProblem shown = problem;
            fx.execute(() -> {
                actionProblem.set(shown);
                reload();
            });
        });
    }

    /**
     * The diagnostics bundle as text, made off the FX thread (it reads the store and the log file); after the
     * close it never completes, as there is no panel to copy it from.
     */
    public CompletableFuture<String> diagnostics() {
        return CompletableFuture.supplyAsync(() -> desk.diagnostics(), this::onWorker);
    }

    /** Stops listening to the sync status and asking the worker for anything; the panel is gone. */
    public void close() {
        closed = true;
        desk.syncStatus().unsubscribe(syncForwarder);
    }
}
