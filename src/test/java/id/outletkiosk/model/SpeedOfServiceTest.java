package id.outletkiosk.model;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.store.Database;
import id.outletkiosk.store.ServiceTimes;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.TestClocks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted lunch, recorded with a stepped clock as the kitchen lived it (orders at 11:05, 11:20, 12:01...,
 * stations done, ready, served, one cancelled), then read back as the manager's speed-of-service figures:
 * averages, nearest-rank 90th percentiles, late tickets, per hour and per station.
 */
class SpeedOfServiceTest {
    private static final ZoneId JAKARTA = TestClocks.JAKARTA;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Duration LATE_AFTER = Duration.ofMinutes(10);

    @TempDir
    Path folder;

    private static Instant at(int hour, int minute) {
        return TODAY.atTime(hour, minute).atZone(JAKARTA).toInstant();
    }

    private static Order placed(long id, int hour, int minute) {
        return new Order(id, null, "k-" + id, null, 1, OrderStatus.PENDING, List.of(), null, at(hour, minute), "Ani",
                null, null);
    }

    /** The day as the kitchen lived it, each event written when the clock shows its time. */
    private static final class Lunch {
        final SteppingClock clock = new SteppingClock(SpeedOfServiceTest.at(11, 0), JAKARTA);
        final ServiceTimes times;

        Lunch(ServiceTimes times) {
            this.times = times;
        }

        void at(int hour, int minute, java.util.function.Consumer<Instant> event) {
            Instant when = SpeedOfServiceTest.at(hour, minute);
            clock.advance(Duration.between(clock.instant(), when));
            event.accept(clock.instant());
        }
    }

