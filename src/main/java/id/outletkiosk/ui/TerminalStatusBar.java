package id.outletkiosk.ui;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import id.outletkiosk.health.Alert;
import java.util.List;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status bar wired to a running terminal: sync status and feed status handed to the FX thread,
 * and the outbox count read off the FX thread every 2 s (cheap, and always current on screen).
 */
public final class TerminalStatusBar implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalStatusBar.class);

    private final FxSyncStatus syncStatus;
    private final FxFeedStatus feedStatus;
    private final StatusBarView view;

    /**
     * Call on the FX thread; {@code onRefresh} null leaves the refresh button out (a customer's screen).
     * {@code staffScreen}: the health alerts show too (the kitchen, the back office); a customer never
     * needs to read "no order news for 50 min".
     */
    public TerminalStatusBar(Terminal terminal, Messages messages, Runnable onRefresh,
            ScheduledExecutorService storeReader, boolean staffScreen) {
        this.syncStatus = new FxSyncStatus(terminal.syncStatus());
        this.feedStatus = new FxFeedStatus(terminal.feed());
        this.view = new StatusBarView(syncStatus.statusProperty(), messages, terminal.clock(), onRefresh,
                terminal.demo(), terminal.pollInterval().toSeconds());
        feedStatus.statusProperty().addListener((observable, before, now) -> view.showTransport(now));
        view.showTransport(feedStatus.statusProperty().get());
        storeReader.scheduleWithFixedDelay(() -> {
            try {
                var outbox = terminal.outboxStatus();
                List<Alert> alerts = staffScreen ? terminal.alerts(outbox) : List.of();
                Platform.runLater(() -> {
                    view.showOutbox(outbox);
                    view.showAlerts(alerts);
                });
            } catch (RuntimeException e) {
                LOG.warn("reading the outbox status failed: {}", e.getMessage());
            }
        }, 0, 2, TimeUnit.SECONDS);
    }

    public StatusBarView view() {
        return view;
    }

    public FxSyncStatus syncStatus() {
        return syncStatus;
    }

    @Override
    public void close() {
        view.stopAgeing();
        syncStatus.close();
        feedStatus.close();
    }
}
