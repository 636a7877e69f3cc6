package id.outletkiosk.ui.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.ui.Messages;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A whole day of tickets through the board's cards, on a real (headless) screen with the board's style
 * sheets: JavaFX's style cache (one style map per distinct selector key: class, id, style classes, kept for
 * as long as the scene lives) stops growing once the first tickets showed every state, whatever the
 * number of orders. A card with an id per order added a style map, and its labels' style caches, for
 * every order of the day: the kitchen board's live heap grew by a quarter from the day's 300th order to
 * its 900th (issue 16, the service-day soak).
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class TicketStyleCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void aDayOfOrdersLeavesTheStyleCacheAsTheFirstFewLeftIt() {
        FlowPane board = FxAwait.onFx(() -> {
            FlowPane pane = new FlowPane(12, 12);
            Scene scene = new Scene(pane, 1920, 1080);
            scene.getStylesheets().add(Messages.class.getResource("app.css").toExternalForm());
            scene.getStylesheets().add(KitchenWindow.class.getResource("kitchen.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            return pane;
        });
        int afterTheFirst = FxAwait.onFx(() -> {
            serve(board, 1, 20);
            return styleMaps();
        });
        // the day in slices of 20 orders, each its own turn of the FX thread: one turn for 980 orders took over
        // FxAwait's patience on a loaded CI machine, and how fast a machine styles cards is not what this tests
        for (int first = 21; first <= 1_000; first += 20) {
            int from = first;
            FxAwait.onFx(() -> {
                serve(board, from, from + 19);
                return null;
            });
        }
        int afterTheDay = FxAwait.onFx(TicketStyleCacheTest::styleMaps);

        assertThat(afterTheDay - afterTheFirst).as("style maps added by orders 21 to 1,000").isLessThan(10);
    }

    /** Orders {@code from} to {@code to}, each a card through its day: new, cooking, ready; then off the board. */
    private static void serve(FlowPane board, int from, int to) {
        for (int n = from; n <= to; n++) {
            TicketCard card = new TicketCard(Messages.english(), bumped -> { });
            board.getChildren().add(card);
            for (OrderStatus status : List.of(OrderStatus.PENDING, OrderStatus.PREPARING, OrderStatus.READY)) {
                card.show(new Ticket(order(n, status), NOW, status == OrderStatus.PENDING, false, null), NOW,
                        Ticket.Age.CALM);
                card.applyCss();
            }
            board.getChildren().remove(card);
        }
    }

    private static Order order(int n, OrderStatus status) {
        return new Order((long) n, null, "client-" + n, String.format("K-%04d", n), 1, status,
                List.of(new OrderItem(1, "Nasi Goreng", 1, new BigDecimal("25000"), null)), BigDecimal.TEN, NOW,
                "Tamu " + n, null, null);
    }

    /** Style maps JavaFX's style manager holds for every scene: one per distinct selector key it met. */
    private static int styleMaps() throws ReflectiveOperationException {
        Class<?> manager = Class.forName("com.sun.javafx.css.StyleManager");
        Map<?, ?> containers = (Map<?, ?>) manager.getField("cacheContainerMap").get(null);
        Field list = Class.forName("com.sun.javafx.css.StyleManager$CacheContainer").getDeclaredField("styleMapList");
        list.setAccessible(true);
        int count = 0;
        for (Object container : containers.values()) {
            List<?> maps = (List<?>) list.get(container);
            count += maps == null ? 0 : maps.size();
        }
        return count;
    }
}
