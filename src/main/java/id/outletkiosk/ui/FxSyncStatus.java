package id.outletkiosk.ui;

import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.sync.SyncStatusTracker;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one bridge from sync (any thread) to the screen (FX thread): each status change is handed over
 * with {@code Platform.runLater}, so sync never waits for the UI and the UI never blocks on sync.
 */
public final class FxSyncStatus implements AutoCloseable {
    private final SyncStatusTracker tracker;
    private final ReadOnlyObjectWrapper<SyncStatus> status;
    private final Consumer<SyncStatus> forwarder = update -> Platform.runLater(() -> setStatus(update));

    public FxSyncStatus(SyncStatusTracker tracker) {
        this.tracker = tracker;
        this.status = new ReadOnlyObjectWrapper<>(tracker.current());
        tracker.subscribe(forwarder);
    }

    private void setStatus(SyncStatus update) {
        status.set(update);
    }

    public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void close() {
        tracker.unsubscribe(forwarder);
    }
}
