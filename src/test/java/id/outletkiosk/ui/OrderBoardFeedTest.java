package id.outletkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** How a burst of orders reaches a screen's FX thread: in batches, in the order the feed heard them. */
class OrderBoardFeedTest {
    /** The FX thread, turned by hand: tasks wait until the test runs them. */
    private final Queue<Runnable> fxTasks = new ArrayDeque<>();
    private final List<String> seen = new ArrayList<>();
    private final OrderBoard board = new OrderBoard() {
        @Override
        public void load(List<Order> open) {
            seen.add("load " + open.size());
        }

        @Override
        public void onOrder(OrderEvent event) {
            seen.add("one " + event.order().clientOrderId());
        }

        @Override
        public void onOrders(List<OrderEvent> events) {
            seen.add("batch " + events.stream().map(event -> event.order().clientOrderId()).toList());
        }

        @Override
        public void onFeedStatus(FeedStatus status) {
            seen.add("status");
        }
    };
    private final OrderBoardFeed feed = new OrderBoardFeed(board, UnaryOperator.identity(), Runnable::run,
            fxTasks::add);

    @Test
    void ordersHeardWhileTheFxThreadIsBusyReachTheBoardAsOneBatch_inTheirOrder() {
        for (int i = 1; i <= 5; i++) {
            feed.listener().onOrder(newOrder("o" + i));
        }
        assertThat(fxTasks).as("one task for the FX thread, not one per order").hasSize(1);
        runFx();
        assertThat(seen).containsExactly("batch [o1, o2, o3, o4, o5]");

        feed.listener().onOrder(newOrder("o6"));
        runFx();
        assertThat(seen).last().isEqualTo("batch [o6]");
    }

    @Test
    void theLedgersOpenOrdersKeepTheirPlaceBetweenTheFeedsOrders() {
        feed.listener().onOrder(newOrder("o1"));
        feed.loadOpen(() -> List.of(order("a"), order("b")));
        feed.listener().onOrder(newOrder("o2"));
        runFx();
        assertThat(seen).containsExactly("batch [o1]", "load 2", "batch [o2]");
    }

    private void runFx() {
        for (Runnable task = fxTasks.poll(); task != null; task = fxTasks.poll()) {
            task.run();
        }
    }

    private static OrderEvent newOrder(String id) {
        return new OrderEvent(OrderEventType.NEW_ORDER, order(id), null);
    }

    private static Order order(String id) {
        return new Order(null, null, id, null, 1, OrderStatus.PENDING, List.of(), null, null, null, null, null);
    }
}
