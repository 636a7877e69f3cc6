package id.outletkiosk.ui.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.ui.Messages;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The pickup screen's two columns on a headless screen, fed by the screen's own view model: the numbers on
 * screen are the first of the column's list in its order, the rest counted in "+N", whatever changes came
 * between two pulses (many orders, one moving from Preparing to Ready before it was ever drawn); and the
 * columns keep tiles only for their cells, however many orders are open.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class NumberGridTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final SteppingClock clock = new SteppingClock(java.time.Instant.parse("2026-12-01T11:00:00Z"), java.time.ZoneOffset.UTC);
    private PickupBoardViewModel board;
    private NumberGrid preparing;
    private NumberGrid ready;

    @Start
    void start(Stage stage) {
        board = new PickupBoardViewModel(clock, () -> { }, false);
        preparing = new NumberGrid();
        ready = new NumberGrid();
        preparing.follow(board.preparing());
        ready.follow(board.ready());
        HBox columns = new HBox(column(preparing, "preparing-column"), column(ready, "ready-column"));
        Scene scene = new Scene(columns, 1920, 900);
        scene.getStylesheets().add(Messages.class.getResource("app.css").toExternalForm());
        scene.getStylesheets().add(PickupWindow.class.getResource("pickup.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static VBox column(NumberGrid grid, String style) {
        VBox column = new VBox(grid);
        column.getStyleClass().addAll("pickup-column", style);
        VBox.setVgrow(grid, Priority.ALWAYS);
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setPrefWidth(0);
        column.setMaxWidth(Double.MAX_VALUE);
        return column;
    }

    @Test
    void aBurstBetweenTwoPulses_showsEveryNumberOnceInItsOrder_withOneMovedToReadyBeforeItWasDrawn() throws Exception {
        onFx(() -> {
            for (int n = 1; n <= 60; n++) {
                hear(order(n, OrderStatus.PENDING, 60 - n));
            }
            hear(order(7, OrderStatus.READY, 53)); // turns ready in the same batch, never drawn as preparing
            hear(order(12, OrderStatus.CANCELLED, 48)); // and one leaves
        });

        awaitDrawn(preparing);
        awaitDrawn(ready);
        List<String> preparingNumbers = onFxGet(() -> numbers(board.preparing()));
        assertThat(preparingNumbers).hasSize(58).doesNotContain(number(7), number(12));
        assertThat(onFxGet(() -> drawn(preparing))).as("the first ones in the list's order, the rest counted")
                .isEqualTo(expectedDrawn(preparingNumbers, onFxGet(() -> preparing.shown())));
        assertThat(onFxGet(() -> preparing.shown())).as("a column holds more than one row").isBetween(4, 57);
        assertThat(onFxGet(() -> drawn(ready))).containsExactly(number(7));
        assertThat(onFxGet(() -> ready.tile(0).getPseudoClassStates().toString())).contains("just-ready");
    }

    @Test
    void threeHundredOpenOrders_keepNoMoreTilesThanTheColumnHasCells_andReuseThemAfterTheyLeave_forgettingTheirSizes() throws Exception {
        onFx(() -> {
            List<Order> open = new ArrayList<>();
            for (int n = 1; n <= 300; n++) {
                open.add(order(n, OrderStatus.PREPARING, 300 - n));
            }
            board.load(open);
        });
        awaitDrawn(preparing);
        int cells = onFxGet(() -> preparing.shown()) + 1; // the last cell is "+N"
        assertThat(onFxGet(() -> preparing.tilesKept())).isLessThan(cells);

        onFx(() -> {
            for (int n = 1; n <= 300; n++) {
                hear(order(n, OrderStatus.CANCELLED, 300 - n));
            }
            for (int n = 301; n <= 600; n++) {
                hear(order(n, OrderStatus.PENDING, 600 - n));
            }
        });
        awaitDrawn(preparing);
        assertThat(onFxGet(() -> drawn(preparing)).get(0)).isEqualTo(number(301));
        assertThat(onFxGet(() -> preparing.tilesKept())).as("the same tiles, refilled").isLessThan(cells);
        assertThat(onFxGet(() -> preparing.getChildrenUnmodifiable().size()))
                .as("tiles, the \"+N\" cell and the measuring label: nothing per order").isLessThanOrEqualTo(cells + 1);

        onFx(() -> {
            for (int n = 301; n <= 590; n++) {
                hear(order(n, OrderStatus.CANCELLED, 600 - n));
            }
        });
        awaitDrawn(preparing);
        assertThat(onFxGet(() -> preparing.sizesKept())).as("sizes of numbers long gone are forgotten: the day's 600")
                .isLessThanOrEqualTo(2 * 10 + 16);

        onFx(() -> hear(order(601, OrderStatus.PENDING, 0)));
        awaitDrawn(preparing);
        assertThat(onFxGet(() -> preparing.count())).as("still drawing after the column shrank: the 11th drawn above")
                .isEqualTo(11);
    }

    /** Waits until the grid draws its list as it stands now (the layout after the changes). */
    private void awaitDrawn(NumberGrid grid) {
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(onFxGet(() -> {
            List<String> numbers = numbers(grid == preparing ? board.preparing() : board.ready());
            // every change waited for here changes what is drawn, so a match is the layout after the change
            return drawn(grid).equals(expectedDrawn(numbers, grid.shown())) ? List.of() : List.of(drawn(grid), numbers);
        })).as("what the grid draws, and its list, when they differ").isEmpty());
    }

    /** What a column shows: its shown tiles' numbers in cell order, then its "+N" cell's text if visible. */
    private static List<String> drawn(NumberGrid grid) {
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < grid.tilesKept(); i++) {
            Label tile = grid.tile(i);
            if (tile.isVisible()) {
                drawn.add(tile.getText());
            }
        }
        grid.getChildrenUnmodifiable().stream().filter(node -> node.getStyleClass().contains("pickup-more"))
                .filter(node -> node.isVisible()).forEach(more -> drawn.add(((Label) more).getText()));
        return drawn;
    }

    private static List<String> expectedDrawn(List<String> numbers, int shown) {
        List<String> expected = new ArrayList<>(numbers.subList(0, Math.min(shown, numbers.size())));
        if (shown < numbers.size()) {
            expected.add("+" + (numbers.size() - shown));
        }
        return expected;
    }

    private void hear(Order order) {
        OrderEventType type = order.status() == OrderStatus.PENDING ? OrderEventType.NEW_ORDER
                : OrderEventType.forStatusChange(order.status());
        board.onOrder(new OrderEvent(type, order, FeedMode.ONLINE));
    }

    /** Kiosk order {@code n}, called "K-000n", placed {@code minutes} ago. */
    private Order order(long n, OrderStatus status, int minutes) {
        return new Order(n, null, "kiosk-" + n, String.format("ORD-2026-%06d", n), 1, status,
                List.of(new OrderItem(1, "Nasi Goreng", 1, BigDecimal.TEN, null)), BigDecimal.TEN,
                clock.instant().minus(Duration.ofMinutes(minutes)), "Tamu", Order.kioskReference("K", n), null);
    }

    private String number(long n) {
        return order(n, OrderStatus.PENDING, 0).shownNumber();
    }

    private static List<String> numbers(List<PickupNumber> column) {
        return column.stream().map(PickupNumber::number).toList();
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> action) {
        return FxAwait.onFx(action);
    }

    private static void onFx(Runnable action) throws TimeoutException {
        FxToolkit.setupFixture(action);
    }
}
