package id.outletkiosk.server;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Polls answered in each of the last 60 seconds, for "polls per second" on the status page: a ring of one
 * counter per second, so counting a poll costs one clock read and one increment, and reading the pace sums
 * 60 numbers. The store's clock decides the seconds, so a test steps it.
 */
final class RecentPolls {
    private static final int SECONDS = 60;

    private final Clock clock;
    private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
    /** The second each slot counts; a slot holding an older second is reused. */
    private final AtomicLongArray slotSeconds = new AtomicLongArray(SECONDS);

    RecentPolls(Clock clock) {
        this.clock = clock;
        for (int slot = 0; slot < SECONDS; slot++) {
            slotSeconds.set(slot, Long.MIN_VALUE);
        }
    }

    void count() {
        long second = Math.floorDiv(clock.millis(), 1000);
        int slot = (int) Math.floorMod(second, SECONDS);
        long held = slotSeconds.get(slot);
        if (held != second && slotSeconds.compareAndSet(slot, held, second)) {
            // a poll counted by another thread between these two lines is lost: a figure for people, not a ledger
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
    }

    /** Polls of the last 60 seconds (this one included) divided by 60. */
    double perSecond() {
        long now = Math.floorDiv(clock.millis(), 1000);
        long total = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            long second = slotSeconds.get(slot);
            if (second > now - SECONDS && second <= now) {
                total += counts.get(slot);
            }
        }
        return total / (double) SECONDS;
    }
}
