package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.ui.OrderBoardFeed;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What reaches the kitchen board from other threads, and how: the feed's orders and transport, the
 * ledger's open orders at start (handed over by {@link OrderBoardFeed}, as to every screen of orders),
 * named from the menu where they come from, and the outbox's changes head office refused. The board's
 * own rules live in {@link KitchenBoardViewModel}.
 */
public final class BoardFeed {
    /** A dish's name by product id, from this terminal's menu: the store server's orders carry none. */
    @FunctionalInterface
    public interface DishNames {
        Optional<String> of(long productId);
    }

    private final KitchenBoardViewModel board;
    private final DishNames dishNames;
    private final Executor fx;
    private final OrderBoardFeed orders;

    /**
     * @param worker reads the ledger, off the FX thread
     * @param fx     the FX thread ({@code Platform::runLater} in the app)
     */
    public BoardFeed(KitchenBoardViewModel board, DishNames dishNames, Executor worker, Executor fx) {
        this.board = board;
        this.dishNames = dishNames;
        this.fx = fx;
        this.orders = new OrderBoardFeed(board, this::withDishNames, worker, fx);
    }

    /** Hears the feed: orders named on the feed's thread, orders and transport applied on the FX thread. */
    public FeedListener listener() {
        return orders.listener();
    }

    /** The open orders the ledger knows, read and named on the worker, shown on the FX thread. */
    public void loadOpen(Supplier<List<Order>> openOrders) {
        orders.loadOpen(openOrders);
    }

    /** The outbox set a change aside for a manager (central refused it for good): say so on the board. */
    public void onSetAside(OutboxItem item, String reason) {
        if (item instanceof StatusChangeEntry change) {
            fx.execute(() -> board.refusedByHeadOffice(change.orderLabel(), reason));
        }
    }

    /** Fills in the dish names an order came without (the store server's orders carry what the kiosk sent). */
    Order withDishNames(Order order) {
        if (order.items().stream().allMatch(item -> item.productName() != null)) {
            return order;
        }
        List<OrderItem> named = order.items().stream().map(item -> item.productName() != null ? item
                : new OrderItem(item.productId(), dishNames.of(item.productId()).orElse(null), item.quantity(),
                        item.unitPrice(), item.notes())).toList();
        return order.withItems(named);
    }
}
