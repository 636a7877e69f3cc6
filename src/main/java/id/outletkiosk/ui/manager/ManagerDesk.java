package id.outletkiosk.ui.manager;

import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.SpeedOfService;
import id.outletkiosk.model.SyncRound;
import id.outletkiosk.sync.SyncRoundResult;
import id.outletkiosk.ui.Terminal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the manager's panel reads and does on top of what every screen knows of its terminal. Every
 * method but {@link #refreshNow()} reads or writes the local store: call them off the FX thread.
 */
public interface ManagerDesk extends Terminal {
    /**
     * The settings this terminal runs with: the settings tab shows each beside what the file will hold;
     * the data folder keeps the manager PIN and the diagnostics bundles.
     */
    Settings settings();

    /** False when no backend is configured: there is nothing to refresh from. */
    boolean canRefresh();

    /** One menu sync round now; completes with its result or its failure. */
    CompletableFuture<SyncRoundResult> refreshNow();

    /** The last sync rounds, newest first. */
    List<SyncRound> recentRounds(int limit);

    /** Orders and status changes still waiting or refused, oldest first. */
    List<OutboxItem> openOutboxItems();

    /** Time on each transport today (empty before the feed starts). */
    Map<FeedMode, Duration> transportTimesToday();

    /** Puts a refused item back in the queue and wakes the sender; false when it was no longer open. */
    boolean retry(long seq);

    /** Gives up on an item for good with the manager's reason; false when it was no longer open. */
    boolean discard(long seq, String reason);

    /** Speed of service on a local day, for the whole kitchen and each station. */
    SpeedOfService.Report speedOfService(LocalDate day);

    /** The diagnostics bundle as text (reads the store and the log file). */
    String diagnostics();
}
