package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.model.DishTapEntry;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.testing.KitchenScreen;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station's dish taps: durable first, on the store server (where every screen of the store reads them)
 * once it knows the order and whenever it is back, never on central; the tap that finishes the order's
 * last dish makes it ready on central too.
 */
@Timeout(60)
class DishTapsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    private OrderWorld world;
    private KitchenScreen bar;
    private StationDesk station;

    @BeforeEach
    void start() throws Exception {
        world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST);
        bar = new KitchenScreen(world, folder.resolve("bar"), "BAR", 7);
        station = new StationDesk(bar.outbox, bar.ledger, bar.sender, bar.desk, world.storeServerViaProxy(), 1);
        await().atMost(PATIENCE).until(() -> bar.mode() == FeedMode.ONLINE);
    }

    @AfterEach
    void stop() throws Exception {
        bar.close();
        world.close();
        TempFolders.deleteWhenQuiet(folder);
    }

    private static NewOrder twoDishes() {
        return new NewOrder(1, UUID.randomUUID().toString(), "Sari",
                List.of(new OrderItem(1, null, 1, null, null), new OrderItem(2, null, 2, null, null)), null);
    }

    private Order onStoreServer(NewOrder placed) {
        return world.storeServerOrders.since(1, 0).stream()
                .filter(order -> placed.clientOrderId().equals(order.clientOrderId())).findFirst().orElse(null);
    }

    private DishTapEntry lastTap() {
        return bar.outbox.waiting().stream().filter(DishTapEntry.class::isInstance).map(DishTapEntry.class::cast)
                .reduce((first, second) -> second).orElse(null);
    }

    @Test
    void aTapWaitsForTheStoreServerToKnowTheOrderAndTheLastDishMakesItReadyOnCentral() throws Exception {
        world.stopFollowingCentral();
        NewOrder placed = twoDishes();
        world.placeCentrally(placed);
        await().atMost(PATIENCE).until(() -> bar.known(probe(placed)) != null);

        Order tapped = station.markDishes(bar.known(probe(placed)), List.of(0), true, "Bar");
        assertThat(tapped.dishesDone().lines()).as("this screen shows it at once").containsExactly(0);
        await().atMost(PATIENCE).until(() -> lastTap() != null && lastTap().attempts() + 1 > 0
                && lastTap().lastError() == null && onStoreServer(placed) == null);
        assertThat(lastTap()).as("the store server has not heard of the order: the tap waits").isNotNull();

        world.placeLocally(placed); // the kiosk's copy reaches the store server
        await().atMost(PATIENCE).until(() -> onStoreServer(placed).dishesDone() != null
                && onStoreServer(placed).dishesDone().lines().equals(List.of(0)));
        await().atMost(PATIENCE).until(() -> centralStatus(placed) == OrderStatus.PREPARING);

        station.markDishes(bar.known(probe(placed)), List.of(1), true, "Bar");
        await().atMost(PATIENCE).until(() -> centralStatus(placed) == OrderStatus.READY);
        assertThat(onStoreServer(placed).dishesDone().lines()).containsExactly(0, 1);
        // central applies READY a moment before the sender hears its answer and lets the change go
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bar.outbox.waiting()).isEmpty());
    }

    @Test
    void aTapMadeWhileTheStoreServerIsAwayLandsWhenItIsBackAndATapTakenBackToo() throws Exception {
        NewOrder placed = twoDishes();
        world.placeCentrally(placed);
        await().atMost(PATIENCE).until(() -> bar.known(probe(placed)) != null && onStoreServer(placed) != null);
        world.localHttpProxy.refuse();

        station.markDishes(bar.known(probe(placed)), List.of(1), true, "Bar");
        station.markDishes(bar.known(probe(placed)), List.of(1), false, "Bar");
        station.markDishes(bar.known(probe(placed)), List.of(0), true, "Bar");
        await().atMost(PATIENCE).until(() -> bar.outbox.waiting().size() == 3
                && bar.outbox.waiting().stream().allMatch(item -> item.attempts() == 0));
        assertThat(onStoreServer(placed).dishesDone()).as("nothing reached it").isNull();

        world.localHttpProxy.pass();
        await().atMost(PATIENCE).until(() -> bar.outbox.waiting().isEmpty());
        assertThat(onStoreServer(placed).dishesDone().lines()).as("in the order they were tapped").containsExactly(0);
        assertThat(bar.outbox.allStatusChanges()).extracting(change -> change.target())
                .containsExactly(OrderStatus.PREPARING);
        await().atMost(PATIENCE).until(() -> bar.outbox.allStatusChanges().get(0).state() == OutboxState.SENT);
    }

    private OrderStatus centralStatus(NewOrder placed) {
        return world.orders.byClientOrderId(placed.clientOrderId()).orElseThrow().status();
    }

    private static Order probe(NewOrder placed) {
        return new Order(null, null, placed.clientOrderId(), null, 1, OrderStatus.PENDING, List.of(), null, null, null,
                null, null);
    }
}
