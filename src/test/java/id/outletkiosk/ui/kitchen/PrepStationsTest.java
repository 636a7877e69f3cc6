package id.outletkiosk.ui.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.Product;
import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.RunningTerminal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The demo store's prep stations, each a real kitchen display over its own terminal: a mixed order
 * reaches the drinks bar with its drinks only and the kitchen with its food only; the cooks tap their
 * dishes done (on the store server, where every screen reads them); the expo shows each station's
 * progress and, once both are done, the order ready, and so does head office. A station screen opened
 * again keeps the dishes tapped before.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class PrepStationsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private DemoOutlet store;
    private final List<KitchenWindow> windows = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stages.add(stage);
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stages.forEach(Stage::hide));
        windows.forEach(KitchenWindow::close);
        store.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void eachStationCooksItsOwnDishesAndTheExpoSeesTheOrderReady(FxRobot robot) throws Exception {
        store = DemoOutlet.start(new SettingsLoader(home).load(Map.of(Setting.DATA_DIR, home.resolve("demo").toString(),
                Setting.HEARTBEAT_INTERVAL, "100ms", Setting.HEARTBEAT_TIMEOUT, "400ms", Setting.POLL_INTERVAL, "100ms",
                Setting.IDLE_POLL_INTERVAL, "300ms", Setting.CONNECT_TIMEOUT, "1s", Setting.NEW_ORDER_SOUND, "off"),
                Map.of()), Clock.systemUTC());
        for (OutletRuntime terminal : List.of(store.kiosk(), store.kitchen(), store.bar(), store.expo())) {
            Awaitility.await().atMost(PATIENCE).until(() -> terminal.catalog().allProducts().size() == 50);
        }
        KitchenWindow kitchen = open(store.kitchen(), 0);
        KitchenWindow bar = open(store.bar(), 1);
        KitchenWindow expo = open(store.expo(), 2);

        store.kiosk().orderDesk().place(List.of(line("Nasi Goreng Spesial"), line("Es Teh Manis"),
                line("Kerupuk Udang")), "Budi");

        Awaitility.await().atMost(PATIENCE).until(() -> bar.board().tickets().size() == 1
                && kitchen.board().tickets().size() == 1 && expo.board().tickets().size() == 1);
        // a card is filled when it first comes into view, at the next layout pulse after its ticket arrives
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(dishesOn(bar)).containsExactly("1× Es Teh Manis");
            assertThat(dishesOn(kitchen)).containsExactly("1× Nasi Goreng Spesial", "1× Kerupuk Udang");
            assertThat(dishesOn(expo)).hasSize(3);
        });
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(progressOn(expo))
                .isEqualTo("Bar 0/1 · Dapur 0/2"));

        tap(robot, bar, "1× Es Teh Manis");
        Awaitility.await().atMost(PATIENCE).until(() -> bar.board().tickets().isEmpty());
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(progressOn(expo)).isEqualTo("Bar ✔ · Dapur 0/2"));
        tap(robot, kitchen, "1× Nasi Goreng Spesial");
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(progressOn(expo)).isEqualTo("Bar ✔ · Dapur 1/2"));
        assertThat(expo.board().tickets().get(0).status()).isEqualTo(OrderStatus.PREPARING);

        // the kitchen's screen closes and opens again: the dish tapped before is still done
        FxToolkit.setupFixture(() -> stages.get(0).hide());
        kitchen.close();
        windows.remove(kitchen);
        KitchenWindow reopened = open(store.kitchen(), 0);
        Awaitility.await().atMost(PATIENCE).until(() -> reopened.board().tickets().size() == 1);
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(dishesOn(reopened))
                .containsExactly("✔ 1× Nasi Goreng Spesial", "1× Kerupuk Udang"));

        tap(robot, reopened, "1× Kerupuk Udang");
        Awaitility.await().atMost(PATIENCE).until(() -> reopened.board().tickets().isEmpty());
        Awaitility.await().atMost(PATIENCE).until(() -> !expo.board().tickets().isEmpty()
                && expo.board().tickets().get(0).status() == OrderStatus.READY);
        Awaitility.await().atMost(PATIENCE).until(() -> store.centralOrders().since(1, 0).stream()
                .map(Order::status).toList().equals(List.of(OrderStatus.READY)));
    }

    private OrderDesk.CartLine line(String dish) {
        long id = store.kiosk().catalog().allProducts().stream().filter(product -> product.name().equals(dish))
                .map(Product::id).findFirst().orElseThrow();
        return new OrderDesk.CartLine(id, 1, null);
    }

    /** A kitchen display on its own stage, side by side. */
    private KitchenWindow open(OutletRuntime terminal, int place) throws TimeoutException {
        KitchenWindow[] window = new KitchenWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = KitchenRole.window(new RunningTerminal(terminal), Messages.english());
            Stage stage = place == 0 ? stages.get(0) : new Stage();
            if (place < stages.size()) {
                stages.set(place, stage);
            } else {
                stages.add(stage);
            }
            stage.setScene(window[0].buildScene(640, 900)); // side by side on the 2000 px test screen
            stage.setX(place * 660);
            stage.setY(0);
            stage.show();
        });
        windows.add(window[0]);
        return window[0];
    }

    private static List<String> dishesOn(KitchenWindow window) throws TimeoutException {
        return texts(window, ".ticket-item");
    }

    private static String progressOn(KitchenWindow window) throws TimeoutException {
        List<String> progress = texts(window, ".ticket-progress");
        return progress.isEmpty() ? "" : progress.get(0);
    }

    private static List<String> texts(KitchenWindow window, String selector) throws TimeoutException {
        List<String> texts = new ArrayList<>();
        FxToolkit.setupFixture(() -> window.statusBar().view().getScene().getRoot().lookupAll(selector)
                .forEach(node -> texts.add(((Labeled) node).getText())));
        return texts;
    }

    /** The cook's finger on a dish. */
    private static void tap(FxRobot robot, KitchenWindow window, String dish) throws TimeoutException {
        Node[] node = new Node[1];
        FxToolkit.setupFixture(() -> {
            node[0] = dishNode(window, dish);
        });
        robot.clickOn(node[0]);
    }

    /** On the FX thread. */
    private static Node dishNode(KitchenWindow window, String text) {
        return window.statusBar().view().getScene().getRoot().lookupAll(".ticket-dish").stream()
                .filter(node -> ((Labeled) node).getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no dish " + text + " on the screen"));
    }
}
