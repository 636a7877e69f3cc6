package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.testing.SteppingClock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The store figures the status page shows, counted against a clock the test steps. */
class ServerMetersTest {
    private final SteppingClock clock = new SteppingClock(
            ZonedDateTime.of(2026, 11, 30, 23, 59, 0, 0, ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
    private final ServerMeters meters = new ServerMeters(clock);

    @Test
    void pollsPerSecondAreThePollsOfTheLastMinuteOverSixty() {
        for (int second = 0; second < 30; second++) {
            meters.pollAnswered(2, System.nanoTime());
            meters.pollAnswered(0, System.nanoTime());
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(meters.figures().pollsPerSecond()).isEqualTo(1.0);

        clock.advance(Duration.ofSeconds(44)); // the polls of the first 15 seconds are a minute old now
        assertThat(meters.figures().pollsPerSecond()).isEqualTo(30 / 60.0);

        clock.advance(Duration.ofMinutes(5));
        assertThat(meters.figures().pollsPerSecond()).isZero();
    }

    @Test
    void refusedPollsAreNotAnsweredPolls() {
        meters.pollRefused(429, System.nanoTime());
        meters.pollRefused(400, System.nanoTime());

        assertThat(meters.figures().pollsPerSecond()).isZero();
    }

    @Test
    void ordersTodayStartAgainAtTheStoresMidnight() {
        meters.orderFromKiosk();
        meters.orderFromCentral();
        assertThat(meters.figures().ordersToday()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2)); // 00:01 the next day
        assertThat(meters.figures().ordersToday()).isZero();
        meters.orderFromKiosk();
        assertThat(meters.figures().ordersToday()).isEqualTo(1);
    }

}
