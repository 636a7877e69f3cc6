package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.app.KioskRole;
import id.outletkiosk.ui.app.RunningTerminal;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.OrderBook;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.TestClocks;
import id.outletkiosk.testing.TestRuntimes;
import id.outletkiosk.ui.Messages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk's screens on a headless display: portrait and landscape layouts, touch targets, a sync
 * landing under an open cart, and a 500-dish menu that the grid keeps virtual.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class KioskScreensTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private ReferenceBackend backend;
    private OutletRuntime runtime;
    private KioskWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        robotRun(() -> stage.hide());
        window.close();
        runtime.close();
        backend.close();
        TempFolders.deleteWhenQuiet(home);
    }

    private void open(ReferenceBackend server, double width, double height) {
        backend = server;
        runtime = TestRuntimes.against(backend, home, TestClocks.noonInJakarta());
        runtime.startSync();
        robotRun(() -> {
            window = KioskRole.window(new RunningTerminal(runtime), Messages.indonesian());
            stage.setScene(window.buildScene(width, height));
            stage.sizeToScene(); // the stage is shared by the test classes and may have been resized before
            stage.setX(0); // the headless screen is 2000x2000: a stage moved off it cannot be drawn
            stage.setY(0);
            stage.show();
        });
    }

    private void openDemo(double width, double height) {
        open(ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), TestClocks.noonInJakarta()), width, height);
    }

    @Test
    void portraitPutsTheRailAboveTheGridAndTheCartBelowWithTouchSizedTargets(FxRobot robot) {
        openDemo(1080, 1920);
        everyTargetIsTouchSized(robot);
        robot.clickOn("#english");
        FxAwait.visible(robot, "#product-1");

        Bounds rail = bounds(robot, "#category-1");
        Bounds grid = bounds(robot, "#product-grid");
        Bounds cart = bounds(robot, "#pay-button");
        Bounds otherCategory = bounds(robot, "#category-2");
        assertThat(rail.getMaxY()).isLessThanOrEqualTo(grid.getMinY());
        assertThat(otherCategory.getMinX()).isGreaterThan(rail.getMaxX()); // across, not down
        assertThat(cart.getMinY()).isGreaterThan(grid.getMaxY() - 1);
        everyTargetIsTouchSized(robot);

        robot.clickOn("#product-1");
        everyTargetIsTouchSized(robot);
        robot.clickOn("#sheet-confirm");
        robot.clickOn("#pay-button");
        FxAwait.visible(robot, "#customer-name");
        robot.clickOn("#take-away");
        everyTargetIsTouchSized(robot);
        assertThat(bounds(robot, "#customer-name").getMinY()).isGreaterThan(bounds(robot, "#cart-total").getMinY());
    }

    @Test
    void landscapePutsTheRailLeftAndTheCartRightAndTurningTheScreenRebuildsIt(FxRobot robot) {
        openDemo(1920, 1080);
        robot.clickOn("#english");
        FxAwait.visible(robot, "#product-1");
        assertThat(bounds(robot, "#category-1").getMaxX()).isLessThanOrEqualTo(bounds(robot, "#product-grid").getMinX());
        assertThat(bounds(robot, "#category-2").getMinY()).isGreaterThan(bounds(robot, "#category-1").getMaxY());
        assertThat(bounds(robot, "#pay-button").getMinX()).isGreaterThan(bounds(robot, "#product-grid").getMaxX() - 1);
        assertThat(robot.lookup(".cart-title").queryAs(Label.class).getText()).isEqualTo("Your order");
        everyTargetIsTouchSized(robot);
        // no tile and no cart is drawn through an effect: in the software renderer each is offscreen images
        assertThat(robot.lookup(".product-tile").queryAllAs(Node.class)).isNotEmpty()
                .allSatisfy(tile -> assertThat(tile.getEffect()).as("a tile's effect").isNull());
        assertThat(robot.lookup(".cart-panel").queryAllAs(Node.class)).isNotEmpty()
                .allSatisfy(cart -> assertThat(cart.getEffect()).as("the cart's effect").isNull());

        robotRun(() -> {
            stage.setY(0);
            stage.setWidth(1080);
            stage.setHeight(1920);
        });
        FxAwait.visible(robot, "#product-1");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> bounds(robot, "#category-2").getMinX()
                > bounds(robot, "#category-1").getMaxX());
    }

    @Test
    void aSyncThatLandsUnderAnOpenCartIsShownAndMustBeAcknowledgedBeforePaying(FxRobot robot) {
        openDemo(1920, 1080);
        robot.clickOn("#indonesian");
        FxAwait.visible(robot, "#category-2");
        robot.clickOn("#category-2");
        FxAwait.visible(robot, "#product-7");
        robot.clickOn("#product-7"); // Mie Goreng Jawa, Rp 25.000
        robot.clickOn("#sheet-confirm");
        FxAwait.text(robot, "#cart-total", "Rp 25.000");

        backend.repository().update(EntityKind.PRODUCTS, 7, row -> {
            Product p = (Product) row;
            return new Product(p.id(), p.name(), p.categoryId(), new BigDecimal("27000"), p.description(),
                    p.imageUrl(), p.available(), p.active(), p.version(), p.updatedAt());
        });
        runtime.scheduler().orElseThrow().refreshNow();

        FxAwait.visible(robot, "#cart-changes");
        FxAwait.text(robot, "#cart-total", "Rp 27.000");
        assertThat(robot.lookup("#cart-changes .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("• Mie Goreng Jawa: harga sekarang Rp 27.000 (sebelumnya Rp 25.000)");
        assertThat(robot.lookup("#pay-button").queryButton().isDisabled()).isTrue();
        robot.clickOn("#acknowledge-changes");
        assertThat(robot.lookup("#pay-button").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#cart-changes").query().isVisible()).isFalse();
    }

    @Test
    void theKitchenSaysBusyThenClosedAndTheBannerAndCheckoutFollow(FxRobot robot) {
        openDemo(1920, 1080);
        robot.clickOn("#english");
        FxAwait.visible(robot, "#product-1");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runtime.startFeed().status().centralConnected());
        assertThat(robot.lookup("#kitchen-banner").query().isVisible()).isFalse();

        backend.broadcastRaw(1, "{\"type\": \"kitchen_status_changed\", \"data\": {\"outlet_id\": 1, \"status\": \"busy\"}}");
        FxAwait.text(robot, "#kitchen-banner", "The kitchen is very busy: your order may take longer than usual.");

        robot.clickOn("#product-1");
        robot.clickOn("#sheet-confirm");
        backend.broadcastRaw(1, "{\"type\": \"kitchen_status_changed\", \"data\": {\"outlet_id\": 1, \"status\": \"closed\"}}");
        FxAwait.text(robot, "#kitchen-banner", "The kitchen is closed right now: orders cannot be placed.");
        assertThat(robot.lookup("#pay-button").queryButton().isDisabled()).isTrue();

        backend.broadcastRaw(1, "{\"type\": \"kitchen_status_changed\", \"data\": {\"outlet_id\": 1, \"status\": \"open\"}}");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !robot.lookup("#kitchen-banner").query().isVisible();
        });
        assertThat(robot.lookup("#pay-button").queryButton().isDisabled()).isFalse();
    }

    @Test
    void kioskModeIsFullScreenWithoutAFrameAndIgnoresCloseAndEscape(FxRobot robot) throws Exception {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), TestClocks.noonInJakarta());
        runtime = TestRuntimes.against(backend, home, TestClocks.noonInJakarta(), Map.of(Setting.KIOSK_MODE, "on"));
        Stage[] kiosk = new Stage[1];
        robotRun(() -> {
            window = KioskRole.window(new RunningTerminal(runtime), Messages.indonesian());
            kiosk[0] = new Stage();
            window.show(kiosk[0]);
        });
        try {
            assertThat(kiosk[0].getStyle()).isEqualTo(javafx.stage.StageStyle.UNDECORATED);
            assertThat(kiosk[0].isFullScreen()).isTrue();
            robotRun(() -> kiosk[0].fireEvent(new javafx.stage.WindowEvent(kiosk[0],
                    javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
            robot.push(javafx.scene.input.KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(kiosk[0].isShowing()).isTrue();
            assertThat(kiosk[0].isFullScreen()).isTrue();
        } finally {
            robotRun(() -> kiosk[0].hide());
        }
    }

    @Test
    void fiveHundredDishesInOneCategoryOnlyGetCellsForWhatIsOnScreen(FxRobot robot) {
        MasterDataRepository repository = new MasterDataRepository();
        SampleMenu.generate(repository, TestClocks.noonInJakarta(), 1, 500, 20);
        open(new ReferenceBackend(repository, new OrderBook(repository, TestClocks.noonInJakarta()),
                ReferenceBackend.Options.loopback()).start(), 1920, 1080);
        robot.clickOn("#indonesian");
        GridView<?> grid = robot.lookup("#product-grid").queryAs(GridView.class);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> grid.getItems().size() == 500);
        WaitForAsyncUtils.waitForFxEvents();

        int cells = robot.lookup(".grid-cell").queryAll().size();
        assertThat(cells).isBetween(4, 60);
        robot.moveTo(grid).scroll(30, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".grid-cell").queryAll().size()).isLessThan(80);
    }

    private static void everyTargetIsTouchSized(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<ButtonBase> targets = robot.lookup(node -> node instanceof ButtonBase && node.isVisible()
                && node.getScene() != null).queryAllAs(ButtonBase.class).stream().toList();
        assertThat(targets).isNotEmpty();
        assertThat(targets).allSatisfy(button -> assertThat(Math.min(button.getWidth(), button.getHeight()))
                .as("%s '%s'", button.getId(), button.getText()).isGreaterThanOrEqualTo(48));
    }

    private static Bounds bounds(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.localToScene(node.getBoundsInLocal());
    }

    private static void robotRun(Runnable action) {
        try {
            org.testfx.api.FxToolkit.setupFixture(action);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the FX thread did not run the step in time", e);
        }
    }
}
