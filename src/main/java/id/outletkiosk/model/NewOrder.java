package id.outletkiosk.model;

import java.util.List;

/** An order as a kiosk places it: what the customer chose, under the kiosk's idempotency key. */
public record NewOrder(long outletId, String clientOrderId, String customerName, List<OrderItem> items) {
    public NewOrder {
        items = List.copyOf(items);
    }
}
