package id.outletkiosk.ui.manager;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.testing.BackOfficeOnScreen;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.ManagerPanels;
import id.outletkiosk.testing.Truncation;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The panel tells the truth (issue 14): head office unreachable is said, with since when and who carries
 * the orders, over a real store server while central is cut off by a fault proxy; closing the app asks
 * first; a terminal with no PIN says so before a PIN is typed; the back office has a button to the panel;
 * kiosk mode brings the on-screen keyboard to the settings; and no label is cut off at three window sizes.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class ManagerPanelTruthTest {
    private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(20);
    private static final String PIN = "2468";

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private Stage stage;
    private OrderWorld world;
    private BackOfficeOnScreen terminal;
    private OutletRuntime runtime;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    /** A back-office terminal on the world's central and store server (both through their proxies). */
    private void openTerminal(boolean withPin) throws Exception {
        openTerminal(withPin, Messages.english());
    }

    private void openTerminal(boolean withPin, Messages messages) throws Exception {
        world = new OrderWorld(home.resolve("world"), OrderWorld.FAST);
        Map<Setting, String> flags = Map.ofEntries(
                Map.entry(Setting.BACKEND, world.centralProxy.http().toString()),
                Map.entry(Setting.LOCAL_HTTP, world.localHttpProxy.http().toString()),
                Map.entry(Setting.LOCAL_WS, world.localWsProxy.ws("/").toString()),
                Map.entry(Setting.HEARTBEAT_INTERVAL, "100ms"), Map.entry(Setting.HEARTBEAT_TIMEOUT, "400ms"),
                Map.entry(Setting.POLL_INTERVAL, "100ms"), Map.entry(Setting.IDLE_POLL_INTERVAL, "300ms"),
                Map.entry(Setting.CONNECT_TIMEOUT, "1s"), Map.entry(Setting.READ_TIMEOUT, "2s"),
                Map.entry(Setting.CALL_TIMEOUT, "4s"));
        terminal = BackOfficeOnScreen.open(home, withPin ? PIN : null, flags, Clock.systemDefaultZone());
        runtime = terminal.runtime();
        runtime.sync().orElseThrow().runRound();
        terminal.show(stage, messages, 1600, 960);
    }

    @AfterEach
    void closeTerminal() throws Exception {
        if (terminal != null) {
            terminal.close();
        }
        if (world != null) {
            world.close();
        }
        TempFolders.deleteWhenQuiet(home);
    }

    private void openPanel(FxRobot robot) {
        ManagerPanels.open(robot, PIN); // through the back office's own button
    }

    private void awaitText(FxRobot robot, String query, Predicate<String> test) {
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(query).queryAll().stream().filter(node -> node instanceof Labeled)
                    .map(node -> ((Labeled) node).getText()).anyMatch(text -> text != null && test.test(text));
        });
    }

    @Test
    void headOfficeCutOff_isSaidWithSinceWhen_andThatTheStoreServerCarriesTheOrders(FxRobot robot) throws Exception {
        openTerminal(true);
        Awaitility.await().atMost(PATIENCE).until(() -> runtime.startFeed().status().mode() == FeedMode.ONLINE);
        openPanel(robot);
        awaitText(robot, "#manager-alerts .label", text -> text.equals("✓ All healthy"));

        world.centralProxy.refuse(); // head office gone; the store server still answers
        Awaitility.await().atMost(PATIENCE).until(() -> runtime.startFeed().status().mode() == FeedMode.LOCAL
                || runtime.startFeed().status().mode() == FeedMode.POLLING);
        String since = DateTimeFormatter.ofPattern("HH:mm").format(runtime.modeTimes().orElseThrow()
                .offSince(FeedMode.ONLINE).atZone(ZoneId.systemDefault()));

        awaitText(robot, "#manager-alerts .label", text -> text.equals("⚠ Head office unreachable since " + since
                + " (orders go through the store server)"));
        assertThat(robot.lookup("#manager-alerts .label").queryAll()).extracting(node -> ((Labeled) node).getText())
                .doesNotContain("✓ All healthy");

        // "Refresh now" says it in plain words first, head office's technical line under it
        robot.clickOn("#manager-refresh");
        awaitText(robot, "#manager-refresh-result", text -> text.equals("Failed: cannot reach head office"));
        awaitText(robot, "#manager-refresh-detail", text -> !text.isBlank());

        world.centralProxy.pass(); // back: the alert goes
        awaitText(robot, "#manager-alerts .label", text -> text.equals("✓ All healthy"));
    }

    @Test
    void closeTheApp_isFarFromClosePanel_andAsksFirst(FxRobot robot) throws Exception {
        openTerminal(true);
        openPanel(robot);
        assertThat(robot.lookup("#manager-actions #close-app").tryQuery()).as("not beside Close panel").isEmpty();

        robot.clickOn("#close-app");
        FxAwait.visible(robot, "#close-app-question");
        assertThat(stage.isShowing()).isTrue();
        robot.clickOn("#close-app-keep"); // second thoughts: the app stays
        assertThat(stage.isShowing()).isTrue();
        assertThat(robot.lookup("#close-app-question").query().isVisible()).isFalse();

        robot.clickOn("#close-app");
        robot.clickOn("#close-app-confirm");
        Awaitility.await().atMost(PATIENCE).until(() -> !stage.isShowing());
    }

    @Test
    void withNoPinSet_thePadSaysSoBeforeAPinIsTyped_andNamesTheCommand(FxRobot robot) throws Exception {
        openTerminal(false);
        robot.clickOn("#open-manager-panel");
        FxAwait.visible(robot, "#pin-pad");

        awaitText(robot, "#pin-message", text -> text.equals("No manager PIN is set on this terminal yet, so the panel"
                + " cannot open. On this computer, run: OutletKiosk manager-pin --data-dir \""
                + runtime.settings().dataDir() + "\""));
    }

    @Test
    void inKioskMode_aSettingsFieldBringsTheOnScreenKeyboard(FxRobot robot) throws Exception {
        openTerminal(true);
        FxAwait.onFx(() -> {
            stage.setFullScreen(true);
            return null;
        });
        openPanel(robot);
        robot.clickOn("#tab-settings");
        robot.clickOn("#settings-ticket-late-after");
        FxAwait.visible(robot, "#settings-keyboard");

        for (String key : new String[] {"1", "2", "m"}) {
            robot.clickOn(robot.lookup("#settings-keyboard .key").match(node -> key.equals(((Labeled) node).getText()))
                    .queryAs(Node.class));
        }
        assertThat(robot.lookup("#settings-ticket-late-after").queryAs(TextField.class).getText()).isEqualTo("12m");
        TextField field = robot.lookup("#settings-ticket-late-after").queryAs(TextField.class);
        Node scroll = robot.lookup("#settings-scroll").query();
        assertThat(FxAwait.onFx(() -> {
            var shown = field.localToScene(field.getBoundsInLocal());
            var viewport = scroll.localToScene(scroll.getBoundsInLocal());
            return shown.getMinY() >= viewport.getMinY() && shown.getMaxY() <= viewport.getMaxY();
        })).as("the field typed into stays in sight above the keyboard").isTrue();
        assertThat(FxAwait.onFx(() -> truncated(stage.getScene().lookup("#manager-panel"), "kiosk mode keyboard")))
                .isEmpty();
    }

    @Test
    void noLabelInThePanelIsCutOff_at1920x1080_1080x1920_andTheDemosKioskWindow(FxRobot robot) throws Exception {
        assertNothingCutOff(robot, Messages.english());
    }

    @Test
    void noLabelIsCutOff_inBahasaIndonesiaEither(FxRobot robot) throws Exception {
        assertNothingCutOff(robot, Messages.indonesian());
    }

    private void assertNothingCutOff(FxRobot robot, Messages messages) throws Exception {
        openTerminal(true, messages);
        world.centralProxy.refuse(); // the longest texts: an alert, a failed refresh, an order waiting
        runtime.orderDesk().place(List.of(new OrderDesk.CartLine(1, 1, null)), "Ani");
        openPanel(robot);
        robot.clickOn("#manager-refresh");
        awaitText(robot, "#manager-refresh-detail", text -> !text.isBlank());
        List<String> cut = new ArrayList<>();
        for (double[] size : new double[][] {{1920, 1080}, {1080, 1920}, {820, 970}}) {
            FxAwait.onFx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            for (String tab : new String[] {"#tab-sync", "#tab-realtime", "#tab-outbox", "#tab-settings"}) {
                robot.clickOn(tab);
                WaitForAsyncUtils.waitForFxEvents();
                cut.addAll(FxAwait.onFx(() -> truncated(stage.getScene().lookup("#manager-panel"),
                        (int) size[0] + "x" + (int) size[1] + " " + tab)));
            }
            robot.clickOn("#close-app");
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(FxAwait.onFx(() -> truncated(stage.getScene().lookup("#manager-panel"), (int) size[0] + "x" + (int) size[1]
                    + " close question")));
            robot.clickOn("#close-app-keep");
        }
        assertThat(cut).isEmpty();
    }

    /** Every cut-off label or overflowing table under {@code node}, named with where it was seen. */
    private static List<String> truncated(Node node, String where) {
        return Truncation.find((Parent) node).stream().map(cut -> where + ": " + cut).toList();
    }
}
