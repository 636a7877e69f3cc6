package id.outletkiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a test moves by hand: idle timeouts and promotion windows without waiting. */
public final class SteppingClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public SteppingClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public static SteppingClock atNoonInJakarta() {
        return new SteppingClock(TestClocks.NOON, TestClocks.JAKARTA);
    }

    public void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SteppingClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
