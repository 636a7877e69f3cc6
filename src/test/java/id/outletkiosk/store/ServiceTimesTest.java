package id.outletkiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.TicketTimes;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.StoreSnapshot;
import id.outletkiosk.testing.TestClocks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service times of a lunch: first time wins whatever repeats, an order heard of by its store server id
 * that later shows its central id stays one ticket, and a month later it is gone.
 */
class ServiceTimesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Instant AT_11_05 = TODAY.atTime(11, 5).atZone(TestClocks.JAKARTA).toInstant();

    @TempDir
    Path folder;

    private Database database;
    private ServiceTimes times;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("terminal.db"));
        times = new ServiceTimes(database);
    }

    @AfterEach
    void close() {
        times.close();
        database.close();
    }

    private static Order order(Long centralId, Long localId, String clientOrderId, OrderStatus status, Instant placed) {
        return new Order(centralId, localId, clientOrderId, null, 1, status, List.of(), null, placed, "Ani", null, null);
    }

    private static Instant minutes(long after) {
        return AT_11_05.plus(Duration.ofMinutes(after));
    }

    private List<TicketTimes> today() {
        return times.placedOn(TODAY, TestClocks.JAKARTA);
    }

    @Test
    void aNasiGorengReadyAt11_12_staysReadyAt11_12_whenTheEchoAndARestartsCatchUpRepeatIt() {
        Order pending = order(41L, null, "k2-7", OrderStatus.PENDING, AT_11_05);
        times.orderSeen(pending, minutes(0));
        times.orderSeen(pending.withStatus(OrderStatus.PREPARING), minutes(2));
        times.orderSeen(pending.withStatus(OrderStatus.READY), minutes(7));
        times.orderSeen(pending.withStatus(OrderStatus.READY), minutes(9)); // the other transport's echo
        times.statusReached(pending, OrderStatus.READY, minutes(11));
        times.orderSeen(pending.withStatus(OrderStatus.COMPLETED), minutes(10));
        times.orderSeen(pending.withStatus(OrderStatus.COMPLETED), minutes(30)); // catch-up after a restart

        assertThat(today()).containsExactly(new TicketTimes("k2-7", AT_11_05, OrderStatus.COMPLETED, minutes(7),
                minutes(10), null, List.of()));
    }

    @Test
    void anOrderHeardOfByItsStoreServerIdFirst_isOneTicket_onceItsCentralIdAndClientIdArrive() {
        // the store server's copy first, with a station's part done; then central's frame alone (no link yet);
        // then the store server's list links both keys: one ticket, earliest times, both stations kept
        times.orderSeen(order(null, 7L, null, OrderStatus.PENDING, AT_11_05), minutes(0));
        times.stationDone(order(null, 7L, null, OrderStatus.PENDING, AT_11_05), "grill", minutes(6));
        times.orderSeen(order(41L, null, null, OrderStatus.PREPARING, AT_11_05), minutes(1));
        times.stationDone(order(41L, null, null, OrderStatus.PREPARING, AT_11_05), "grill", minutes(8));
        times.stationHas(order(41L, null, null, OrderStatus.PREPARING, AT_11_05), "drinks", minutes(1));
        assertThat(today()).hasSize(2);

        times.orderSeen(order(41L, 7L, "k2-7", OrderStatus.READY, AT_11_05), minutes(9));

        assertThat(today()).containsExactly(new TicketTimes("k2-7", AT_11_05, OrderStatus.READY, minutes(9), null,
                null, List.of(new TicketTimes.StationTime("drinks", null),
                        new TicketTimes.StationTime("grill", minutes(6)))));
        assertThat(times.count()).isEqualTo(1);
    }

    @Test
    void anOrderFirstHeardOfAlreadyServed_countsAsPlaced_withNoReadyTime() {
        times.orderSeen(order(42L, null, "k2-8", OrderStatus.COMPLETED, AT_11_05), minutes(40));

        assertThat(today()).singleElement().satisfies(ticket -> {
            assertThat(ticket.readyAt()).as("nobody here saw when it was ready").isNull();
            assertThat(ticket.servedAt()).isNull();
            assertThat(ticket.awaitingReady()).isFalse();
        });
    }

    @Test
    void aBumpStraightFromCookingToServed_wasReadyWhenServed_atTheLatest() {
        Order cooking = order(43L, null, "k2-9", OrderStatus.PREPARING, AT_11_05);
        times.statusReached(cooking, OrderStatus.COMPLETED, minutes(6));

        assertThat(today()).singleElement().satisfies(ticket -> {
            assertThat(ticket.readyAt()).isEqualTo(minutes(6));
            assertThat(ticket.servedAt()).isEqualTo(minutes(6));
        });
    }

    @Test
    void anOrderWithoutATime_isPlacedWhenFirstHeardOf_untilItsOwnTimeArrives() {
        times.orderSeen(order(null, 8L, null, OrderStatus.PENDING, null), minutes(1));
        assertThat(today()).extracting(TicketTimes::placedAt).containsExactly(minutes(1));

        times.orderSeen(order(44L, 8L, null, OrderStatus.PENDING, AT_11_05), minutes(2));
        assertThat(today()).extracting(TicketTimes::placedAt, TicketTimes::orderKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AT_11_05, "c:44"));
    }

    @Test
    void aMonthOld_lunchIsForgotten_withItsStations_yesterdaysLunchIsKept() {
        SteppingClock clock = SteppingClock.atNoonInJakarta();
        Order monthOld = order(45L, null, "old", OrderStatus.PENDING, clock.instant().minus(Duration.ofDays(31)));
        times.orderSeen(monthOld, clock.instant().minus(Duration.ofDays(31)));
        times.stationDone(monthOld, "grill", clock.instant().minus(Duration.ofDays(31)));
        Order yesterday = order(46L, null, "yesterday", OrderStatus.PENDING, clock.instant().minus(Duration.ofDays(1)));
        times.orderSeen(yesterday, clock.instant().minus(Duration.ofDays(1)));
        Retention retention = new Retention(Duration.ofDays(30), clock,
                List.of(new Retention.Purge("service times", times::purgePlacedBefore)));

        assertThat(retention.purge()).isEqualTo(1);

        assertThat(times.count()).isEqualTo(1);
        assertThat(StoreSnapshot.scalar(database, "SELECT count(*) FROM service_station_times")).isEqualTo("0");
    }
}
