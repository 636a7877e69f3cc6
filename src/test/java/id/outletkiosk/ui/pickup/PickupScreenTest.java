package id.outletkiosk.ui.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.Truncation;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.PickupRole;
import id.outletkiosk.ui.app.RunningTerminal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pickup screen on a headless screen over the reference backend and the store server, reached
 * through fault proxies, as a pickup terminal of the outlet: an order placed and bumped to ready moves
 * from Preparing to Ready, on head office's socket and over the store server alone; 30 numbers at
 * 1920x1080 and 1080x1920 in either language cut nothing, the numbers stay their full size, and what
 * does not fit is counted in "+N".
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class PickupScreenTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** The size this screen promises its numbers (pickup.css): readable from five metres on a 1080 px screen. */
    private static final double NUMBER_PX = 96;

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private OrderWorld world;
    private OutletRuntime runtime;
    private PickupWindow window;
    private Stage stage;

    @Start
    void start(Stage given) {
        stage = given;
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> stage.hide());
        if (window != null) {
            window.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (world != null) {
            world.close();
        }
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void anOrderPlacedAndBumpedToReadyMovesFromPreparingToReady_thenDimsWhenServed() throws Exception {
        open(1920, 1080, Messages.english());
        Order placed = world.placeCentrally(OrderWorld.newOrder(1));
        String number = placed.shownNumber();

        Awaitility.await().atMost(PATIENCE).until(() -> inColumn("#preparing-numbers", number));
        var kitchen = world.centralViaProxy(); // a cook's bumps, as the kitchen board sends them
        kitchen.changeStatus(placed.centralId(), OrderStatus.PREPARING);
        kitchen.changeStatus(placed.centralId(), OrderStatus.READY);

        Awaitility.await().atMost(PATIENCE).until(() -> inColumn("#ready-numbers", number));
        assertThat(inColumn("#preparing-numbers", number)).isFalse();
        assertThat(pseudoClasses(tile(number))).as("just ready: it stands out").contains("just-ready");

        kitchen.changeStatus(placed.centralId(), OrderStatus.COMPLETED);
        Awaitility.await().atMost(PATIENCE).until(() -> pseudoClasses(tile(number)).contains("served"));
        assertThat(inColumn("#ready-numbers", number)).as("served: dimmed, still there a while").isTrue();
    }

    @Test
    void withHeadOfficeCutTheScreenGoesOnOverTheStoreServer_andSaysNumbersMayBeLate() throws Exception {
        open(1080, 1920, Messages.indonesian());
        world.centralProxy.refuse();
        Awaitility.await().atMost(PATIENCE).until(() -> FxAwait.onFx(() -> stage.getScene().lookup("#pickup-banner")
                .isVisible()));
        Label banner = (Label) stage.getScene().lookup("#pickup-banner-text");
        assertThat(banner.getText()).isEqualTo("Nomor mungkin tampil sedikit terlambat");
        assertThat(((Label) stage.getScene().lookup("#pickup-banner-second")).getText())
                .isEqualTo("Numbers may appear a little late");

        Order placed = world.placeLocally(OrderWorld.newOrder(2)); // a kiosk cut off from head office
        String number = placed.shownNumber();
        Awaitility.await().atMost(PATIENCE).until(() -> inColumn("#preparing-numbers", number));
        // the kitchen's bump, sent to the store server while head office is away
        world.storeServerViaProxy().changeStatus(placed.localId(), OrderStatus.READY);

        Awaitility.await().atMost(PATIENCE).until(() -> inColumn("#ready-numbers", number));
        assertThat(inColumn("#preparing-numbers", number)).isFalse();
    }

    /**
     * A lunch rush of 30 numbers on both screen shapes, in both languages, with the "not updating" line
     * shown too: nothing is cut, every number shown is whole, on screen and full size, and the columns
     * count what they could not show.
     */
    @Test
    void thirtyNumbersOnEitherScreenShapeInEitherLanguageCutNothing_atFullSize() throws Exception {
        for (int[] size : new int[][] {{1920, 1080}, {1080, 1920}}) {
            for (Messages messages : List.of(Messages.indonesian(), Messages.english())) {
                open(size[0], size[1], messages);
                onFx(() -> {
                    window.board().load(rush(15, OrderStatus.PREPARING, 0));
                    window.board().load(rush(15, OrderStatus.READY, 100));
                });
                String shape = size[0] + "x" + size[1] + " " + messages.locale();
                List<String> problems = FxAwait.onFx(() -> {
                    window.board().onFeedStatus(offline());
                    List<String> found = new ArrayList<>();
                    Truncation.find(stage.getScene().getRoot()).forEach(cut -> found.add(cut.toString()));
                    for (String column : List.of("preparing", "ready")) {
                        found.addAll(checkColumn(column, 15));
                    }
                    return found;
                });
                assertThat(problems).as(shape).isEmpty();
                window.close();
                window = null;
                runtime.close();
                runtime = null;
            }
        }
    }

    /** What is wrong with a column of {@code total} numbers: a number cut, off screen or small, a wrong "+N". */
    private List<String> checkColumn(String column, int total) {
        NumberGrid grid = (NumberGrid) stage.getScene().lookup("#" + column + "-numbers");
        List<String> problems = new ArrayList<>();
        Bounds screen = stage.getScene().getRoot().getLayoutBounds();
        int shown = 0;
        for (int i = 0; i < grid.shown(); i++) {
            Label tile = grid.tile(i);
            if (!tile.isVisible()) {
                problems.add(column + " cell " + i + " is hidden");
                continue;
            }
            shown++;
            Bounds at = tile.localToScene(tile.getBoundsInLocal());
            if (!screen.contains(at)) {
                problems.add(column + " " + tile.getText() + " is off the screen at " + at);
            }
            if (tile.getFont().getSize() * tile.getScaleY() < NUMBER_PX) {
                problems.add(column + " " + tile.getText() + " is " + tile.getFont().getSize() * tile.getScaleY()
                        + " px");
            }
        }
        Label more = (Label) stage.getScene().lookup("#" + column + "-more");
        if (shown < 4) {
            problems.add(column + " shows only " + shown + " numbers");
        }
        if (shown < total && !(more.isVisible() && more.getText().equals("+" + (total - shown)))) {
            problems.add(column + " shows " + shown + " of " + total + " but its last cell says "
                    + (more.isVisible() ? more.getText() : "nothing"));
        }
        return problems;
    }

    private void open(int width, int height, Messages messages) throws Exception {
        if (world == null) {
            world = new OrderWorld(home.resolve("world"), OrderWorld.FAST);
        }
        Map<Setting, String> flags = world.terminalSettings(home.resolve("pickup-" + System.nanoTime()), "pickup");
        flags.putAll(Map.of(Setting.HEARTBEAT_INTERVAL, "100ms", Setting.HEARTBEAT_TIMEOUT, "400ms",
                Setting.POLL_INTERVAL, "100ms", Setting.IDLE_POLL_INTERVAL, "300ms", Setting.RECONCILE_INTERVAL,
                "500ms", Setting.CONNECT_TIMEOUT, "1s", Setting.NEW_ORDER_SOUND, "off"));
        runtime = OutletRuntime.open(new SettingsLoader(home).load(flags, Map.of()), Clock.systemUTC());
        onFx(() -> {
            window = PickupRole.window(new RunningTerminal(runtime), messages);
            stage.setScene(window.buildScene(width, height));
            stage.sizeToScene();
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean inColumn(String column, String number) {
        return FxAwait.onFx(() -> {
            NumberGrid grid = (NumberGrid) stage.getScene().lookup(column);
            for (int i = 0; i < grid.shown(); i++) {
                if (grid.tile(i).getText().equals(number) && grid.tile(i).isVisible()) {
                    return true;
                }
            }
            return false;
        });
    }

    private Node tile(String number) {
        return FxAwait.onFx(() -> stage.getScene().lookup("#ready-numbers").lookupAll(".pickup-number").stream()
                .filter(tile -> tile instanceof Labeled label && number.equals(label.getText())).findFirst()
                .orElse(null));
    }

    private static List<String> pseudoClasses(Node node) {
        return FxAwait.onFx(() -> node.getPseudoClassStates().stream().map(Object::toString).toList());
    }

    /** {@code count} kiosk orders in {@code status}, called "K1-0101" and so on, placed a minute apart. */
    private static List<Order> rush(int count, OrderStatus status, int first) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = first + i;
            orders.add(new Order(5000L + n, null, "kiosk-" + n, null, 1, status, List.of(), BigDecimal.TEN,
                    Instant.now().minus(Duration.ofMinutes(60 - i)), "Tamu",
                    Order.kioskReference("K" + (1 + n % 2), n), null));
        }
        return orders;
    }

    private static FeedStatus offline() {
        return new FeedStatus(FeedMode.OFFLINE, Instant.now(), false, false, false, false, null, 0, null, null, 0);
    }

    private static void onFx(Runnable action) throws TimeoutException {
        FxToolkit.setupFixture(action);
    }
}
