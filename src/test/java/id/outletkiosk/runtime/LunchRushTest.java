package id.outletkiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's lunch rush, quickened: every order it places reaches head office from the kiosk, the bar and
 * the kitchen cook their dishes, the last dish makes each order ready, and the expo hands each over.
 */
@Timeout(120)
class LunchRushTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private DemoOutlet store;

    @AfterEach
    void close() {
        store.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void aQuickRushIsPlacedCookedReadiedAndHandedOver() {
        store = DemoOutlet.start(new SettingsLoader(home).load(Map.of(Setting.DATA_DIR, home.resolve("demo").toString(),
                Setting.HEARTBEAT_INTERVAL, "100ms", Setting.HEARTBEAT_TIMEOUT, "400ms", Setting.POLL_INTERVAL, "100ms",
                Setting.IDLE_POLL_INTERVAL, "300ms", Setting.NEW_ORDER_SOUND, "off"), Map.of()), Clock.systemUTC());
        for (OutletRuntime terminal : List.of(store.kiosk(), store.kitchen(), store.bar(), store.expo())) {
            terminal.startFeed();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> terminal.catalog().allProducts().size() == 50);
        }

        store.lunchRush().start(new LunchRush.Pace(6, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1)));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> store.centralOrders().since(1, 0).size() == 6
                && store.centralOrders().since(1, 0).stream().allMatch(order -> order.status() == OrderStatus.COMPLETED));
        List<Order> served = store.storeServerOrders().since(1, 0);
        assertThat(served).hasSize(6).allSatisfy(order -> {
            assertThat(order.reference()).as("the number the customer holds").startsWith("K-");
            assertThat(order.dishesDone().allOf(order.items().size())).as("every dish cooked").isTrue();
        });
        assertThat(store.lunchRush().placed()).isEqualTo(6);
    }
}
