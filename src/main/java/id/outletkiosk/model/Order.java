package id.outletkiosk.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as some server knows it. The same order can be known by its central id, by the local sync
 * server's id, and by the kiosk's {@code clientOrderId}; any of them may be missing.
 */
public record Order(
        Long centralId,
        Long localId,
        String clientOrderId,
        String orderNumber,
        long outletId,
        OrderStatus status,
        List<OrderItem> items,
        BigDecimal totalAmount,
        Instant createdAt,
        String customerName) {

    public Order {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public Order withStatus(OrderStatus newStatus) {
        return new Order(centralId, localId, clientOrderId, orderNumber, outletId, newStatus, items, totalAmount,
                createdAt, customerName);
    }

    public Order withLocalId(Long newLocalId) {
        return new Order(centralId, newLocalId, clientOrderId, orderNumber, outletId, status, items, totalAmount,
                createdAt, customerName);
    }

    /** A short name for logs: the order number, else the first key known. */
    public String label() {
        if (orderNumber != null) {
            return orderNumber;
        }
        if (centralId != null) {
            return "central #" + centralId;
        }
        return localId != null ? "local #" + localId : "client " + clientOrderId;
    }
}
