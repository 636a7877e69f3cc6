package id.outletkiosk.ui.manager;


import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.security.ManagerPin;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.testing.BackOfficeOnScreen;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.ManagerPanels;
import id.outletkiosk.testing.TcpFaultProxy;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.MenuWindow;
import id.outletkiosk.ui.Messages;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The manager's panel on a headless screen, over the reference backend behind a fault proxy: the PIN
 * pad locks after five wrong PINs, "Refresh now" shows its progress and its outcome, and a refused
 * order or status change is retried or discarded from the outbox tab.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class ManagerPanelTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String PIN = "2468";
    private static final String TOKEN = "tok-9f3a61c2e7d84b05";

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private Stage stage;
    private ReferenceBackend backend;
    private TcpFaultProxy proxy;
    private BackOfficeOnScreen terminal;
    private OutletRuntime runtime;
    private MenuWindow window;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @BeforeEach
    void openTerminal() throws Exception {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), Clock.systemUTC());
        proxy = new TcpFaultProxy(backend.port());
        terminal = BackOfficeOnScreen.open(home, PIN, Map.of(Setting.BACKEND, proxy.http().toString(),
                Setting.TOKEN, TOKEN, Setting.READ_TIMEOUT, "4s", Setting.CALL_TIMEOUT, "8s"), Clock.systemUTC());
        runtime = terminal.runtime();
        runtime.sync().orElseThrow().runRound();
        terminal.show(stage, Messages.english(), 0, 0);
        window = terminal.window();
    }

    @AfterEach
    void closeTerminal() throws Exception {
        terminal.close();
        proxy.close();
        backend.close();
        TempFolders.deleteWhenQuiet(home);
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }

    private void typePin(FxRobot robot, String pin) {
        ManagerPanels.typePin(robot, pin);
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void awaitText(FxRobot robot, String query, java.util.function.Predicate<String> test) {
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).filter(test).isPresent();
        });
    }

    private void openPanel(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        FxAwait.visible(robot, "#pin-pad");
        typePin(robot, PIN);
        FxAwait.visible(robot, "#manager-panel");
        // the tab pane's skin makes the tab headers on a later pulse than the panel shows: a busy machine
        // can be asked to click one before it exists
        FxAwait.visible(robot, "#tab-outbox");
    }

    @Test
    void fiveWrongPinsLockThePad_evenTheRightPinIsRefusedUntilTheLockEnds(FxRobot robot) {
        // a long press on the status bar: how a manager gets in on a touch screen with no keyboard. Its place
        // is read on the FX thread: the bar's texts change as the first sync and the feed report in, and
        // measuring it from the test thread meanwhile can meet a half-laid-out text
        javafx.geometry.Point2D bar = FxAwait.onFx(() -> {
            javafx.geometry.Bounds bounds = window.statusBar().view().localToScreen(
                    window.statusBar().view().getBoundsInLocal());
            return new javafx.geometry.Point2D(bounds.getCenterX(), bounds.getCenterY());
        });
        robot.moveTo(bar).press(MouseButton.PRIMARY);
        FxAwait.visible(robot, "#pin-pad");
        robot.release(MouseButton.PRIMARY);

        for (int tries = 1; tries <= 4; tries++) {
            typePin(robot, "1111");
            int left = 5 - tries;
            awaitText(robot, "#pin-message", text -> text.startsWith("Wrong PIN. " + left + (left == 1 ? " try" : " tries")));
        }
        typePin(robot, "1111");
        awaitText(robot, "#pin-message", text -> text.startsWith("Too many wrong PINs. Locked until"));
        assertThat(robot.lookup("#pin-key-1").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();

        // cancelling and coming back does not reset the lock: the gate outlives the pad
        robot.clickOn("#pin-cancel");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        FxAwait.visible(robot, "#pin-pad");
        typePin(robot, PIN);
        awaitText(robot, "#pin-message", text -> text.startsWith("Too many wrong PINs. Locked until"));
        assertThat(robot.lookup("#manager-panel").tryQuery()).isEmpty();
    }

    @Test
    void theRightPinOpensThePanel_withVersionsHistoryAndNoAlerts(FxRobot robot) {
        openPanel(robot);

        awaitText(robot, "#manager-success-rate", text -> text.equals("Last 1 syncs · 100 % succeeded"));
        assertThat(robot.lookup("#manager-history").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#manager-alerts .label").queryAs(Label.class).getText()).isEqualTo("✓ All healthy");
        assertThat(text(robot, "#manager-terminal")).startsWith("Manager · outlet 1 · version");

        robot.clickOn("#close-panel");
        Awaitility.await().atMost(PATIENCE).until(() -> robot.lookup("#manager-panel").tryQuery().isEmpty());
    }

    @Test
    void refreshNowShowsItsProgress_thenTheFailure_thenTheRowsChanged(FxRobot robot) {
        openPanel(robot);
        long before = runtime.syncStatus().current().dataVersion();
        backend.repository().update(EntityKind.PRODUCTS, 8, row -> {
            Product p = (Product) row;
            return new Product(p.id(), p.name(), p.categoryId(), p.price().add(new BigDecimal("2000")), p.description(),
                    p.imageUrl(), p.available(), p.active(), p.version(), p.updatedAt());
        });
        // head office is slow to answer: the round waits (4 s read timeout, long enough for a loaded machine
        // to look at the panel while it runs), the panel shows it running
        proxy.blackhole();
        FxAwait.visible(robot, "#manager-refresh");

        robot.clickOn("#manager-refresh");

        awaitText(robot, "#manager-refresh-result", text -> text.startsWith("Refreshing…"));
        assertThat(robot.lookup("#manager-refresh-progress").queryAs(ProgressBar.class).isVisible()).isTrue();
        assertThat(robot.lookup("#manager-refresh").queryButton().isDisabled()).isTrue();
        awaitText(robot, "#manager-refresh-result", text -> text.startsWith("Failed: "));
        // the failed round is counted; the schedule's own retry (still into the black hole) may already be too
        awaitText(robot, "#manager-success-rate", text -> text.equals("Last 2 syncs · 50 % succeeded")
                || text.equals("Last 3 syncs · 33 % succeeded"));

        proxy.pass();
        // The schedule retries a failed round by itself and the button is disabled while any round runs. One of
        // those retries can start between the button coming back and the click, which the disabled button
        // swallows; the panel then shows the last manual outcome, the failure, again. So click whenever the
        // failure is shown and the button is enabled, until the manual round's own outcome is there.
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            String shown = text(robot, "#manager-refresh-result");
            if (shown.startsWith("Failed: ") && !robot.lookup("#manager-refresh").queryButton().isDisabled()) {
                robot.clickOn("#manager-refresh");
            }
            return shown.startsWith("Done: ");
        });
        assertThat(runtime.catalog().product(8).orElseThrow().price()).isEqualByComparingTo(
                backend.repository().live(EntityKind.PRODUCTS, 8).map(row -> ((Product) row).price()).orElseThrow());
        assertThat(runtime.syncStatus().current().dataVersion()).isGreaterThan(before);
        assertThat(robot.lookup("#manager-refresh-progress").queryAs(ProgressBar.class).isVisible()).isFalse();
    }

    @Test
    void aRefusedOrderIsRetriedAndAnotherDiscardedAfterConfirmation(FxRobot robot) {
        var withdrawn = backend.repository().live(EntityKind.PRODUCTS, 4).orElseThrow();
        backend.repository().delete(EntityKind.PRODUCTS, 4); // head office withdrew it after the last sync
        OutboxEntry first = runtime.orderDesk().place(List.of(new OrderDesk.CartLine(4, 1, null)), "Ani");
        OutboxEntry second = runtime.orderDesk().place(List.of(new OrderDesk.CartLine(4, 2, null)), "Budi");
        Awaitility.await().atMost(PATIENCE).until(() -> runtime.outbox().needingAttention().size() == 2);
        openPanel(robot);
        robot.clickOn("#tab-outbox");
        awaitText(robot, "#outbox-summary", text -> text.equals("0 waiting to be sent · 2 refused by head office"));
        backend.repository().put(EntityKind.PRODUCTS, withdrawn); // it is back on the menu
        select(robot, first.reference() + " · ");
        robot.clickOn("#outbox-retry");
        Awaitility.await().atMost(PATIENCE).until(() -> runtime.outbox().entry(first.seq()).orElseThrow().state()
                == OutboxState.SENT);
        awaitText(robot, "#outbox-summary", text -> text.equals("0 waiting to be sent · 1 refused by head office"));

        select(robot, second.reference() + " · ");
        robot.clickOn("#outbox-discard");
        FxAwait.visible(robot, "#discard-confirmation");
        assertThat(text(robot, "#discard-question")).startsWith("Discard order " + second.reference() + " (Rp ");
        robot.clickOn("#discard-keep"); // second thoughts: nothing happens
        assertThat(runtime.outbox().entry(second.seq()).orElseThrow().state()).isEqualTo(OutboxState.ATTENTION);
        robot.clickOn("#outbox-discard");
        robot.clickOn("Customer cancelled");
        robot.clickOn("#discard-confirm");

        Awaitility.await().atMost(PATIENCE).until(() -> runtime.outbox().entry(second.seq()).orElseThrow().state()
                == OutboxState.DISCARDED);
        awaitText(robot, "#outbox-summary", text -> text.equals("0 waiting to be sent · 0 refused by head office"));
        assertThat(backend.orders().byClientOrderId(second.clientOrderId())).isEmpty();
        assertThat(backend.orders().byClientOrderId(first.clientOrderId())).isPresent();
    }

    @Test
    void aBumpCentralRefusedShowsItsReason_isRetriedToCentral_andAnotherDiscardedAfterConfirmation(FxRobot robot)
            throws Exception {
        Order served = orderOnCentral("Citra");
        Order cancelled = orderOnCentral("Dewi");
        backend.refuseNextStatusChanges(2); // "The outlet has locked this order for changes."
        runtime.statusDesk().change(served, OrderStatus.READY);
        runtime.statusDesk().change(cancelled, OrderStatus.CANCELLED);
        Awaitility.await().atMost(PATIENCE).until(() -> runtime.outbox().openStatusChanges().stream()
                .filter(change -> change.state() == OutboxState.ATTENTION).count() == 2);
        openPanel(robot);
        awaitText(robot, "#manager-alerts .label", text -> text.equals(
                "⚠ 2 status changes refused by head office: retry or discard in the Outbox tab"));
        robot.clickOn("#tab-outbox");
        awaitText(robot, "#outbox-summary", text -> text.equals("0 waiting to be sent · 2 refused by head office"));
        String ready = "#" + Order.shortNumber(served.orderNumber()) + " → Ready";
        String cancel = "#" + Order.shortNumber(cancelled.orderNumber()) + " → Cancelled";
        @SuppressWarnings("unchecked")
        TableView<OutboxItem> items = robot.lookup("#outbox-items").queryAs(TableView.class);
        List<String> row = rowTexts(items, 0);
        assertThat(row.subList(0, 2)).containsExactly("Status change", ready);
        assertThat(row.get(2)).as("how long it has waited").matches("\\d+ s");
        assertThat(row.subList(3, 5)).containsExactly("Refused by head office", "1");
        assertThat(row.get(5)).as("central's reason").endsWith("status: The outlet has locked this order for changes.");

        select(robot, ready);
        robot.clickOn("#outbox-retry");
        Awaitility.await().atMost(PATIENCE).until(() -> statusOnCentral(served) == OrderStatus.READY);
        awaitText(robot, "#outbox-summary", text -> text.equals("0 waiting to be sent · 1 refused by head office"));

        select(robot, cancel);
        robot.clickOn("#outbox-discard");
        FxAwait.visible(robot, "#discard-confirmation");
        assertThat(text(robot, "#discard-question")).isEqualTo("Discard the status change " + cancel
                + "? It will never be sent to head office.");
        robot.clickOn("#discard-keep"); // second thoughts: nothing happens
        assertThat(statusChange(cancelled).state()).isEqualTo(OutboxState.ATTENTION);
        robot.clickOn("#outbox-discard");
        robot.clickOn("Customer cancelled");
        robot.clickOn("#discard-confirm");

        Awaitility.await().atMost(PATIENCE).until(() -> statusChange(cancelled).state() == OutboxState.DISCARDED);
        awaitText(robot, "#outbox-summary", text -> text.equals("0 waiting to be sent · 0 refused by head office"));
        // a later bump is the barrier: once the sender has delivered it, it has passed the discarded one by
        runtime.statusDesk().change(served, OrderStatus.COMPLETED);
        Awaitility.await().atMost(PATIENCE).until(() -> statusOnCentral(served) == OrderStatus.COMPLETED);
        assertThat(statusOnCentral(cancelled)).isEqualTo(OrderStatus.PENDING);
        assertThat(statusChange(cancelled).state()).isEqualTo(OutboxState.DISCARDED);
    }

    /** An order placed here that central has, as the kitchen board would know it. */
    private Order orderOnCentral(String customer) {
        OutboxEntry placed = runtime.orderDesk().place(List.of(new OrderDesk.CartLine(1, 1, null)), customer);
        Awaitility.await().atMost(PATIENCE).until(() -> runtime.outbox().entry(placed.seq()).orElseThrow().state()
                == OutboxState.SENT);
        return backend.orders().byClientOrderId(placed.clientOrderId()).orElseThrow();
    }

    private OrderStatus statusOnCentral(Order order) {
        return backend.orders().byClientOrderId(order.clientOrderId()).orElseThrow().status();
    }

    private StatusChangeEntry statusChange(Order order) {
        return runtime.outbox().allStatusChanges().stream()
                .filter(change -> order.clientOrderId().equals(change.clientOrderId())).reduce((a, b) -> b).orElseThrow();
    }

    private static List<String> rowTexts(TableView<OutboxItem> table, int row) {
        return table.getColumns().stream().map(column -> String.valueOf(column.getCellData(row))).toList();
    }

    @Test
    void settingsAreCheckedBeforeSaving_aTypoIsRefusedAndTheFileKept(FxRobot robot) throws Exception {
        Path config = terminal.config();
        openPanel(robot);
        robot.clickOn("#tab-settings");

        robot.clickOn("#settings-backend").write("htp//central");
        robot.clickOn("#settings-save");
        awaitText(robot, "#settings-result", text -> text.equals("Not saved: backend: \"htp//central\" is not a URL like"
                + " http://host:port or https://host:port (from config file " + config + ")"));
        assertThat(Files.readString(config)).isEqualTo("role=manager\n");

        robot.doubleClickOn("#settings-backend").eraseText(12).write("https://central.example:8443");
        robot.clickOn("#settings-role-kitchen");
        robot.clickOn("#settings-save");
        awaitText(robot, "#settings-result", text -> text.startsWith("Saved in " + config));
        assertThat(Files.readAllLines(config)).containsExactly("role=kitchen", "backend=https://central.example:8443");

        robot.clickOn("#settings-terminal").write("k2");
        robot.clickOn("#settings-new-order-sound-off");
        robot.clickOn("#settings-ticket-late-after").write("3m");
        robot.clickOn("#settings-save");
        awaitText(robot, "#settings-result", text -> text.startsWith("Not saved: ticket-late-after: 3m must be longer"
                + " than ticket-warn-after (5m)"));
        robot.doubleClickOn("#settings-ticket-late-after").eraseText(2).write("12m");
        robot.clickOn("#settings-save");
        awaitText(robot, "#settings-result", text -> text.startsWith("Saved in " + config));
        assertThat(Files.readAllLines(config)).containsExactly("role=kitchen", "backend=https://central.example:8443",
                "terminal=k2", "ticket-late-after=12m", "new-order-sound=off");
    }

    @Test
    void copyDiagnosticsCarriesStatusAndLogButNeverTheTokenOrThePinHash(FxRobot robot) throws Exception {
        openPanel(robot);
        robot.clickOn("#copy-diagnostics");
        awaitText(robot, "#manager-notice", text -> text.startsWith("Diagnostics copied to the clipboard and saved to "));

        Path saved;
        try (var files = Files.list(runtime.settings().dataDir().resolve("diagnostics"))) {
            saved = files.findFirst().orElseThrow();
        }
        String bundle = Files.readString(saved);
        AtomicReference<String> clipboard = new AtomicReference<>();
        onFxQuietly(() -> clipboard.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertThat(clipboard.get()).isEqualTo(bundle);
        assertThat(bundle).contains("\"app_version\"", "\"status\"", "\"log_tail\"", "\"alerts\"");
        String pinFile = Files.readString(runtime.settings().dataDir().resolve(ManagerPin.FILE)).strip();
        String hash = pinFile.substring(pinFile.lastIndexOf(':') + 1);
        assertThat(bundle).doesNotContain(hash).doesNotContain(TOKEN).contains("token=(set)");
    }

    @Test
    void leavingKioskModeIsTheManagersWayOutOfTheFullScreen(FxRobot robot) throws Exception {
        onFx(() -> {
            stage.setOnCloseRequest(javafx.event.Event::consume); // as KioskWindow does in kiosk mode
            stage.setFullScreen(true);
        });
        openPanel(robot);

        FxAwait.visible(robot, "#exit-kiosk-mode");
        robot.clickOn("#exit-kiosk-mode");

        Awaitility.await().atMost(PATIENCE).until(() -> !stage.isFullScreen());
        assertThat(stage.getOnCloseRequest()).isNull();
        awaitText(robot, "#manager-notice", text -> text.startsWith("Kiosk mode is off until the app starts again"));
        assertThat(robot.lookup("#exit-kiosk-mode").query().isVisible()).isFalse();
    }

    private static void onFxQuietly(Runnable action) {
        try {
            onFx(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clicks the outbox row whose "What" starts with {@code what}. */
    private static void select(FxRobot robot, String what) {
        AtomicReference<Node> row = new AtomicReference<>();
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            row.set(robot.lookup("#outbox-items .table-cell").match(node -> node.getScene() != null
                    && node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getItem() instanceof String text
                    && text.startsWith(what)).tryQuery().orElse(null));
            return row.get() != null;
        });
        robot.clickOn(row.get());
    }
}
