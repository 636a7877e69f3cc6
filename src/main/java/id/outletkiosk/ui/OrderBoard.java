package id.outletkiosk.ui;

import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import java.util.List;

/**
 * A screen that shows the outlet's orders as they move (the kitchen board, the customers' pickup screen):
 * the ledger's open orders once at start, then every order event and transport change of the feed.
 * Called on the FX thread only; {@link OrderBoardFeed} hands everything over.
 */
public interface OrderBoard {
    /** The open orders the ledger knew at start: shown quietly (a restart is no news). */
    void load(List<Order> open);

    /** Each change of each order, once, in the order the feed learned them. */
    void onOrder(OrderEvent event);

    /** Several changes at once, in order (those that came while the FX thread was busy): as many onOrder calls. */
    default void onOrders(List<OrderEvent> events) {
        events.forEach(this::onOrder);
    }

    /** Where the orders come from now (central, the store server, polling, nowhere). */
    void onFeedStatus(FeedStatus status);
}
