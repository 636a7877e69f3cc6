package id.outletkiosk.health;

import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.StoreDisk;
import id.outletkiosk.model.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the health snapshots (menu sync, outbox, realtime feed, the links and the disk) into the alerts a
 * manager sees: a pure function of its inputs, so every threshold is tested without waiting for it.
 */
public final class HealthAlerts {
    /**
     * What the terminal knows beside the snapshots.
     *
     * @param centralLostAt when the feed last left head office (or started without reaching it); null while
     *                      it is connected, or when no head office is configured (nothing to miss)
     * @param disk          the data folder's disk: the store refusing writes for want of space
     */
    public record Conditions(Instant centralLostAt, StoreDisk disk) {
        public static final Conditions NONE = new Conditions(null, StoreDisk.FINE);
    }

    private final Duration menuOutdatedAfter;
    private final Settings.AlertOptions options;
    private final ZoneId zone;

    public HealthAlerts(Duration menuOutdatedAfter, Settings.AlertOptions options, ZoneId zone) {
        this.menuOutdatedAfter = menuOutdatedAfter;
        this.options = options;
        this.zone = zone;
    }

    public static HealthAlerts of(Settings settings, ZoneId zone) {
        return new HealthAlerts(settings.outdatedAfter(), settings.alerts(), zone);
    }

    /**
     * @param sync      the menu's sync status
     * @param outbox    the outbox's counts, or null when not read yet
     * @param feed      the realtime feed's status, or null for a terminal without one
     * @param watchingSince when this terminal started listening: silence is counted from here when no
     *                  event ever came
     */
    public List<Alert> check(SyncStatus sync, OutboxStatus outbox, FeedStatus feed, Instant watchingSince, Instant now) {
        return check(sync, outbox, feed, watchingSince, now, Conditions.NONE);
    }

    /** As above, with the links and the disk: their alerts come first, they explain the others. */
    public List<Alert> check(SyncStatus sync, OutboxStatus outbox, FeedStatus feed, Instant watchingSince, Instant now,
            Conditions conditions) {
        List<Alert> alerts = new ArrayList<>();
        if (!conditions.disk().takesWrites()) {
            alerts.add(new Alert(Alert.Kind.STORE_FULL, null, (int) conditions.disk().freeMegabytes()));
        }
        Instant lost = conditions.centralLostAt();
        if (feed != null && lost != null && feed.mode() != FeedMode.ONLINE) {
            // the feed's tier says who carries the orders now: the store server, or nobody (they wait here)
            Alert.Kind kind = feed.mode() == FeedMode.OFFLINE ? Alert.Kind.NOTHING_REACHABLE : Alert.Kind.CENTRAL_UNREACHABLE;
            alerts.add(new Alert(kind, Duration.between(lost, now), 0, lost));
        }
        if (sync != null && sync.isOutdatedAt(now)) {
            Duration age = sync.lastSuccess() == null ? null : Duration.between(sync.lastSuccess(), now);
            alerts.add(new Alert(Alert.Kind.MENU_OUTDATED, age, 0));
        }
        if (outbox != null && outbox.queued() > 0 && outbox.oldestQueuedAge().compareTo(options.outboxWaitAfter()) > 0) {
            alerts.add(new Alert(Alert.Kind.ORDERS_WAITING, outbox.oldestQueuedAge(), outbox.queued()));
        }
        if (outbox != null && outbox.attention() > 0) {
            alerts.add(new Alert(Alert.Kind.ORDERS_REFUSED, null, outbox.attention()));
        }
        if (outbox != null && outbox.statusChangesQueued() > 0
                && outbox.oldestStatusChangeAge().compareTo(options.outboxWaitAfter()) > 0) {
            alerts.add(new Alert(Alert.Kind.STATUS_CHANGES_WAITING, outbox.oldestStatusChangeAge(),
                    outbox.statusChangesQueued()));
        }
        if (outbox != null && outbox.statusChangesAttention() > 0) {
            alerts.add(new Alert(Alert.Kind.STATUS_CHANGES_REFUSED, null, outbox.statusChangesAttention()));
        }
        if (feed != null) {
            Instant lastHeard = feed.lastEventAt() != null && feed.lastEventAt().isAfter(watchingSince)
                    ? feed.lastEventAt() : watchingSince;
            Duration silence = Duration.between(lastHeard, now);
            if (silence.compareTo(options.quietAfter()) > 0 && openThroughout(lastHeard, now)) {
                alerts.add(new Alert(Alert.Kind.NO_ORDER_EVENTS, silence, 0));
            }
        }
        return alerts;
    }

    /**
     * Silence only counts while the store is open: the last quiet-after stretch must lie in opening
     * hours (a quiet night, or the first hour after opening, is not a fault).
     */
    private boolean openThroughout(Instant lastHeard, Instant now) {
        Instant windowStart = now.minus(options.quietAfter());
        Instant from = lastHeard.isAfter(windowStart) ? lastHeard : windowStart;
        // opening hours are whole minutes: checking each minute's start is exact enough and cheap (<= 1440)
        for (Instant at = from; !at.isAfter(now); at = at.plus(Duration.ofMinutes(1))) {
            if (!options.isOpenAt(LocalTime.ofInstant(at, zone))) {
                return false;
            }
        }
        return options.isOpenAt(LocalTime.ofInstant(now, zone));
    }
}
