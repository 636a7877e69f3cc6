package id.outletkiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.TicketTimes;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kitchen displays on a real central and store server: a cook bumps an order on the grill's board;
 * that board counts it from its own desk (the feed never announces its own bumps) and the expo's board
 * from the feed, and both keep it across a restart.
 */
@Timeout(90)
class SpeedOfServiceFeedTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    private OrderWorld world;
    private OutletRuntime grill;
    private OutletRuntime expo;

    private OutletRuntime kitchen(String name) {
        Map<Setting, String> flags = Map.ofEntries(Map.entry(Setting.BACKEND, world.centralProxy.http().toString()),
                Map.entry(Setting.LOCAL_HTTP, world.localHttpProxy.http().toString()),
                Map.entry(Setting.LOCAL_WS, world.localWsProxy.ws("/").toString()),
                Map.entry(Setting.DATA_DIR, folder.resolve(name).toString()), Map.entry(Setting.ROLE, "kitchen"),
                Map.entry(Setting.HEARTBEAT_INTERVAL, "100ms"), Map.entry(Setting.HEARTBEAT_TIMEOUT, "400ms"),
                Map.entry(Setting.POLL_INTERVAL, "100ms"), Map.entry(Setting.IDLE_POLL_INTERVAL, "300ms"),
                Map.entry(Setting.CONNECT_TIMEOUT, "1s"));
        OutletRuntime runtime = OutletRuntime.open(new SettingsLoader(folder).load(flags, Map.of()), Clock.systemUTC());
        runtime.startFeed();
        return runtime;
    }

    @BeforeEach
    void start() throws Exception {
        world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST);
        grill = kitchen("grill");
        expo = kitchen("expo");
        await().atMost(PATIENCE).until(() -> grill.startFeed().status().mode() == FeedMode.ONLINE
                && expo.startFeed().status().mode() == FeedMode.ONLINE);
    }

    @AfterEach
    void stop() throws Exception {
        if (grill != null) {
            grill.close();
        }
        if (expo != null) {
            expo.close();
        }
        world.close();
        TempFolders.deleteWhenQuiet(folder);
    }

    private static Optional<TicketTimes> ticket(OutletRuntime kitchen, Order order) {
        List<TicketTimes> today = kitchen.serviceTimes().placedBetween(Instant.EPOCH, Instant.now().plusSeconds(3600));
        return today.stream().filter(ticket -> ticket.orderKey().equals(order.clientOrderId())).findFirst();
    }

    @Test
    void aBumpOnTheGrillsBoard_countsOnTheGrill_andOnTheExpoThatHeardIt_andSurvivesARestart() throws Exception {
        Order placed = world.placeCentrally(OrderWorld.newOrder(3));
        await().atMost(PATIENCE).until(() -> grill.ledger().find(placed) != null && ticket(expo, placed).isPresent());
        Order onBoard = grill.ledger().find(placed);

        Instant beforeBump = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Order cooking = grill.statusDesk().change(onBoard, OrderStatus.PREPARING);
        grill.statusDesk().change(cooking, OrderStatus.READY);

        await().atMost(PATIENCE).until(() -> ticket(grill, placed).map(TicketTimes::readyAt).isPresent());
        await().atMost(PATIENCE).until(() -> ticket(expo, placed).map(TicketTimes::readyAt).isPresent());
        for (OutletRuntime kitchen : List.of(grill, expo)) {
            TicketTimes ticket = ticket(kitchen, placed).orElseThrow();
            assertThat(ticket.placedAt()).isEqualTo(placed.createdAt().truncatedTo(ChronoUnit.MILLIS)); // kept in ms
            assertThat(ticket.readyAt()).isAfterOrEqualTo(beforeBump);
            assertThat(kitchen.serviceTimes().count()).as("one row for the order, whatever keys came").isEqualTo(1);
        }
        assertThat(expo.speedOfService(java.time.LocalDate.now()).kitchen().total().averageToReady()).isNotNull();

        Instant expoReady = ticket(expo, placed).orElseThrow().readyAt();
        expo.close();
        expo = kitchen("expo"); // a restart: the figure stays, and the catch-up does not move it
        await().atMost(PATIENCE).until(() -> expo.startFeed().status().mode() == FeedMode.ONLINE);
        assertThat(ticket(expo, placed).orElseThrow().readyAt()).isEqualTo(expoReady);
    }
}
