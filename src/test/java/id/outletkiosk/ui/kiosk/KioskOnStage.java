package id.outletkiosk.ui.kiosk;

import id.outletkiosk.config.Setting;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.TestRuntimes;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.KioskRole;
import id.outletkiosk.ui.app.RunningTerminal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real kiosk window on the test stage over an in-process demo backend (the menu synced first): what
 * the kiosk's screen tests share. The window is {@code width} x {@code height}, Indonesian by default;
 * with {@code kiosk-mode=on} it is shown as a kiosk shows itself instead: full screen on a stage of its own.
 */
final class KioskOnStage implements AutoCloseable {
    final ReferenceBackend backend;
    final OutletRuntime runtime;
    final KioskWindow window;
    final RunningTerminal terminal;
    final Stage stage;

    KioskOnStage(Stage testStage, Path home, Clock clock, double width, double height, Map<Setting, String> settings) {
        boolean kioskMode = "on".equals(settings.get(Setting.KIOSK_MODE));
        this.stage = kioskMode ? FxAwait.onFx(Stage::new) : testStage;
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), clock);
        runtime = TestRuntimes.against(backend, home, clock, settings);
        try {
            runtime.sync().orElseThrow().runRound(); // the menu is there before the first screen
        } catch (id.outletkiosk.sync.SyncFailedException e) {
            throw new AssertionError("the demo menu did not sync", e);
        }
        runtime.startSync();
        terminal = new RunningTerminal(runtime);
        KioskWindow[] built = new KioskWindow[1];
        onFx(() -> {
            built[0] = KioskRole.window(terminal, Messages.indonesian());
            if (kioskMode) {
                built[0].show(stage);
                return;
            }
            stage.setScene(built[0].buildScene(width, height));
            stage.sizeToScene(); // the stage is shared by the test classes and may have been resized before
            stage.setX(0); // the headless screen is 2000x2000: a stage moved off it cannot be drawn
            stage.setY(0);
            stage.show();
        });
        window = built[0];
    }

    Parent root() {
        return stage.getScene().getRoot();
    }

    /** The kitchen says it is busy, closed or open again, over central's socket (connected first). */
    void kitchen(String status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runtime.startFeed().status().centralConnected());
        backend.broadcastRaw(1, "{\"type\": \"kitchen_status_changed\", \"data\": {\"outlet_id\": 1, \"status\": \""
                + status + "\"}}");
    }

    /** The on-screen keyboard's key with this label. */
    static Button key(FxRobot robot, String label) {
        return robot.lookup((Node node) -> node instanceof Button button && button.getStyleClass().contains("key")
                && label.equals(button.getText()) && button.isVisible()).queryButton();
    }

    static void onFx(Runnable action) {
        try {
            FxToolkit.setupFixture(action);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the FX thread did not run the step in time", e);
        }
    }

    static boolean showing(FxRobot robot, String query) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).tryQuery().filter(Node::isVisible).filter(node -> node.getScene() != null).isPresent();
    }

    static void awaitGone(FxRobot robot, String query) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !showing(robot, query));
    }

    static void awaitShown(FxRobot robot, String query) {
        FxAwait.visible(robot, query);
    }

    @Override
    public void close() {
        onFx(stage::hide);
        window.close();
        runtime.close();
        backend.close();
    }
}
