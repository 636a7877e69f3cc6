package id.outletkiosk.ui;

import id.outletkiosk.config.Role;
import id.outletkiosk.health.Alert;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.StoreDisk;
import id.outletkiosk.sync.RealtimeFeed;
import id.outletkiosk.sync.SyncStatusTracker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The running terminal as every screen sees it: what it is, its clock, and the health its status bar
 * shows. A role's composition root (in {@code ui.app}) builds it from the runtime; screens get this and
 * their role's back office, never the runtime itself, so what a screen can reach is what it is given.
 */
public interface Terminal {
    Role role();

    int outlet();

    Clock clock();

    /** True when the menu comes from the demo backend in this process (the status bar says so). */
    boolean demo();

    /** The order feed, already started. */
    RealtimeFeed feed();

    /** How often the feed polls when it has to: the banners say "checking every 5 s". */
    Duration pollInterval();

    SyncStatusTracker syncStatus();

    /** Reads the local store: call off the FX thread. */
    OutboxStatus outboxStatus();

    /** The manager's alerts now, for this outbox status (menu age, waiting orders, silence of the feed). */
    List<Alert> alerts(OutboxStatus outbox);

    /**
     * Whether the local store can take writes now: a kiosk whose disk is full stops taking orders before a
     * customer reaches the pay button. Cheap (asks the file system for its free space). A terminal with no
     * store of its own (a test's stand-in) has room.
     */
    default StoreDisk storeDisk() {
        return StoreDisk.FINE;
    }
}
