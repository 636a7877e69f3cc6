package id.outletkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.Truncation;
import id.outletkiosk.ui.app.KioskRole;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.RunningTerminal;
import id.outletkiosk.ui.kiosk.KioskViewModel;
import id.outletkiosk.ui.kiosk.KioskWindow;
import id.outletkiosk.ui.kitchen.KitchenWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The kitchen's busy switch, end to end in the demo store (central, the store server, a kiosk and the
 * kitchen in-process): the kitchen pauses orders from its board and the customer at the kiosk can no
 * longer pay; busy shows its wait on the kiosk; the switch fits the board in both orientations and languages.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class KitchenBusySwitchTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private DemoOutlet store;
    private KioskWindow kiosk;
    private final List<KitchenWindow> kitchens = new ArrayList<>();
    private Stage kioskStage;
    private Stage kitchenStage;

    @Start
    void start(Stage stage) {
        kioskStage = stage;
    }

    @BeforeEach
    void openTheStore() throws TimeoutException {
        store = DemoOutlet.start(new SettingsLoader(home).load(Map.of(Setting.DATA_DIR, home.resolve("demo").toString(),
                Setting.HEARTBEAT_INTERVAL, "100ms", Setting.HEARTBEAT_TIMEOUT, "400ms", Setting.POLL_INTERVAL, "100ms",
                Setting.IDLE_POLL_INTERVAL, "300ms", Setting.RECONCILE_INTERVAL, "500ms", Setting.CONNECT_TIMEOUT, "1s",
                Setting.NEW_ORDER_SOUND, "off"), Map.of()), Clock.systemUTC());
        FxToolkit.setupFixture(() -> {
            kiosk = KioskRole.window(new RunningTerminal(store.kiosk()), Messages.english());
            kioskStage.setScene(kiosk.buildScene(760, 1000));
            kioskStage.show();
            kitchenStage = new Stage();
            kitchenStage.setScene(kitchen(Messages.english()).buildScene(1160, 1000));
            kitchenStage.show();
        });
    }

    private KitchenWindow kitchen(Messages messages) {
        KitchenWindow kitchen = KitchenRole.window(new RunningTerminal(store.kitchen()), messages);
        kitchens.add(kitchen);
        return kitchen;
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            kioskStage.hide();
            kitchenStage.hide();
        });
        kiosk.close();
        kitchens.forEach(KitchenWindow::close);
        store.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void theKitchenPausesFromItsBoardAndTheKiosksPayButtonStops(FxRobot robot) throws Exception {
        Awaitility.await().atMost(PATIENCE).until(() -> kiosk.kiosk().menuProperty().get().productCount() == 50);
        FxToolkit.setupFixture(() -> {
            KioskViewModel visit = kiosk.kiosk();
            visit.start(Messages.english());
            visit.openProduct(1);
            visit.confirmChoice(1, "");
        });
        Awaitility.await().atMost(PATIENCE).until(() -> !payButton(robot).isDisabled());

        robot.clickOn("#kitchen-switch");
        robot.clickOn("#kitchen-choice-paused");

        Awaitility.await().atMost(PATIENCE).until(() -> payButton(robot).isDisabled());
        assertThat(FxAwait.onFx(() -> robot.lookup("#kitchen-switch").queryButton().getText())).isEqualTo("Orders paused");
        assertThat(store.storeServerOrders().kitchen().current(1).status()).isEqualTo(KitchenState.Status.PAUSED);

        robot.clickOn("#kitchen-switch"); // the keyboard's way back: K, then 3 (busy, 15 min)
        robot.clickOn("#kitchen-choice-busy-15");
        Awaitility.await().atMost(PATIENCE).until(() -> !payButton(robot).isDisabled());
        Awaitility.await().atMost(PATIENCE).until(() -> robot.lookup("#kitchen-banner").tryQuery()
                .map(banner -> ((javafx.scene.control.Label) banner).getText().equals(
                        "The kitchen is busy: about 15 min wait") && banner.isVisible()).orElse(false));
        assertThat(FxAwait.onFx(() -> robot.lookup("#kitchen-switch").queryButton().getText())).isEqualTo("Busy ~15 min");
    }

    @Test
    void theBoardsKeyboardSwitchesTheKitchenToo() throws Exception {
        KitchenWindow board = kitchens.get(0);
        FxToolkit.setupFixture(() -> {
            Scene scene = kitchenStage.getScene();
            for (KeyCode key : List.of(KeyCode.K, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.ENTER)) {
                javafx.event.Event.fireEvent(scene.getRoot(), new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
            }
        });

        Awaitility.await().atMost(PATIENCE).until(() -> store.storeServerOrders().kitchen().current(1)
                .looksLike(KitchenState.busy(20, null, null)));
        assertThat(board.board().tickets()).as("the switch's keys picked no ticket and bumped nothing").isEmpty();
    }

    @Test
    void theSwitchAndItsChoicesFitTheBoardInBothOrientationsAndLanguages() throws Exception {
        for (Messages messages : List.of(Messages.indonesian(), Messages.english())) {
            for (int[] size : new int[][] {{1920, 1080}, {1080, 1920}}) {
                List<Truncation.Cut> cuts = FxAwait.onFx(() -> {
                    Stage stage = new Stage();
                    KitchenWindow board = kitchen(messages);
                    stage.setScene(board.buildScene(size[0], size[1]));
                    stage.show();
                    stage.getScene().lookup("#kitchen-switch").getClass(); // built
                    ((Button) stage.getScene().lookup("#kitchen-switch")).fire();
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    List<Truncation.Cut> found = Truncation.find((Parent) stage.getScene().getRoot());
                    stage.hide();
                    return found;
                });
                assertThat(cuts).as(messages.isEnglish() + " " + size[0] + "x" + size[1]).isEmpty();
            }
        }
    }

    private static Button payButton(FxRobot robot) {
        return FxAwait.onFx(() -> robot.lookup("#pay-button").queryButton());
    }
}
