package id.outletkiosk.sync;

import id.outletkiosk.model.SyncRound;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.store.MasterDataStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link SyncStatus} and tells subscribers of every change, on the thread that made
 * it. No JavaFX here: the UI subscribes through its own adapter.
 */
public final class SyncStatusTracker {
    private static final Logger LOG = LoggerFactory.getLogger(SyncStatusTracker.class);

    private final AtomicReference<SyncStatus> current;
    private final List<Consumer<SyncStatus>> subscribers = new CopyOnWriteArrayList<>();

    public SyncStatusTracker(Duration outdatedAfter) {
        current = new AtomicReference<>(new SyncStatus(SyncState.IDLE, 1.0, null, null, null, null, null, null,
                outdatedAfter));
    }

    /** Reads versions, counts and the round history from the store: what a fresh start shows before any sync. */
    public static SyncStatusTracker fromStore(MasterDataStore store, Duration outdatedAfter) {
        SyncStatusTracker tracker = new SyncStatusTracker(outdatedAfter);
        tracker.reloadFrom(store, SyncState.IDLE);
        return tracker;
    }

    public SyncStatus current() {
        return current.get();
    }

    /** Subscribes and immediately hands over the current status. */
    public void subscribe(Consumer<SyncStatus> subscriber) {
        subscribers.add(subscriber);
        subscriber.accept(current.get());
    }

    public void unsubscribe(Consumer<SyncStatus> subscriber) {
        subscribers.remove(subscriber);
    }

    SyncStatus reloadFrom(MasterDataStore store, SyncState state) {
        MasterDataStore.StoreSummary summary = store.summary();
        SyncRound lastRound = summary.lastRound();
        SyncRound lastSuccess = summary.lastSuccess();
        return update(previous -> new SyncStatus(state, 1.0, summary.versions(), summary.rowCounts(),
                lastRound == null ? null : lastRound.startedAt(),
                lastSuccess == null ? null : lastSuccess.finishedAt(),
                lastRound == null || lastRound.succeeded() ? null : lastRound.error(),
                previous.nextAttempt(), previous.outdatedAfter()));
    }

    void progress(double fraction) {
        update(previous -> previous.with(SyncState.SYNCING, fraction));
    }

    void nextAttempt(Instant at) {
        update(previous -> previous.withNextAttempt(at));
    }

    /**
     * Changes the status and tells subscribers, one change at a time: the sync thread and a caller
     * planning the next round must not overwrite each other, and subscribers see changes in order.
     */
    private synchronized SyncStatus update(UnaryOperator<SyncStatus> change) {
        SyncStatus before = current.get();
        SyncStatus status = change.apply(before);
        current.set(status);
        if (before.state() != status.state()) {
            LOG.info("master data sync {} -> {}{}", before.state(), status.state(),
                    status.lastError() == null ? "" : ": " + status.lastError());
        }
        for (Consumer<SyncStatus> subscriber : subscribers) {
            try {
                subscriber.accept(status);
            } catch (RuntimeException e) {
                LOG.error("a sync status subscriber failed", e);
            }
        }
        return status;
    }
}
