package id.outletkiosk.ui.kitchen;

import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.RunningTerminal;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.scene.Node;
import javafx.scene.Parent;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two kitchen boards on a headless screen over the reference backend and the store server,
 * reached through fault proxies: orders appear, bumps reach the backend and the other board once their
 * undo window ends (the tests end it at once), Undo sends nothing, 30 tickets are all reached by the bump
 * bar's keys with the oldest in view, the board rides out a dropped socket on polling, and a refused
 * bump rolls back.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class KitchenBoardTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private OrderWorld world;
    private final List<OutletRuntime> runtimes = new ArrayList<>();
    private KitchenWindow boardA;
    private KitchenWindow boardB;
    private Stage stageA;
    private Stage stageB;

    @Start
    void start(Stage stage) {
        stageA = stage;
    }

    private void openBoards() throws Exception {
        world = new OrderWorld(home.resolve("world"), OrderWorld.FAST);
        OutletRuntime a = runtime("a");
        OutletRuntime b = runtime("b");
        onFx(() -> {
            boardA = KitchenRole.window(new RunningTerminal(a), Messages.english());
            stageA.setScene(boardA.buildScene(1920, 1080));
            stageA.sizeToScene();
            stageA.setX(0);
            stageA.setY(0);
            stageA.show();
            boardB = KitchenRole.window(new RunningTerminal(b), Messages.english());
            stageB = new Stage();
            stageB.setScene(boardB.buildScene(960, 800));
            stageB.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            if (stageB != null) {
                stageB.hide();
            }
            stageA.hide();
        });
        if (boardA != null) {
            boardA.close();
            boardB.close();
        }
        runtimes.forEach(OutletRuntime::close);
        world.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void ordersAppearAndABumpReachesTheBackendAndTheOtherBoard(FxRobot robot) throws Exception {
        openBoards();
        List<Order> placed = new ArrayList<>();
        for (int product = 1; product <= 3; product++) {
            placed.add(world.placeCentrally(OrderWorld.newOrder(product)));
        }
        awaitCards(stageA, 3);
        awaitCards(stageB, 3);
        assertThat(boardA.board().tickets()).extracting(t -> t.order().centralId())
                .containsExactly(placed.get(0).centralId(), placed.get(1).centralId(), placed.get(2).centralId());
        // the side panel is paced (at most every 300 ms): orders heard within its calm still reach it, once it ends
        Awaitility.await().atMost(PATIENCE).until(() -> FxAwait.onFx(() -> allDayShown(stageA).equals(
                boardA.board().allDay().stream().map(line -> line.count() + " " + line.dish()).toList())));
        assertThat(FxAwait.onFx(() -> allDayShown(stageA))).hasSize(3);

        robot.clickOn(firstBumpButton(stageA));
        sendHeldBump(boardA); // as when the undo window ends

        long first = placed.get(0).centralId();
        Awaitility.await().atMost(PATIENCE).until(() -> world.orders.since(1, first - 1).get(0).status()
                == OrderStatus.PREPARING);
        Awaitility.await().atMost(PATIENCE).until(() -> boardB.board().tickets().get(0).status()
                == OrderStatus.PREPARING);
        String number = boardB.board().tickets().get(0).shortNumber();
        Awaitility.await().atMost(PATIENCE).until(() -> FxAwait.onFx(() -> stageB.getScene().getRoot().lookupAll(".ticket")
                .stream().filter(card -> number.equals(card.getProperties().get(TicketCard.NUMBER)))
                .map(card -> card.lookup(".ticket-status")).filter(Labeled.class::isInstance) // built at its first layout
                .map(status -> ((Labeled) status).getText()).toList()).equals(List.of("COOKING")));
    }

    @Test
    void withTheSocketsDroppedTheBoardGoesOnByPollingAndNoTicketIsLostOrDoubled(FxRobot robot) throws Exception {
        openBoards();
        world.placeCentrally(OrderWorld.newOrder(1));
        awaitCards(stageA, 1);

        world.centralProxy.refuse();
        world.localWsProxy.refuse();
        Awaitility.await().atMost(PATIENCE).until(() -> boardA.board().feedProperty().get().mode()
                == FeedMode.POLLING);
        for (int i = 0; i < 3; i++) {
            world.placeCentrally(OrderWorld.newOrder(2 + i)); // the store server follows central: polled from it
            world.placeLocally(OrderWorld.newOrder(5 + i)); // a kiosk cut off from central: only the store server has it
        }
        awaitCards(stageA, 7);
        Label banner = (Label) stageA.getScene().lookup("#connection-banner");
        // this board's banner (a robot lookup could find board B's, which may be a frame behind)
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return banner.getText().endsWith("6 new orders since");
        });
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("Polling the store server every 100ms since").endsWith("6 new orders since");

        world.localWsProxy.pass();
        world.centralProxy.pass();
        Awaitility.await().atMost(PATIENCE).until(() -> boardA.board().feedProperty().get().mode() == FeedMode.ONLINE);
        world.placeCentrally(OrderWorld.newOrder(9));
        awaitCards(stageA, 8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.isVisible()).isFalse();
        List<String> identities = boardA.board().tickets().stream().map(t -> world.identity(t.order())).toList();
        assertThat(new HashSet<>(identities)).hasSize(8); // every order once
    }

    @Test
    void withCentralAwayABumpGoesToTheStoreServerAndTheBumpBarWorks(FxRobot robot) throws Exception {
        openBoards();
        world.centralProxy.refuse();
        Awaitility.await().atMost(PATIENCE).until(() -> boardA.board().feedProperty().get().mode() != FeedMode.ONLINE);
        Order first = world.placeLocally(OrderWorld.newOrder(1)); // a kiosk cut off from central
        Order second = world.placeLocally(OrderWorld.newOrder(2));
        awaitCards(stageA, 2);

        robot.clickOn(firstBumpButton(stageA));
        sendHeldBump(boardA);
        Awaitility.await().atMost(PATIENCE).until(() -> world.storeServerOrders.byLocalId(first.localId()).status()
                == OrderStatus.PREPARING);
        // the bump bar: B picks the second ticket, Enter bumps it (a digit picks nothing)
        focusBoardA(robot);
        robot.type(KeyCode.DIGIT1).type(KeyCode.ENTER);
        assertThat(boardA.board().tickets().get(0).status()).isEqualTo(OrderStatus.PREPARING);
        robot.type(KeyCode.B).type(KeyCode.ENTER);
        sendHeldBump(boardA);
        Awaitility.await().atMost(PATIENCE).until(() -> world.storeServerOrders.byLocalId(second.localId()).status()
                == OrderStatus.PREPARING);
        Awaitility.await().atMost(PATIENCE).until(() -> boardB.board().tickets().stream()
                .allMatch(ticket -> ticket.status() == OrderStatus.PREPARING));
    }

    @Test
    void aBumpHeadOfficeRefusesIsShownWithTheReason_andWaitsForTheManager(FxRobot robot) throws Exception {
        openBoards();
        Order placed = world.placeCentrally(OrderWorld.newOrder(1));
        awaitCards(stageA, 1);
        world.backend.refuseNextStatusChanges(1);

        robot.clickOn(firstBumpButton(stageA));
        sendHeldBump(boardA);

        Awaitility.await().atMost(PATIENCE).until(() -> boardA.board().refusalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label refusal = (Label) stageA.getScene().lookup("#bump-refused");
        assertThat(refusal.isVisible()).isTrue();
        assertThat(refusal.getText()).contains("was not moved").contains("locked this order")
                .contains("outbox");
        assertThat(boardA.board().tickets().get(0).status()).as("the kitchen is cooking it")
                .isEqualTo(OrderStatus.PREPARING);
        assertThat(world.orders.since(1, placed.centralId() - 1).get(0).status()).isEqualTo(OrderStatus.PENDING);
        var refused = runtimes.get(0).outbox().openStatusChanges();
        assertThat(refused).singleElement().satisfies(change -> assertThat(change.lastError()).contains("locked"));

        assertThat(runtimes.get(0).outbox().retry(refused.get(0).seq())).isTrue(); // the manager's Retry
        runtimes.get(0).outboxSender().wake();
        Awaitility.await().atMost(PATIENCE).until(() -> world.orders.since(1, placed.centralId() - 1).get(0).status()
                == OrderStatus.PREPARING);
    }

    @Test
    void aQuietKitchenIsFlaggedOnItsStatusBar_andTheNextOrderClearsIt(FxRobot robot) throws Exception {
        openBoards();

        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            Label alert = (Label) stageA.getScene().lookup("#status-alerts");
            // a few words on the bar, the whole sentence in its tooltip
            return alert.isVisible() && alert.getText().startsWith("⚠ No order news for ")
                    && alert.getTooltip() != null && alert.getTooltip().getText().endsWith("while the store is open");
        });
        world.placeCentrally(OrderWorld.newOrder(2));
        awaitCards(stageA, 1);
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !stageA.getScene().lookup("#status-alerts").isVisible();
        });
    }

    @Test
    void undoWithinTheWindowPutsTheTicketBackAndNothingReachesTheBackend(FxRobot robot) throws Exception {
        openBoards();
        Order placed = world.placeCentrally(OrderWorld.newOrder(1));
        awaitCards(stageA, 1);

        robot.clickOn(firstBumpButton(stageA));
        WaitForAsyncUtils.waitForFxEvents();
        Button undo = (Button) stageA.getScene().lookup("#undo-button");
        assertThat(undo.isVisible()).isTrue();
        assertThat(undo.getText()).startsWith("↶ Undo #" + boardA.board().tickets().get(0).shortNumber() + " → COOKING");
        focusBoardA(robot);
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(boardA.board().tickets().get(0).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(undo.isVisible()).isFalse();
        onFx(() -> boardA.board().flushHeld()); // nothing is held: nothing is sent
        assertThat(runtimes.get(0).outbox().openStatusChanges()).isEmpty();
        assertThat(world.orders.since(1, placed.centralId() - 1).get(0).status()).isEqualTo(OrderStatus.PENDING);
    }

    /**
     * A lunch rush on 1920x1080: every one of 30 tickets is reached by the bump bar's keys, letters page by
     * page and the arrows, and the oldest tickets stay in view whatever the page.
     */
    @Test
    void thirtyTicketsOnA1920x1080BoardAreAllReachableByKeys_theOldestAlwaysInView(FxRobot robot) throws Exception {
        openBoards();
        for (int i = 0; i < 30; i++) {
            world.placeCentrally(OrderWorld.newOrder(1 + i % 5));
        }
        awaitCards(stageA, 30);
        WaitForAsyncUtils.waitForFxEvents();
        BoardPages pages = boardA.board().pages();
        assertThat(pages.pageCountProperty().get()).as("30 tickets need pages").isGreaterThan(1);
        Button more = (Button) stageA.getScene().lookup("#page-later");
        assertThat(more.isVisible()).isTrue();
        // the pager and the built cards follow the board's last layout, a frame after the last order
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(more.getText()).contains("+" + pages.later() + " more");
            assertThat(cardsBuilt()).as("only the cards in view are built").isEqualTo(pages.inView().size());
        });
        // the paged columns' ground stands behind the board, not on it: a board with a background of its own is
        // repainted whole for each new ticket, even one on a page not in view (BENCHMARKS.md, a burst onto a full board)
        TicketBoard board = (TicketBoard) stageA.getScene().lookup("#ticket-board");
        assertThat(board.getBackground()).as("the board's own background").isNull();
        assertThat(board.getPagedGround().getBackground()).as("the paged columns' ground").isNotNull();
        focusBoardA(robot);

        Set<Integer> reached = new HashSet<>();
        for (int page = 0; page < pages.pageCountProperty().get(); page++) {
            assertThat(pages.pageProperty().get()).isEqualTo(page);
            for (int slot = 0; slot < pages.inView().size(); slot++) {
                robot.type(KeyCode.valueOf(String.valueOf(BoardPages.SLOT_KEYS.charAt(slot))));
                WaitForAsyncUtils.waitForFxEvents();
                int picked = pages.selectedProperty().get();
                assertThat(onScreen(card(picked))).as("the picked ticket is in view").isTrue();
                assertThat(card(picked).getPseudoClassStates()).extracting(Object::toString).contains("selected");
                reached.add(picked);
            }
            assertThat(onScreen(card(0))).as("the oldest ticket is in view on page " + (page + 1)).isTrue();
            robot.type(KeyCode.PAGE_DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(reached).as("every ticket reached by a letter").hasSize(30);
        assertThat(cardsBuilt()).as("each page's cards built when it was shown").isEqualTo(30);

        robot.type(KeyCode.ESCAPE).type(KeyCode.PAGE_UP).type(KeyCode.PAGE_UP).type(KeyCode.PAGE_UP);
        for (int i = 0; i < 30; i++) {
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(pages.selectedProperty().get()).isEqualTo(i);
            assertThat(onScreen(card(i))).as("ticket " + (i + 1) + " picked by the arrows is in view").isTrue();
            assertThat(onScreen(card(0))).isTrue();
        }
    }

    /** Cards with their labels built (a card is built when first in view). */
    private long cardsBuilt() {
        return ((Parent) stageA.getScene().lookup("#ticket-board")).getChildrenUnmodifiable().stream()
                .filter(card -> !((Parent) card).getChildrenUnmodifiable().isEmpty()).count();
    }

    private Node card(int index) {
        return ((Parent) stageA.getScene().lookup("#ticket-board")).getChildrenUnmodifiable().get(index);
    }

    /** Shown, and wholly inside the board on the 1920x1080 scene. */
    private boolean onScreen(Node card) {
        Node board = stageA.getScene().lookup("#ticket-board");
        Bounds inScene = card.localToScene(card.getLayoutBounds());
        Bounds boardInScene = board.localToScene(board.getLayoutBounds());
        return card.isVisible() && boardInScene.contains(inScene) && inScene.getMaxY() <= 1080
                && inScene.getMaxX() <= 1920;
    }

    /** Board A's window takes the keys (board B opened last has them). */
    private void focusBoardA(FxRobot robot) throws TimeoutException {
        onFx(() -> {
            stageA.toFront();
            stageA.requestFocus();
        });
        robot.moveTo(stageA.getScene().getRoot());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void sendHeldBump(KitchenWindow board) throws TimeoutException {
        onFx(() -> board.board().flushHeld());
    }

    private OutletRuntime runtime(String name) {
        Map<Setting, String> flags = Map.ofEntries(Map.entry(Setting.BACKEND, world.centralProxy.http().toString()),
                Map.entry(Setting.LOCAL_HTTP, world.localHttpProxy.http().toString()),
                Map.entry(Setting.LOCAL_WS, world.localWsProxy.ws("/").toString()),
                Map.entry(Setting.DATA_DIR, home.resolve(name).toString()), Map.entry(Setting.ROLE, "kitchen"),
                Map.entry(Setting.HEARTBEAT_INTERVAL, "100ms"), Map.entry(Setting.HEARTBEAT_TIMEOUT, "400ms"),
                Map.entry(Setting.POLL_INTERVAL, "100ms"), Map.entry(Setting.IDLE_POLL_INTERVAL, "300ms"),
                Map.entry(Setting.RECONCILE_INTERVAL, "500ms"), Map.entry(Setting.CONNECT_TIMEOUT, "1s"),
                Map.entry(Setting.NEW_ORDER_SOUND, "off"),
                // a quiet kitchen is flagged after 3 s here (45 min in a store), whatever the hour
                Map.entry(Setting.QUIET_ALERT_AFTER, "3s"), Map.entry(Setting.OPEN_HOURS, "always"));
        OutletRuntime runtime = OutletRuntime.open(new SettingsLoader(home).load(flags, Map.of()), Clock.systemUTC());
        runtimes.add(runtime);
        return runtime;
    }

    private static void awaitCards(Stage stage, int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return ((Parent) stage.getScene().lookup("#ticket-board")).getChildrenUnmodifiable().size() == count;
        });
    }

    /** The all-day lines the side panel shows, "count dish". */
    private static List<String> allDayShown(Stage stage) {
        return stage.getScene().getRoot().lookupAll(".all-day-line").stream().filter(Node::isVisible)
                .map(line -> ((Labeled) line.lookup(".all-day-count")).getText() + " "
                        + ((Labeled) line.lookup(".all-day-dish")).getText()).toList();
    }

    /**
     * The first card's bump button, awaited: a card joins the board at once, its content is built at its first
     * layout, a pulse later (under load a test's click could come in between and find no button).
     */
    private static Node firstBumpButton(Stage stage) {
        AtomicReference<Node> button = new AtomicReference<>();
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            button.set(FxAwait.onFx(() -> {
                Parent board = (Parent) stage.getScene().lookup("#ticket-board");
                return board.getChildrenUnmodifiable().isEmpty() ? null
                        : board.getChildrenUnmodifiable().get(0).lookup(".ticket-bump");
            }));
            return button.get() != null;
        });
        return button.get();
    }

    private static void onFx(Runnable action) throws TimeoutException {
        FxToolkit.setupFixture(action);
    }
}
