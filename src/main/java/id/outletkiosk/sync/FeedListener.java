package id.outletkiosk.sync;

import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.model.OrderEvent;

/**
 * Hears the realtime feed: orders and kitchen status on the feed's intake thread, transport status on
 * its loop thread. Keep it quick (hand work to another thread).
 */
public interface FeedListener {
    /** Each change of each order, once, in the order the feed learned them. */
    default void onOrder(OrderEvent event) {
    }

    default void onStatus(FeedStatus status) {
    }

    /**
     * The kitchen's state when it changes (the first one the feed learns too): from a
     * {@code kitchen_status_changed} frame on any socket, or read from the store server.
     */
    default void onKitchenStatus(KitchenState state) {
    }

    /** A listener for order events only. */
    static FeedListener ofOrders(java.util.function.Consumer<OrderEvent> orders) {
        return new FeedListener() {
            @Override
            public void onOrder(OrderEvent event) {
                orders.accept(event);
            }
        };
    }
}
