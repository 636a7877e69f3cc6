package id.outletkiosk.ui.app;

import id.outletkiosk.config.Role;
import id.outletkiosk.config.Settings;
import id.outletkiosk.health.Alert;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.SpeedOfService;
import id.outletkiosk.model.StoreDisk;
import id.outletkiosk.model.SyncRound;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.runtime.Reports;
import id.outletkiosk.sync.ModeTimes;
import id.outletkiosk.sync.RealtimeFeed;
import id.outletkiosk.sync.SyncRoundResult;
import id.outletkiosk.sync.SyncScheduler;
import id.outletkiosk.sync.SyncStatusTracker;
import id.outletkiosk.ui.manager.ManagerDesk;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The running terminal as the screens see it: every screen's {@link id.outletkiosk.ui.Terminal} and
 * the manager panel's {@link ManagerDesk}, over the runtime. Building it starts the order feed (every
 * screen shows its transport) and the health reports to the store server (its status page shows them). The role roots ({@link KioskRole}, {@link KitchenRole},
 * {@link BackOfficeRole}) take what else their screens need from {@link #runtime()}.
 */
public final class RunningTerminal implements ManagerDesk {
    private final OutletRuntime runtime;
    private final RealtimeFeed feed;

    public RunningTerminal(OutletRuntime runtime) {
        this.runtime = runtime;
        this.feed = runtime.startFeed();
        runtime.startHealthReports();
    }

    /** For the role roots only: screens get narrow parts of it, never the whole. */
    OutletRuntime runtime() {
        return runtime;
    }

    @Override
    public Role role() {
        return runtime.settings().role();
    }

    @Override
    public int outlet() {
        return runtime.settings().outlet();
    }

    @Override
    public Clock clock() {
        return runtime.clock();
    }

    @Override
    public boolean demo() {
        return runtime.isDemo();
    }

    @Override
    public RealtimeFeed feed() {
        return feed;
    }

    @Override
    public Duration pollInterval() {
        return runtime.settings().feedTimings().pollInterval();
    }

    @Override
    public SyncStatusTracker syncStatus() {
        return runtime.syncStatus();
    }

    @Override
    public OutboxStatus outboxStatus() {
        return runtime.outbox().status();
    }

    @Override
    public List<Alert> alerts(OutboxStatus outbox) {
        return runtime.alerts(outbox);
    }

    @Override
    public StoreDisk storeDisk() {
        return runtime.storeDisk();
    }

    @Override
    public Settings settings() {
        return runtime.settings();
    }

    @Override
    public boolean canRefresh() {
        return runtime.scheduler().isPresent();
    }

    @Override
    public CompletableFuture<SyncRoundResult> refreshNow() {
        return runtime.scheduler().map(SyncScheduler::refreshNow).orElseGet(() -> CompletableFuture.failedFuture(
                new IllegalStateException("no backend configured: nothing to refresh from")));
    }

    @Override
    public List<SyncRound> recentRounds(int limit) {
        return runtime.masterData().recentRounds(limit);
    }

    @Override
    public List<OutboxItem> openOutboxItems() {
        return runtime.outbox().openItems();
    }

    @Override
    public Map<FeedMode, Duration> transportTimesToday() {
        return runtime.modeTimes().map(ModeTimes::today).orElseGet(() -> new EnumMap<>(FeedMode.class));
    }

    @Override
    public boolean retry(long seq) {
        boolean back = runtime.outbox().retry(seq);
        if (back) {
            runtime.outboxSender().wake();
        }
        return back;
    }

    @Override
    public boolean discard(long seq, String reason) {
        return runtime.outbox().discard(seq, reason);
    }

    @Override
    public SpeedOfService.Report speedOfService(LocalDate day) {
        return runtime.speedOfService(day);
    }

    @Override
    public String diagnostics() {
        return Reports.diagnostics(runtime).toPrettyString();
    }
}