    private static SpeedOfService.Report lunch(ServiceTimes times, Instant readAt) {
        Lunch day = new Lunch(times);
        Order a = placed(1, 11, 5);   // grill + drinks: grill 11:11, drinks 11:08, ready 11:12, served 11:15
        Order b = placed(2, 11, 20);  // grill: done 11:33, ready 11:34 (14 min: late), served 11:40
        Order c = placed(3, 11, 40);  // drinks: ready 11:44, never served in the script
        Order d = placed(4, 11, 50);  // cancelled at 11:52 before anything
        Order e = placed(5, 12, 1);   // grill: ready 12:09, served 12:12
        Order f = placed(6, 12, 30);  // grill: still cooking when read
        day.at(11, 5, now -> {
            times.orderSeen(a, now);
            times.stationHas(a, "grill", now);
            times.stationHas(a, "drinks", now);
        });
        day.at(11, 8, now -> times.stationDone(a, "drinks", now));
        day.at(11, 11, now -> times.stationDone(a, "grill", now));
        day.at(11, 12, now -> times.orderSeen(a.withStatus(OrderStatus.READY), now));
        day.at(11, 15, now -> times.statusReached(a.withStatus(OrderStatus.READY), OrderStatus.COMPLETED, now));
        day.at(11, 20, now -> {
            times.orderSeen(b, now);
            times.stationHas(b, "grill", now);
        });
        day.at(11, 33, now -> times.stationDone(b, "grill", now));
        day.at(11, 34, now -> times.orderSeen(b.withStatus(OrderStatus.READY), now));
        day.at(11, 40, now -> {
            times.orderSeen(b.withStatus(OrderStatus.COMPLETED), now);
            times.orderSeen(c, now);
            times.stationHas(c, "drinks", now);
        });
        day.at(11, 44, now -> times.orderSeen(c.withStatus(OrderStatus.READY), now)); // drinks never tapped
        day.at(11, 50, now -> times.orderSeen(d, now));
        day.at(11, 52, now -> times.orderSeen(d.withStatus(OrderStatus.CANCELLED), now));
        day.at(12, 1, now -> {
            times.orderSeen(e, now);
            times.stationHas(e, "grill", now);
        });
        day.at(12, 9, now -> times.statusReached(e, OrderStatus.READY, now)); // the expo bumped it whole
        day.at(12, 12, now -> times.orderSeen(e.withStatus(OrderStatus.COMPLETED), now));
        day.at(12, 30, now -> {
            times.orderSeen(f, now);
            times.stationHas(f, "grill", now);
        });
        return SpeedOfService.report(times.placedOn(TODAY, JAKARTA), TODAY, JAKARTA, LATE_AFTER, readAt);
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    @Test
    void theWholeKitchensLunch_averagesAndP90_overTheTicketsThatGotThere_cancelledApart() {
        try (Database database = Database.open(folder.resolve("kitchen.db"));
                ServiceTimes times = new ServiceTimes(database)) {
            SpeedOfService.Report report = lunch(times, at(12, 35));
            SpeedOfService.Figures day = report.kitchen().total();

            // to ready: 7, 14, 4, 8 (f still cooking, d cancelled) -> average 8.25; sorted 4 7 8 14, rank ceil(3.6)=4
            // to served: 10, 20, 11 -> average 13.67; rank ceil(2.7)=3 -> 20
            assertThat(day).isEqualTo(new SpeedOfService.Figures(5, minutes(8.25), minutes(14), minutes(41 / 3.0),
                    minutes(20), 1, 1));
            assertThat(report.kitchen().hours()).extracting(SpeedOfService.Hour::hour).containsExactly(11, 12);
            assertThat(report.kitchen().hours().get(0).figures()).isEqualTo(new SpeedOfService.Figures(3,
                    minutes(25 / 3.0), minutes(14), minutes(15), minutes(20), 1, 1));
            assertThat(report.kitchen().hours().get(1).figures()).isEqualTo(new SpeedOfService.Figures(2,
                    minutes(8), minutes(8), minutes(11), minutes(11), 0, 0));
        }
    }

    @Test
    void aTicketStillCookingPastTenMinutes_isLate_untilItIsReady() {
        try (Database database = Database.open(folder.resolve("kitchen.db"));
                ServiceTimes times = new ServiceTimes(database)) {
            assertThat(lunch(times, at(12, 40)).kitchen().total().late()).as("12:30 order at 12:40: not yet").isEqualTo(1);
            assertThat(SpeedOfService.report(times.placedOn(TODAY, JAKARTA), TODAY, JAKARTA, LATE_AFTER, at(12, 41))
                    .kitchen().hours().get(1).figures().late()).isEqualTo(1);
        }
    }

    @Test
    void eachStation_countsItsOwnTickets_readyWhenItsCookTappedItDone_orWhenTheOrderWasReady() {
        try (Database database = Database.open(folder.resolve("kitchen.db"));
                ServiceTimes times = new ServiceTimes(database)) {
            SpeedOfService.Report report = lunch(times, at(12, 35));

            assertThat(report.stations()).extracting(SpeedOfService.Day::station).containsExactly("drinks", "grill");
            // drinks: a 3 min (tapped), c 4 min (never tapped: the order's ready)
            assertThat(report.stations().get(0).total()).isEqualTo(new SpeedOfService.Figures(2, minutes(3.5),
                    minutes(4), minutes(10), minutes(10), 0, 0));
            // grill: a 6, b 13 (late), e 8 (expo bumped the order), f cooking
            assertThat(report.stations().get(1).total()).isEqualTo(new SpeedOfService.Figures(4, minutes(9),
                    minutes(13), minutes(41 / 3.0), minutes(20), 1, 0));
        }
    }

    @Test
    void yesterdaysFigures_leaveTodaysTicketsOut() {
        try (Database database = Database.open(folder.resolve("kitchen.db"));
                ServiceTimes times = new ServiceTimes(database)) {
            lunch(times, at(12, 35));
            SpeedOfService.Report yesterday = SpeedOfService.report(times.placedOn(TODAY.minusDays(1), JAKARTA),
                    TODAY.minusDays(1), JAKARTA, LATE_AFTER, at(12, 35));
            assertThat(yesterday.kitchen().total().tickets()).isZero();
            assertThat(yesterday.kitchen().hours()).isEmpty();
            assertThat(yesterday.kitchen().total().averageToReady()).isNull();
        }
    }

    @Test
    void theNinetiethPercentile_isTheNearestRank_aTimeACustomerReallyWaited() {
        List<Duration> tenTickets = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(Duration::ofMinutes)
                .toList();
        assertThat(SpeedOfService.p90(tenTickets)).isEqualTo(Duration.ofMinutes(9));
        assertThat(SpeedOfService.p90(tenTickets.subList(0, 5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(SpeedOfService.p90(tenTickets.subList(0, 1))).isEqualTo(Duration.ofMinutes(1));
        List<Duration> thirty = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(Duration::ofMinutes).toList();
        assertThat(SpeedOfService.p90(thirty)).isEqualTo(Duration.ofMinutes(27));
        assertThat(SpeedOfService.p90(List.of())).isNull();
    }
}
