package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.testing.OrderWorld;
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
        id.outletkiosk.testing.TempFolders.deleteWhenQuiet(folder);
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
    void cleanCloseFailsOverInUnderASecondAndClimbsBack() throws Exception {
        String before = placeCentrally(1);
        awaitDeliveredOnce(List.of(before));
        world.localWsProxy.refuse(); // only polling is left below the central socket
        world.centralProxy.refuse();
        long closedAt = System.nanoTime();
        world.backend.closeSockets();

        awaitMode(FeedMode.POLLING);
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(1));
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            during.add(placeCentrally(3)); // the local server follows the backend and has them
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
        Duration detection = Duration.ofNanos(System.nanoTime() - blackholedAt);
        assertThat(detection).isLessThan(OrderWorld.FAST.heartbeatTimeout().multipliedBy(3));
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
            public void onKitchenStatus(com.fasterxml.jackson.databind.JsonNode data) {
                if ("busy".equals(data.path("status").asText())) {
                    heard.incrementAndGet();
                }
            }
        });
        world.backend.broadcastRaw(1, "{\"type\": \"kitchen_status_changed\", \"data\": {\"outlet_id\": 1, "
                + "\"status\": \"busy\"}}");
        await().atMost(PATIENCE).until(() -> heard.get() == 1);
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
}
