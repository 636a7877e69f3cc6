package id.outletkiosk.ui.kiosk;

import static id.outletkiosk.ui.kiosk.KioskOnStage.awaitGone;
import static id.outletkiosk.ui.kiosk.KioskOnStage.awaitShown;
import static id.outletkiosk.ui.kiosk.KioskOnStage.key;
import static id.outletkiosk.ui.kiosk.KioskOnStage.showing;
import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.security.ManagerPin;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.TestClocks;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.manager.ManagerAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A kiosk customers can finish, on the real window (headless): the note's on-screen keyboard in kiosk
 * mode, quick-note chips as toggles, a closed kitchen at the welcome, undo of a removed line, and no
 * system internals on any customer's screen (the manager still gets in by a long press on the bar).
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class KioskCustomerTest {
    /** What belongs to staff, in both languages: none of it may show on a customer's screen. */
    private static final List<String> INTERNALS = List.of("Versi data", "Data version", "Sinkron terakhir",
            "Last sync", "Server toko", "Store server", "menunggu dikirim", "waiting to be sent", "Online",
            "Offline", "Data terbaru", "Up to date", "Mode demo", "Demo mode");

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private Stage stage;
    private KioskOnStage kiosk;
    private ManagerAccess access;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void close() {
        if (access != null) {
            access.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void inKioskModeTheNoteGetsTheOnScreenKeyboardAndTheChipsToggleAndExcludeEachOther(FxRobot robot) {
        kiosk = new KioskOnStage(stage, home, TestClocks.noonInJakarta(), 1920, 1080,
                Map.of(Setting.KIOSK_MODE, "on"));
        assertThat(kiosk.stage.isFullScreen()).isTrue(); // full screen, no frame: no keyboard but the screen's
        robot.clickOn("#english");
        awaitShown(robot, "#product-1");
        robot.clickOn("#product-1");
        assertThat(showing(robot, "#sheet-keyboard")).isFalse();

        robot.clickOn("#sheet-notes");
        awaitShown(robot, "#sheet-keyboard");
        for (String letter : List.of("L", "E", "S", "S")) {
            robot.clickOn(key(robot, letter));
        }
        robot.clickOn(key(robot, "Space"));
        robot.clickOn(key(robot, "R"));
        robot.clickOn(key(robot, "⌫"));
        assertThat(robot.lookup("#sheet-notes").queryAs(TextField.class).getText()).isEqualTo("less ");

        robot.clickOn("#chip-not-spicy");
        robot.clickOn("#chip-no-onion");
        assertThat(selected(robot, "#chip-not-spicy")).isTrue();
        robot.clickOn("#chip-extra-spicy"); // the other of the spicy pair goes off
        assertThat(selected(robot, "#chip-extra-spicy")).isTrue();
        assertThat(selected(robot, "#chip-not-spicy")).isFalse();
        robot.clickOn("#chip-no-onion"); // a second tap takes a chip back
        assertThat(selected(robot, "#chip-no-onion")).isFalse();
        robot.clickOn(key(robot, "R")).clickOn(key(robot, "I")).clickOn(key(robot, "C")).clickOn(key(robot, "E"));
        robot.clickOn("#sheet-confirm");

        assertThat(kiosk.window.kiosk().cart().lines()).singleElement()
                .satisfies(line -> assertThat(line.notes()).isEqualTo("Extra spicy, less rice"));
        robot.clickOn("#edit-line-1"); // editing the line brings its chips back
        assertThat(selected(robot, "#chip-extra-spicy")).isTrue();
        assertThat(robot.lookup("#sheet-notes").queryAs(TextField.class).getText()).isEqualTo("less rice");
    }

    @Test
    void aClosedKitchenStopsANewOrderAtTheWelcomeInBothLanguages(FxRobot robot) {
        kiosk = new KioskOnStage(stage, home, TestClocks.noonInJakarta(), 1920, 1080, Map.of());
        kiosk.kitchen("closed");
        FxAwait.text(robot, "#welcome-tap", "Dapur sedang tutup\nThe kitchen is closed");
        FxAwait.text(robot, "#kitchen-banner", "Dapur sedang tutup: pesanan belum bisa dibuat saat ini.\n"
                + "The kitchen is closed right now: orders cannot be placed.");
        assertThat(robot.lookup("#english").queryButton().isDisabled()).isTrue();
        robot.clickOn("#welcome-tap"); // a tap anywhere else does not start either
        assertThat(showing(robot, "#product-grid")).isFalse();
        assertThat(kiosk.window.kiosk().screenProperty().get()).isEqualTo(KioskScreen.WELCOME);

        kiosk.kitchen("busy"); // busy only warns, in both languages too
        FxAwait.text(robot, "#kitchen-banner", "Dapur sedang ramai: pesanan Anda mungkin lebih lama dari biasanya.\n"
                + "The kitchen is very busy: your order may take longer than usual.");
        robot.clickOn("#english");
        awaitShown(robot, "#product-1");
        FxAwait.text(robot, "#kitchen-banner", "The kitchen is very busy: your order may take longer than usual.");
    }

    @Test
    void aRemovedLineCanBePutBackForAFewSecondsOnly(FxRobot robot) {
        SteppingClock clock = SteppingClock.atNoonInJakarta();
        kiosk = new KioskOnStage(stage, home, clock, 1920, 1080, Map.of());
        robot.clickOn("#english");
        awaitShown(robot, "#product-1");
        robot.clickOn("#product-1");
        robot.clickOn("#sheet-confirm");
        robot.clickOn("#product-3");
        robot.clickOn("#sheet-confirm");

        robot.clickOn("#remove-line-1");
        awaitShown(robot, "#undo-bar");
        FxAwait.text(robot, "#undo-text", "Nasi Goreng Spesial removed from your order");
        clock.advance(KioskCart.UNDO_FOR.minusSeconds(2)); // within its window, ticks and all
        robot.clickOn("#undo-remove");
        awaitGone(robot, "#undo-bar");
        assertThat(kiosk.window.kiosk().cart().lines()).extracting(line -> line.productId()).containsExactly(3L, 1L);
        FxAwait.text(robot, "#cart-total", "Rp 47.700");

        robot.clickOn("#remove-line-2");
        awaitShown(robot, "#undo-bar");
        clock.advance(KioskCart.UNDO_FOR); // the window's tick takes the offer away
        awaitGone(robot, "#undo-bar");
        assertThat(kiosk.window.kiosk().cart().lines()).extracting(line -> line.productId()).containsExactly(1L);
    }

    @Test
    void theCustomersScreensShowNoInternalsAndTheManagerStillGetsInByALongPress(FxRobot robot) throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        ManagerPin.set(data, "2468".toCharArray());
        kiosk = new KioskOnStage(stage, home, TestClocks.noonInJakarta(), 1920, 1080, Map.of());
        assertNoInternals(robot); // welcome
        // the one thing the bar shows: a dot whose shade tells staff the terminal is online
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> FxAwait.onFx(() ->
                robot.lookup("#status-dot").query().getStyleClass().contains("transport-online")));
        robot.clickOn("#indonesian");
        awaitShown(robot, "#product-1");
        robot.clickOn("#product-1");
        robot.clickOn("#sheet-confirm");
        assertNoInternals(robot);
        kiosk.backend.close(); // the order waits in the outbox: still nothing about it for the customer
        robot.clickOn("#pay-button");
        robot.clickOn("#eat-in");
        robot.clickOn("#customer-name").write("Budi");
        assertNoInternals(robot);
        robot.clickOn("#confirm-order");
        awaitShown(robot, "#order-reference");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> kiosk.terminal.outboxStatus().queued() == 1);
        assertNoInternals(robot);
        assertThat(robot.lookup("#outbox").tryQuery()).isEmpty();
        assertThat(robot.lookup("#data-version").tryQuery()).isEmpty();
        awaitShown(robot, "#status-dot");

        KioskOnStage.onFx(() -> access = new ManagerAccess(kiosk.window.statusBar(), kiosk.terminal,
                Messages.english(), stage, new ConfigFile(home.resolve("outlet-kiosk.properties"),
                        new SettingsLoader(home)), null));
        Point2D bar = FxAwait.onFx(() -> {
            Node view = kiosk.window.statusBar().view();
            Bounds bounds = view.localToScreen(view.getBoundsInLocal());
            return new Point2D(bounds.getMinX() + 40, bounds.getCenterY());
        });
        robot.moveTo(bar).press(MouseButton.PRIMARY);
        awaitShown(robot, "#pin-pad");
        robot.release(MouseButton.PRIMARY);
    }

    @Test
    void thePortraitRailShowsThatItScrollsAndADragScrollsItWithoutChoosingACategory(FxRobot robot) {
        kiosk = new KioskOnStage(stage, home, TestClocks.noonInJakarta(), 1080, 1920, Map.of());
        robot.clickOn("#english");
        awaitShown(robot, "#product-1");
        awaitShown(robot, "#rail-more"); // more categories to the right, and an arrow says so
        assertThat(showing(robot, "#rail-back")).isFalse();
        double before = FxAwait.onFx(() -> robot.lookup("#category-3").query().localToScene(0, 0).getX());

        robot.drag("#category-3", MouseButton.PRIMARY).moveBy(-150, 0).moveBy(-150, 0).release(MouseButton.PRIMARY);
        awaitShown(robot, "#rail-back");
        double after = FxAwait.onFx(() -> robot.lookup("#category-3").query().localToScene(0, 0).getX());
        assertThat(after).isLessThan(before - 100);
        assertThat(kiosk.window.kiosk().categoryProperty().get()).isEqualTo(1L); // the drag was no tap

        robot.clickOn("#rail-back"); // the arrow scrolls back a screenful
        awaitGone(robot, "#rail-back");
        robot.clickOn("#category-3"); // and a plain tap still chooses
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> Long.valueOf(3).equals(kiosk.window.kiosk().categoryProperty().get()));
    }

    private void assertNoInternals(FxRobot robot) {
        List<String> shown = FxAwait.onFx(() -> robot.lookup((Node node) -> node instanceof Labeled labeled
                && labeled.isVisible() && labeled.getScene() != null && labeled.getText() != null)
                .queryAllAs(Labeled.class).stream().map(Labeled::getText).toList());
        assertThat(shown).noneMatch(text -> INTERNALS.stream().anyMatch(text::contains));
    }

    private static boolean selected(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ToggleButton.class).isSelected();
    }
}
