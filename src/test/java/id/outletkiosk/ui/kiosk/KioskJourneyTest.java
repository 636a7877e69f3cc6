package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.app.KioskRole;
import id.outletkiosk.ui.app.RunningTerminal;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.TestClocks;
import id.outletkiosk.testing.TestRuntimes;
import id.outletkiosk.ui.Messages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A customer's whole visit on the real kiosk window (headless): choose a category, add two dishes
 * with the lunch promotion, edit the cart, pay, see the reference; the order reaches the reference
 * backend, or, with the backend stopped, waits in the outbox with the same reference.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class KioskJourneyTest {
    // two Nasi dishes under "Promo Makan Siang" (10 %): 2 x Rp 25.200 + 2 x Rp 22.500
    private static final String EXPECTED_TOTAL = "Rp 95.400";

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private ReferenceBackend backend;
    private OutletRuntime runtime;
    private KioskWindow window;

    @Start
    void start(Stage stage) {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), TestClocks.noonInJakarta());
        runtime = TestRuntimes.against(backend, home, TestClocks.noonInJakarta());
        runtime.startSync();
        window = KioskRole.window(new RunningTerminal(runtime), Messages.indonesian());
        stage.setScene(window.buildScene(1920, 1080));
        stage.sizeToScene(); // the stage is shared by the test classes: another may have turned it to portrait
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void stop() {
        window.close();
        runtime.close();
        backend.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void aCustomerOrdersOnlineAndTheBackendHasTheOrder(FxRobot robot) {
        menuSynced();

        String reference = orderTwoPromotedDishes(robot);

        Order order = await(() -> backend.orders().since(1, 0).stream()
                .filter(o -> "Budi".equals(o.customerName())).findFirst());
        assertThat(order.totalAmount()).isEqualByComparingTo("95400");
        assertThat(order.items()).extracting(OrderItem::productId, OrderItem::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 2), org.assertj.core.groups.Tuple.tuple(3L, 2));
        assertThat(order.items().get(0).notes()).isEqualTo("Tidak pedas");
        assertThat(runtime.outbox().all()).singleElement().satisfies(entry -> {
            assertThat(entry.reference()).isEqualTo(reference);
            assertThat(entry.totalMismatch()).isFalse();
        });
        // the central order number reaches the confirmation once the backend acknowledged it
        FxAwait.text(robot, "#order-number", "Nomor pesanan " + order.orderNumber());
    }

    @Test
    void withTheBackendStoppedTheCustomerStillGetsAReferenceAndTheOrderWaits(FxRobot robot) {
        menuSynced();
        backend.close();

        String reference = orderTwoPromotedDishes(robot);

        OutboxEntry waiting = await(() -> runtime.outbox().queued().stream().findFirst());
        assertThat(waiting.reference()).isEqualTo(reference);
        assertThat(waiting.kioskTotal()).isEqualByComparingTo(new BigDecimal("95400"));
        assertThat(waiting.customerName()).isEqualTo("Budi");
        assertThat(lookupText(robot, "#order-number")).isEqualTo(
                "Pesanan Anda sudah tersimpan. Simpan nomor referensi ini.");
        // the customer is not told about the outbox (the manager's panel is): the order just waits there
        assertThat(robot.lookup("#outbox").tryQuery()).isEmpty();
    }

    /** The customer's taps, as on the screen; returns the reference the confirmation shows. */
    private String orderTwoPromotedDishes(FxRobot robot) {
        robot.clickOn("#indonesian");
        robot.clickOn("#category-2"); // Mie & Bakso first, then back to Nasi (the lunch promotion)
        FxAwait.visible(robot, "#product-7");
        robot.clickOn("#category-1");
        FxAwait.visible(robot, "#product-1");

        robot.clickOn("#product-1"); // Nasi Goreng Spesial, Rp 28.000 - 10 %
        robot.clickOn("#quantity-more");
        robot.clickOn("#chip-not-spicy"); // "Tidak pedas"
        robot.clickOn("#sheet-confirm");
        robot.clickOn("#product-3"); // Nasi Uduk Komplit, Rp 25.000 - 10 %
        robot.clickOn("#sheet-confirm");
        robot.clickOn("#product-2"); // added by mistake, then removed
        robot.clickOn("#sheet-confirm");
        robot.clickOn("#remove-line-3");
        robot.clickOn("#edit-line-2"); // one more Nasi Uduk
        robot.clickOn("#quantity-more");
        robot.clickOn("#sheet-confirm");
        FxAwait.text(robot, "#cart-total", EXPECTED_TOTAL);
        assertThat(lookupText(robot, "#cart-discount")).isEqualTo("-Rp 10.600");

        robot.clickOn("#pay-button");
        robot.clickOn("#eat-in");
        robot.clickOn("#customer-name").write("Budi");
        robot.clickOn("#confirm-order");

        FxAwait.visible(robot, "#order-reference");
        String reference = lookupText(robot, "#order-reference");
        assertThat(reference).matches("K-\\d{4}");
        return reference;
    }

    /** The demo menu (data version 61) is in the local store: the status bar no longer says so on a kiosk. */
    private void menuSynced() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> runtime.syncStatus().current().dataVersion() == 61);
    }

    private static <T> T await(Callable<Optional<T>> probe) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).until(probe, Optional::isPresent).orElseThrow();
    }

    private static String lookupText(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
