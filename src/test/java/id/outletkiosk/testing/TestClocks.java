package id.outletkiosk.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** One fixed instant for tests that must not depend on when they run: noon in Jakarta. */
public final class TestClocks {
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    public static final Instant NOON = Instant.parse("2026-11-25T05:00:00Z");

    private TestClocks() {
    }

    public static Clock noonInJakarta() {
        return Clock.fixed(NOON, JAKARTA);
    }
}
