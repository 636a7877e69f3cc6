package id.outletkiosk.ui;

import id.outletkiosk.ui.app.KioskRole;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.RunningTerminal;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.kiosk.KioskViewModel;
import id.outletkiosk.ui.kiosk.KioskWindow;
import id.outletkiosk.ui.kitchen.KitchenWindow;
import id.outletkiosk.ui.kitchen.Ticket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The demo store: an order on the kiosk reaches the kitchen board; with the internet cut both fall
 * back to the store server and the next order still reaches the kitchen; with it back, central gets
 * every order once and the board still shows each once.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class DemoOutletTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private DemoOutlet store;
    private KioskWindow kiosk;
    private KitchenWindow kitchen;
    private Stage kioskStage;
    private Stage kitchenStage;

    @Start
    void start(Stage stage) {
        kioskStage = stage;
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            kioskStage.hide();
            if (kitchenStage != null) {
                kitchenStage.hide();
            }
        });
        kiosk.close();
        kitchen.close();
        store.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void anOrderReachesTheKitchenOnlineAndWithTheInternetCut() throws Exception {
        store = DemoOutlet.start(new SettingsLoader(home).load(Map.of(Setting.DATA_DIR, home.resolve("demo").toString(),
                Setting.HEARTBEAT_INTERVAL, "100ms", Setting.HEARTBEAT_TIMEOUT, "400ms", Setting.POLL_INTERVAL, "100ms",
                Setting.IDLE_POLL_INTERVAL, "300ms", Setting.CONNECT_TIMEOUT, "1s", Setting.NEW_ORDER_SOUND, "off"),
                Map.of()), Clock.systemUTC());
        FxToolkit.setupFixture(() -> {
            kiosk = KioskRole.window(new RunningTerminal(store.kiosk()), Messages.english());
            kioskStage.setScene(kiosk.buildScene(760, 1000));
            kioskStage.sizeToScene();
            kioskStage.show();
            kitchen = KitchenRole.window(new RunningTerminal(store.kitchen()), Messages.english());
            kitchenStage = new Stage();
            kitchenStage.setScene(kitchen.buildScene(1160, 1000));
            kitchenStage.show();
        });
        Awaitility.await().atMost(PATIENCE).until(() -> kiosk.kiosk().menuProperty().get().productCount() == 50);

        String budi = order("Budi");
        Awaitility.await().atMost(PATIENCE).until(() -> kitchen.board().tickets().size() == 1);
        assertOneNumber(budi);

        store.cutInternet();
        Awaitility.await().atMost(PATIENCE).until(() -> kitchen.board().feedProperty().get().mode() != FeedMode.ONLINE);
        String sari = order("Sari");
        Awaitility.await().atMost(PATIENCE).until(() -> kitchen.board().tickets().size() == 2);
        assertOneNumber(sari);
        assertThat(store.centralOrders().since(1, 0)).hasSize(1);

        store.restoreInternet();
        Awaitility.await().atMost(PATIENCE).until(() -> store.centralOrders().since(1, 0).size() == 2);
        Awaitility.await().atMost(PATIENCE).until(() -> kitchen.board().feedProperty().get().mode() == FeedMode.ONLINE);
        assertThat(store.centralOrders().since(1, 0)).extracting(Order::customerName).containsExactly("Budi", "Sari");
        assertThat(kitchen.board().tickets()).hasSize(2);
        assertThat(new HashSet<>(kitchen.board().tickets().stream().map(t -> t.order().customerName()).toList()))
                .containsExactlyInAnyOrder("Budi", "Sari");
        assertOneNumber(budi);
        assertOneNumber(sari);
    }

    /** The number on the customer's confirmation is the ticket's and the store server's copy's. */
    private void assertOneNumber(String shownToTheCustomer) {
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(kitchen.board().tickets())
                .extracting(Ticket::shortNumber).contains(shownToTheCustomer));
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(store.storeServerOrders().since(1, 0))
                .extracting(Order::callNumber).contains(shownToTheCustomer));
    }

    /** A customer's order through the kiosk's own steps: start, one Nasi Goreng, pay, eat here, name; the number shown. */
    private String order(String name) throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            KioskViewModel visit = kiosk.kiosk();
            visit.start(Messages.english());
            visit.openProduct(1);
            visit.confirmChoice(1, "");
            visit.checkout();
            visit.chooseDining(id.outletkiosk.ui.kiosk.Dining.EAT_IN); // asked once per order
            visit.confirm(name);
        });
        Awaitility.await().atMost(PATIENCE).until(() -> kiosk.kiosk().placedOrderProperty().get() != null);
        String shown = kiosk.kiosk().placedOrderProperty().get().reference();
        FxToolkit.setupFixture(() -> kiosk.kiosk().startOver());
        return shown;
    }
}
