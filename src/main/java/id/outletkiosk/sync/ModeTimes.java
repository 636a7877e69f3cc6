package id.outletkiosk.sync;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How long the realtime feed spent on each transport today (local midnight to now, in the clock's
 * zone), for the manager's "time in each mode": an afternoon on polling says the central link is
 * weak even if every order got through. Time before the app started is not counted.
 */
public final class ModeTimes implements FeedListener {
    private record Stretch(FeedMode mode, Instant from) {
    }

    private final Clock clock;
    private final List<Stretch> stretches = new ArrayList<>();

    public ModeTimes(Clock clock, FeedMode startMode) {
        this.clock = clock;
        stretches.add(new Stretch(startMode, clock.instant()));
    }

    @Override
    public void onStatus(FeedStatus status) {
        enter(status.mode(), status.modeSince() == null ? clock.instant() : status.modeSince());
    }

    /** The feed moved to {@code mode} at {@code since}; a repeat of the current mode changes nothing. */
    public synchronized void enter(FeedMode mode, Instant since) {
        Stretch current = stretches.get(stretches.size() - 1);
        if (current.mode() == mode) {
            return;
        }
        Instant from = since.isBefore(current.from()) ? current.from() : since;
        stretches.add(new Stretch(mode, from));
        forgetBefore(startOfToday(clock.instant()));
    }

    /**
     * Since when the feed has not been on {@code mode}: the start of the stretch after its last one there
     * (or of the oldest stretch kept, when it was never there today); null while it is on it now.
     */
    public synchronized Instant offSince(FeedMode mode) {
        if (stretches.get(stretches.size() - 1).mode() == mode) {
            return null;
        }
        for (int index = stretches.size() - 2; index >= 0; index--) {
            if (stretches.get(index).mode() == mode) {
                return stretches.get(index + 1).from();
            }
        }
        return stretches.get(0).from();
    }

    /** Every mode with its time since local midnight (zero for modes not seen today). */
    public synchronized Map<FeedMode, Duration> today() {
        Instant now = clock.instant();
        Instant midnight = startOfToday(now);
        Map<FeedMode, Duration> times = new EnumMap<>(FeedMode.class);
        for (FeedMode mode : FeedMode.values()) {
            times.put(mode, Duration.ZERO);
        }
        for (int index = 0; index < stretches.size(); index++) {
            Stretch stretch = stretches.get(index);
            Instant end = index + 1 < stretches.size() ? stretches.get(index + 1).from() : now;
            Instant start = stretch.from().isBefore(midnight) ? midnight : stretch.from();
            if (end.isAfter(start)) {
                times.merge(stretch.mode(), Duration.between(start, end), Duration::plus);
            }
        }
        return times;
    }

    /** Stretches that ended before midnight are of no use any more; the one running at midnight stays. */
    private void forgetBefore(Instant midnight) {
        while (stretches.size() > 1 && !stretches.get(1).from().isAfter(midnight)) {
            stretches.remove(0);
        }
    }

    private Instant startOfToday(Instant now) {
        ZoneId zone = clock.getZone();
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }
}
