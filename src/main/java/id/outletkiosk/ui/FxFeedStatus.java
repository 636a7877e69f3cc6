package id.outletkiosk.ui;

import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.RealtimeFeed;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The realtime feed's status on the FX thread, handed over with {@code Platform.runLater} like {@link FxSyncStatus}. */
public final class FxFeedStatus implements AutoCloseable {
    private final RealtimeFeed feed;
    private final ReadOnlyObjectWrapper<FeedStatus> status;
    private final FeedListener forwarder = new FeedListener() {
        @Override
        public void onStatus(FeedStatus update) {
            Platform.runLater(() -> status.set(update));
        }
    };

    public FxFeedStatus(RealtimeFeed feed) {
        this.feed = feed;
        this.status = new ReadOnlyObjectWrapper<>(feed.status());
        feed.addListener(forwarder);
    }

    public ReadOnlyObjectProperty<FeedStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void close() {
        feed.removeListener(forwarder);
    }
}
