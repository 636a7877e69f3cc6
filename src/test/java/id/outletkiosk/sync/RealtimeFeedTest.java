package id.outletkiosk.sync;

import id.outletkiosk.testing.TempFolders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.RawHttpServer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A kitchen screen's feed through the network failures a restaurant actually has. */
@Timeout(60)
class RealtimeFeedTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
    Path folder;

    private OrderWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new OrderWorld(folder, OrderWorld.FAST);
        world.startKitchen(7);
        awaitMode(FeedMode.ONLINE);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
        TempFolders.deleteWhenQuiet(folder);
    }

    private void awaitMode(FeedMode mode) {
        await().atMost(PATIENCE).until(() -> world.mode() == mode);
    }

    private void awaitDeliveredOnce(List<String> clientOrderIds) {
        await().atMost(PATIENCE).until(() -> clientOrderIds.stream().allMatch(world.newOrderCount::containsKey));
        assertThat(world.newOrderCount).allSatisfy((id, count) -> assertThat(count.get()).as(id).isEqualTo(1));
    }

    private String placeCentrally(int product) throws Exception {
        return world.placeCentrally(OrderWorld.newOrder(product)).clientOrderId();
    }

    @Test
    void anOrderPlacedOnlineReachesTheKitchenOnceWithAllItsKeys() throws Exception {
        Order placed = world.placeCentrally(OrderWorld.newOrder(1));

        awaitDeliveredOnce(List.of(placed.clientOrderId()));
        assertThat(world.delivered).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(OrderEventType.NEW_ORDER);
            assertThat(event.via()).isEqualTo(FeedMode.ONLINE);
            assertThat(event.order().centralId()).isEqualTo(placed.centralId());
            assertThat(event.order().orderNumber()).isEqualTo(placed.orderNumber());
        });
    }

    @Test
    void statusChangesArriveOnceEachInOrder() throws Exception {
        Order placed = world.placeCentrally(OrderWorld.newOrder(2));
        await().atMost(PATIENCE).until(() -> world.delivered.size() == 1);
        for (OrderStatus next : List.of(OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COMPLETED)) {
            int seen = world.delivered.size();
            world.orders.changeStatus(placed.centralId(), next); // a cook bumps it on another screen
            await().atMost(PATIENCE).until(() -> world.delivered.size() == seen + 1);
        }
        // a repeat of an older state (another transport, a late frame) changes nothing
        world.backend.broadcastRaw(1, "{\"type\": \"order_updated\", \"data\": {\"id\": " + placed.centralId()
                + ", \"outlet_id\": 1, \"status\": \"preparing\", \"items\": []}}");

        await().atMost(PATIENCE).until(() -> world.delivered.size() == 4);
        assertThat(world.delivered).extracting(e -> e.type()).containsExactly(OrderEventType.NEW_ORDER,
                OrderEventType.ORDER_UPDATED, OrderEventType.ORDER_UPDATED, OrderEventType.ORDER_COMPLETED);
        assertThat(world.delivered).extracting(e -> e.order().status()).containsExactly(OrderStatus.PENDING,
                OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COMPLETED);
    }

    @Test
    void cleanCloseFailsOverAndClimbsBack() throws Exception {
        String before = placeCentrally(1);
        awaitDeliveredOnce(List.of(before));
        world.localWsProxy.refuse(); // only polling is left below the central socket
        world.centralProxy.refuse();
        long closedAt = System.nanoTime();
        world.backend.closeSockets();

        awaitMode(FeedMode.POLLING);
        report("clean close to polling (the time is a benchmark's business: TierMachineTest steps it)", closedAt);
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            during.add(placeCentrally(3)); // the store server follows the backend and has them
        }
        awaitDeliveredOnce(during);

        world.centralProxy.pass();
        world.localWsProxy.pass();
        awaitMode(FeedMode.ONLINE);
        String after = placeCentrally(4);
        awaitDeliveredOnce(List.of(before, after));
        assertThat(world.kitchen.status().reconnects()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void halfOpenCentralSocketIsDetectedByTheHeartbeat() throws Exception {
        long blackholedAt = System.nanoTime();
        world.centralProxy.blackhole();

        await().atMost(PATIENCE).until(() -> world.mode() != FeedMode.ONLINE);
        report("half-open central socket detected", blackholedAt);
        assertThat(world.mode()).isEqualTo(FeedMode.LOCAL);
        assertThat(world.kitchen.status().lastError()).contains("half-open");

        String during = placeCentrally(5);
        awaitDeliveredOnce(List.of(during));
        world.centralProxy.pass();
        awaitMode(FeedMode.ONLINE);
    }

    @Test
    void localSocketDownWhileHttpAnswersMeansPolling() throws Exception {
        world.localWsProxy.refuse();
        world.centralProxy.refuse();
        world.backend.closeSockets();
        awaitMode(FeedMode.POLLING);

        String local = world.placeLocally(OrderWorld.newOrder(6)).clientOrderId();
        awaitDeliveredOnce(List.of(local));
        assertThat(world.delivered.get(world.delivered.size() - 1).via()).isEqualTo(FeedMode.POLLING);
    }

    @Test
    void everythingDownIsOfflineAndNothingIsLostWhenItReturns() throws Exception {
        world.localWsProxy.refuse();
        world.localHttpProxy.refuse();
        world.centralProxy.refuse();
        world.backend.closeSockets();
        awaitMode(FeedMode.OFFLINE);

        List<String> placed = List.of(placeCentrally(1), world.placeLocally(OrderWorld.newOrder(2)).clientOrderId());
        world.localHttpProxy.pass();
        awaitMode(FeedMode.POLLING);
        world.centralProxy.pass();
        world.localWsProxy.pass();
        awaitMode(FeedMode.ONLINE);
        awaitDeliveredOnce(placed);
    }

    @Test
    void serversRestartedComeBackWithoutLossOrDoubles() throws Exception {
        List<String> placed = new ArrayList<>(List.of(placeCentrally(1)));
        world.restartBackend();
        placed.add(placeCentrally(2));
        world.restartLocalServer();
        placed.add(placeCentrally(3));
        placed.add(world.placeLocally(OrderWorld.newOrder(4)).clientOrderId());

        awaitMode(FeedMode.ONLINE);
        awaitDeliveredOnce(placed);
    }

    @Test
    void malformedFramesAndUnknownTypesAreIgnored() throws Exception {
        world.backend.broadcastRaw(1, "{not json");
        world.backend.broadcastRaw(1, "{\"type\": \"new_order\", \"data\": {\"id\": \"x\"}}");
        world.backend.broadcastRaw(1, "{\"type\": \"menu_changed\", \"data\": {}}");
        world.backend.broadcastRaw(1, "[1, 2, 3]");
        String placed = placeCentrally(1);

        awaitDeliveredOnce(List.of(placed));
        assertThat(world.mode()).isEqualTo(FeedMode.ONLINE);
        assertThat(world.delivered).hasSize(1);
    }

    @Test
    void kitchenStatusReachesListeners() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        world.kitchen.addListener(new FeedListener() {
            @Override
            public void onKitchenStatus(id.outletkiosk.model.KitchenState state) {
                if (state.status() == id.outletkiosk.model.KitchenState.Status.BUSY) {
                    heard.incrementAndGet();
                }
            }
        });
        // Central keeps no kitchen status to replay, so a frame sent while this feed's socket is not (or no longer)
        // registered reaches nobody: "some socket open" may be another's, or one a loaded machine's heartbeat
        // deadline is about to replace. So central says it again until the feed has heard it.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            world.backend.broadcastRaw(1, "{\"type\": \"kitchen_status_changed\", \"data\": {\"outlet_id\": 1, "
                    + "\"status\": \"busy\"}}");
            return heard.get() >= 1;
        });
    }

    @Test
    void pausedPollingPollsNothingUntilResumed() throws Exception {
        world.localWsProxy.refuse();
        world.centralProxy.refuse();
        world.backend.closeSockets();
        awaitMode(FeedMode.POLLING);
        world.kitchen.pausePolling();
        await().atMost(PATIENCE).until(() -> world.kitchen.status().pollingPaused());

        String placed = world.placeLocally(OrderWorld.newOrder(1)).clientOrderId();
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> !world.newOrderCount.containsKey(placed));

        world.kitchen.resumePolling();
        awaitDeliveredOnce(List.of(placed));
    }

    /** The first event that moved this central order to {@code status}, if it came. */
    private java.util.Optional<OrderEvent> change(Order order, OrderStatus status) {
        return world.delivered.stream().filter(e -> e.type() != OrderEventType.NEW_ORDER
                && e.order().status() == status && order.centralId().equals(e.order().centralId())).findFirst();
    }

    private static void report(String what, long sinceNanos) {
        System.out.printf("measured: %s in %d ms%n", what, Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis());
    }

    @Test
    void anOrderCancelledOnCentralWhileTheKitchenWasOnTheStoreServerIsCancelledWhenItClimbsBack() throws Exception {
        Order placed = world.placeCentrally(OrderWorld.newOrder(1));
        awaitDeliveredOnce(List.of(placed.clientOrderId()));
        world.stopFollowingCentral(); // only central will know
        world.centralProxy.refuse();
        awaitMode(FeedMode.LOCAL);

        world.orders.changeStatus(placed.centralId(), OrderStatus.CANCELLED); // the manager cancels it at HQ
        assertThat(change(placed, OrderStatus.CANCELLED)).as("nothing on the store server says so").isEmpty();
        AtomicLong climbedAt = new AtomicLong();
        world.kitchen.addListener(new FeedListener() {
            @Override
            public void onStatus(FeedStatus status) {
                if (status.mode() == FeedMode.ONLINE) {
                    climbedAt.compareAndSet(0, System.nanoTime());
                }
            }
        });
        long healedAt = System.nanoTime();
        world.centralProxy.pass();

        await().atMost(PATIENCE).until(() -> climbedAt.get() != 0);
        await().atMost(PATIENCE).until(() -> change(placed, OrderStatus.CANCELLED).isPresent());
        report("cancellation after central came back (climb backoff included)", healedAt);
        assertThat(change(placed, OrderStatus.CANCELLED).orElseThrow().type()).isEqualTo(OrderEventType.ORDER_CANCELLED);
        assertThat(world.delivered).as("learned once").filteredOn(e -> e.type() == OrderEventType.ORDER_CANCELLED)
                .hasSize(1);
    }

    @Test
    void anOrderCancelledOnTheStoreServerShowsWithinTwoPollsWithoutAnyFrame() throws Exception {
        world.localWsProxy.refuse();
        world.centralProxy.refuse();
        world.backend.closeSockets();
        awaitMode(FeedMode.POLLING);
        Order placed = world.placeLocally(OrderWorld.newOrder(6));
        awaitDeliveredOnce(List.of(placed.clientOrderId()));

        long cancelledAt = System.nanoTime();
        world.storeServerOrders.changeStatus(placed.localId(), OrderStatus.CANCELLED); // straight into its store: no frame

        await().atMost(PATIENCE).until(() -> world.delivered.stream().anyMatch(e ->
                e.type() == OrderEventType.ORDER_CANCELLED && placed.localId().equals(e.order().localId())));
        report("store server cancellation while polling every " + OrderWorld.FAST.pollInterval().toMillis() + " ms",
                cancelledAt);
        assertThat(world.delivered.get(world.delivered.size() - 1).via()).isEqualTo(FeedMode.POLLING);
    }

    @Test
    void aDroppedCentralFrameIsLearnedAtTheNextReconcile() throws Exception {
        Order placed = world.placeCentrally(OrderWorld.newOrder(2));
        awaitDeliveredOnce(List.of(placed.clientOrderId()));
        world.stopFollowingCentral(); // so only central's own list can tell
        int reconnects = world.kitchen.status().reconnects();
        world.centralProxy.dropFromServer("order_cancelled");

        long cancelledAt = System.nanoTime();
        world.orders.changeStatus(placed.centralId(), OrderStatus.CANCELLED);
        await().atMost(PATIENCE).until(() -> world.centralProxy.droppedFromServer() > 0);
        world.centralProxy.dropNothing();

        await().atMost(PATIENCE)
                .until(() -> change(placed, OrderStatus.CANCELLED).isPresent());
        report("dropped frame, reconcile every " + OrderWorld.FAST.reconcileInterval().toMillis() + " ms", cancelledAt);
        assertThat(change(placed, OrderStatus.CANCELLED).orElseThrow().via()).isEqualTo(FeedMode.ONLINE);
        assertThat(world.kitchen.status().reconnects()).as("the socket never dropped").isEqualTo(reconnects);
        assertThat(world.mode()).isEqualTo(FeedMode.ONLINE);
    }

    @Test
    void aKioskOrderCentralHearsOfLateIsOneTicketEvenWhenCentralsListCannotBeRead() throws Exception {
        world.centralProxy.refuse();
        awaitMode(FeedMode.LOCAL);
        NewOrder kiosk = OrderWorld.newOrder(3);
        Order copy = world.placeLocally(kiosk); // central away: the kiosk leaves its copy on the store server
        awaitDeliveredOnce(List.of(copy.clientOrderId()));
        world.centralProxy.pass();
        awaitMode(FeedMode.ONLINE);
        // central's list answers never again (its rows carry the client order id, central's frames do not)
        world.centralProxy.dropFromServer("\"client_order_id\"");

        Order central = world.placeCentrally(kiosk); // the kiosk's outbox reaches central: a frame with central's id only

        Order byCentralIdOnly = new Order(central.centralId(), null, null, null, 1, OrderStatus.PENDING, List.of(),
                null, null, null, null, null);
        await().atMost(PATIENCE).until(() -> world.kitchenLedger().find(byCentralIdOnly) != null);
        Order known = world.kitchenLedger().find(byCentralIdOnly);
        assertThat(known.localId()).as("linked to the store server's copy through its central_id").isEqualTo(copy.localId());
        assertThat(world.newOrderCount.get(copy.clientOrderId())).as("one ticket").hasValue(1);
        assertThat(world.mode()).isEqualTo(FeedMode.ONLINE);
    }

    @Test
    void aCentralListThatNeverAnswersDoesNotDelayFindingAHalfOpenStoreSocket() throws Exception {
        // answers nothing until the test ends; the kitchen's read timeout (30 s) outlasts the test
        CountDownLatch testOver = new CountDownLatch(1);
        RawHttpServer silentCentral = new RawHttpServer((request, socket, out) -> testOver.await(60, TimeUnit.SECONDS));
        BackendClient slowHttp = new BackendClient("backend", Setting.TOKEN, silentCentral.uri(), null,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(40), 1 << 20);
        OrderLedger ledger = new OrderLedger(Database.open(Files.createDirectories(folder.resolve("second"))
                .resolve("kitchen.db")), Clock.systemUTC());
        FeedEndpoints endpoints = new FeedEndpoints(1, OrderServerClient.central(slowHttp, ZoneOffset.UTC),
                world.centralProxy.ws("/ws/outlet/1/"), null,
                OrderServerClient.local(world.client("store server", Setting.LOCAL_TOKEN,
                        world.localHttpProxy.http().toString()), ZoneOffset.UTC),
                world.localWsProxy.ws("/?outlet_id=1"), null);
        world.centralProxy.refuse();
        RealtimeFeed kitchen = new RealtimeFeed(endpoints, OrderWorld.FAST, Duration.ofSeconds(1), ledger,
                Clock.systemUTC(), new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), new Random(3)));
        try {
            kitchen.start();
            await().atMost(PATIENCE).until(() -> kitchen.status().mode() == FeedMode.LOCAL);
            world.centralProxy.pass(); // its socket opens; its list read hangs
            await().atMost(PATIENCE).until(() -> !silentCentral.requests().isEmpty());
            int reconnects = kitchen.status().reconnects();

            world.localWsProxy.blackhole();

            await().atMost(PATIENCE).until(() -> kitchen.status().reconnects() > reconnects);
            assertThat(kitchen.status().lastError()).contains("local").contains("half-open");
            assertThat(silentCentral.requests()).as("central's list has still not answered").hasSize(1);
        } finally {
            world.localWsProxy.pass();
            testOver.countDown();
            silentCentral.close(); // ends the hung read, so the feed's intake thread can end
            kitchen.close();
            slowHttp.close();
            ledger.close();
        }
    }
}
