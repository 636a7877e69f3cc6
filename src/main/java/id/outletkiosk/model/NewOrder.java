package id.outletkiosk.model;

import java.util.List;

/**
 * An order as a kiosk places it: what the customer chose, under the kiosk's idempotency key.
 *
 * @param reference the kiosk's reference the customer holds ("K2-0007"), sent to the store server as the
 *                  order's {@code order_number}; null for orders not placed by a kiosk
 */
public record NewOrder(long outletId, String clientOrderId, String customerName, List<OrderItem> items,
        String reference) {
    public NewOrder {
        items = List.copyOf(items);
    }
}
