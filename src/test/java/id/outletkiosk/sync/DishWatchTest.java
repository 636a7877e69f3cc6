package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expo on central's socket hears a station's tap at once: central's frames carry no dishes, so it
 * also keeps the store server's socket, and a frame that only changes an order's dishes is news. The
 * lists are re-read only every minute here, so nothing but that socket can bring the tap in time.
 */
@Timeout(60)
class DishWatchTest {
    private static final Settings.FeedTimings SLOW_RECONCILE = new Settings.FeedTimings(Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMinutes(1),
            Duration.ofMillis(300));

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    private OrderWorld world;
    private OrderLedger ledger;

    @AfterEach
    void stop() throws Exception {
        world.close();
        ledger.close();
        TempFolders.deleteWhenQuiet(folder);
    }

    @Test
    void theExpoOnCentralsSocketHearsAStationsTapThroughTheStoreServersSocket() throws Exception {
        world = new OrderWorld(folder.resolve("world"), SLOW_RECONCILE);
        ledger = new OrderLedger(Database.open(folder.resolve("expo.db")), Clock.systemUTC());
        List<OrderEvent> heard = new CopyOnWriteArrayList<>();
        RealtimeFeed expo = world.kitchenFeed(ledger, 3, FeedListener.ofOrders(heard::add));
        expo.followDishes();
        await().atMost(Duration.ofSeconds(15)).until(() -> expo.status().mode() == FeedMode.ONLINE);

        NewOrder placed = new NewOrder(1, UUID.randomUUID().toString(), "Sari",
                List.of(new OrderItem(1, null, 1, null, null), new OrderItem(2, null, 1, null, null)), null);
        world.placeCentrally(placed);
        await().atMost(Duration.ofSeconds(15)).until(() -> heard.stream()
                .anyMatch(event -> placed.clientOrderId().equals(event.order().clientOrderId())));
        Order keys = new Order(null, null, placed.clientOrderId(), null, 1, OrderStatus.PENDING, List.of(), null, null,
                null, null, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> world.storeServerOrders.since(1, 0).stream()
                .anyMatch(order -> placed.clientOrderId().equals(order.clientOrderId())));

        world.storeServerViaProxy().markDishes(keys, List.of(1), true); // the bar's tap, on the store server

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(event ->
                event.type() == OrderEventType.ORDER_UPDATED && event.order().dishesDone() != null
                        && event.order().dishesDone().lines().equals(List.of(1))));
        assertThat(expo.status().mode()).as("still on central's socket").isEqualTo(FeedMode.ONLINE);
        assertThat(ledger.find(keys).dishesDone().lines()).containsExactly(1);
    }
}
