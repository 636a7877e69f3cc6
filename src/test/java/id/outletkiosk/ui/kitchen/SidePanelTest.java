package id.outletkiosk.ui.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Settings;
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
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The side panel between two rushes: a board that empties keeps its all-day lines, hidden, and shows the next
 * rush's counts on them; a line put back into the scene would be styled again from scratch, in the rush's
 * first frames (BENCHMARKS.md, a burst onto an empty board).
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class SidePanelTest {
    private final SteppingClock clock = SteppingClock.atNoonInJakarta();
    private final KitchenBoardViewModel board = new KitchenBoardViewModel((order, next) -> order.withStatus(next),
            new Settings.KitchenOptions(Duration.ofMinutes(5), Duration.ofMinutes(10), false, null), Runnable::run,
            Runnable::run, clock, () -> { });
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void aBoardThatEmptiesShowsTheNextRushOnTheLinesItHad() {
        VBox lines = FxAwait.onFx(() -> {
            VBox list = new VBox();
            Scene scene = new Scene(new VBox(new Label(), list), 400, 800);
            scene.getStylesheets().add(KitchenWindow.class.getResource("kitchen.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            return list;
        });
        SidePanel panel = new SidePanel((Label) ((VBox) lines.getParent()).getChildren().get(0), lines,
                Messages.english());
        List<Node> firstRush = FxAwait.onFx(() -> {
            arrive(1, "Nasi Goreng", "Es Teh");
            arrive(2, "Mie Ayam", "Es Teh");
            panel.show(board);
            return List.copyOf(lines.getChildren());
        });
        assertThat(FxAwait.onFx(() -> shown(lines))).containsExactly("2 Es Teh", "1 Mie Ayam", "1 Nasi Goreng");

        FxAwait.onFx(() -> {
            cancel(1, "Nasi Goreng", "Es Teh");
            cancel(2, "Mie Ayam", "Es Teh");
            panel.show(board);
            return null;
        });
        assertThat(FxAwait.onFx(() -> shown(lines))).as("nothing left to cook").isEmpty();
        assertThat(FxAwait.onFx(() -> List.copyOf(lines.getChildren()))).as("the lines kept")
                .containsExactlyElementsOf(firstRush);

        FxAwait.onFx(() -> {
            arrive(3, "Soto", "Es Jeruk");
            panel.show(board);
            return null;
        });
        assertThat(FxAwait.onFx(() -> shown(lines))).containsExactly("1 Es Jeruk", "1 Soto");
        assertThat(FxAwait.onFx(() -> List.copyOf(lines.getChildren()))).as("no line built")
                .containsExactlyElementsOf(firstRush);
    }

    /** The lines a cook sees: "count dish". */
    private static List<String> shown(VBox lines) {
        return lines.getChildren().stream().filter(Node::isVisible)
                .map(line -> ((Labeled) line.lookup(".all-day-count")).getText() + " "
                        + ((Labeled) line.lookup(".all-day-dish")).getText()).toList();
    }

    private void arrive(long n, String food, String drink) {
        board.onOrder(new OrderEvent(OrderEventType.NEW_ORDER, order(n, OrderStatus.PENDING, food, drink),
                FeedMode.ONLINE));
    }

    private void cancel(long n, String food, String drink) {
        board.onOrder(new OrderEvent(OrderEventType.ORDER_CANCELLED, order(n, OrderStatus.CANCELLED, food, drink),
                FeedMode.ONLINE));
    }

    private Order order(long n, OrderStatus status, String food, String drink) {
        return KitchenBoardViewModelTest.order(n, null, "client-" + n, String.format("ORD-2026-%06d", n), status,
                List.of(new OrderItem(n * 10, food, 1, new BigDecimal("25000"), null),
                        new OrderItem(99, drink, 1, new BigDecimal("8000"), null)),
                clock.instant().minus(Duration.ofMinutes(5)), "Tamu " + n);
    }
}
