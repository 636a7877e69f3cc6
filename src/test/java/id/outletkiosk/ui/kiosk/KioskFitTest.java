package id.outletkiosk.ui.kiosk;

import static id.outletkiosk.ui.kiosk.KioskOnStage.awaitShown;
import static id.outletkiosk.ui.kiosk.KioskOnStage.key;
import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.TestClocks;
import id.outletkiosk.testing.Truncation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Nothing cut off, anywhere a customer looks: a whole visit in Bahasa Indonesia (the longer words) at
 * the kiosk's two screens and the demo's kiosk window, with the longest things the screens must hold
 * (a bilingual busy banner, a dish sheet with the keyboard, a removed line's undo, a checkout's
 * problem, a 40-letter name and an 8-character reference on the offline confirmation). At every step
 * no labelled control ends in "…", and the buttons that finish a step and the status bar are on the
 * window, not pushed off it.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class KioskFitTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private Stage stage;
    private KioskOnStage kiosk;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void close() {
        if (kiosk != null) {
            kiosk.close();
        }
        TempFolders.deleteWhenQuiet(home);
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1920, 1080", "1080, 1920", "820, 970"})
    void aWholeVisitInIndonesianFitsTheWindow(double width, double height, FxRobot robot) {
        kiosk = new KioskOnStage(stage, home, TestClocks.noonInJakarta(), width, height,
                Map.of(Setting.TERMINAL, "K12")); // references like "K12-0001": 8 characters
        kiosk.kitchen("busy");
        FxAwait.visible(robot, "#kitchen-banner");
        fits(robot, "welcome, kitchen busy");

        robot.clickOn("#indonesian");
        awaitShown(robot, "#product-4"); // the grid's first dish: the demo's window shows one row
        fits(robot, "menu", "#pay-button", "#start-over", "#switch-language");

        robot.clickOn("#product-4");
        robot.clickOn("#chip-not-spicy");
        robot.clickOn("#chip-sauce-apart");
        fits(robot, "dish sheet", "#sheet-confirm");
        robot.clickOn("#sheet-notes");
        awaitShown(robot, "#sheet-keyboard");
        robot.clickOn(key(robot, "N")).clickOn(key(robot, "A")).clickOn(key(robot, "S"));
        fits(robot, "dish sheet with the keyboard", "#sheet-confirm", "#sheet-keyboard");
        robot.clickOn("#sheet-confirm");
        robot.clickOn("#product-2");
        robot.clickOn("#sheet-confirm");
        robot.clickOn("#remove-line-1"); // the top line: the demo's cart shows one line at a time
        awaitShown(robot, "#undo-bar");
        fits(robot, "menu with a removed line's undo", "#pay-button", "#undo-remove");

        robot.clickOn("#pay-button");
        awaitShown(robot, "#customer-name");
        robot.clickOn("#confirm-order"); // no answer yet to eat here or take away
        awaitShown(robot, "#checkout-problem");
        fits(robot, "checkout with a problem", "#confirm-order", "#eat-in", "#take-away", "#pay-at-counter");
        robot.clickOn("#take-away");
        robot.clickOn("#customer-name").write("Bernadette Anastasia Kusumawardhani Putri");

        kiosk.backend.close(); // offline: the confirmation's longest Indonesian text
        robot.clickOn("#confirm-order");
        awaitShown(robot, "#order-reference");
        FxAwait.text(robot, "#order-reference", "K12-0001");
        fits(robot, "offline confirmation", "#done", "#order-reference");
    }

    /** Nothing cut off, and the status bar and {@code wholeOnWindow} inside the window. */
    private void fits(FxRobot robot, String step, String... wholeOnWindow) {
        List<Truncation.Cut> cuts = FxAwait.onFx(() -> Truncation.find(kiosk.root()));
        assertThat(cuts).as("cut off on the %s", step).isEmpty();
        for (Node node : FxAwait.onFx(() -> wholeOnWindowNodes(robot, wholeOnWindow))) {
            Bounds bounds = FxAwait.onFx(() -> node.localToScene(node.getBoundsInLocal()));
            Bounds window = FxAwait.onFx(() -> kiosk.root().getLayoutBounds());
            assertThat(window.contains(bounds)).as("%s whole on the window on the %s (%s in %s)",
                    node.getId() == null ? node.getStyleClass() : node.getId(), step, bounds, window).isTrue();
        }
    }

    private List<Node> wholeOnWindowNodes(FxRobot robot, String... queries) {
        List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(kiosk.window.statusBar().view());
        for (String query : queries) {
            nodes.add(robot.lookup(query).query());
        }
        return nodes;
    }
}
