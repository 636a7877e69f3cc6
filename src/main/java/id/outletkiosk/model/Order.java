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

    /** True when both name one order: they share a central id, a local id or a client order id. */
    public boolean sharesKeyWith(Order other) {
        return same(centralId, other.centralId) || same(localId, other.localId) || same(clientOrderId, other.clientOrderId);
    }

    private static boolean same(Object a, Object b) {
        return a != null && a.equals(b);
    }

    public Order withLocalId(Long newLocalId) {
        return new Order(centralId, newLocalId, clientOrderId, orderNumber, outletId, status, items, totalAmount,
                createdAt, customerName);
    }

    /**
     * This order with whatever it lacks taken from {@code other}, the same order heard under other keys
     * or from another server: keys, number, items, total, time and name; the status stays this one's.
     */
    public Order filledFrom(Order other) {
        return new Order(centralId != null ? centralId : other.centralId,
                localId != null ? localId : other.localId,
                clientOrderId != null ? clientOrderId : other.clientOrderId,
                orderNumber != null ? orderNumber : other.orderNumber,
                outletId, status,
                items.isEmpty() ? other.items : items,
                totalAmount != null ? totalAmount : other.totalAmount,
                createdAt != null ? createdAt : other.createdAt,
                customerName != null ? customerName : other.customerName);
    }

    /**
     * What the cooks call out: the order number's last part without leading zeros ("ORD-2026-000042" is
     * "42"); null without a number.
     */
    public static String shortNumber(String orderNumber) {
        if (orderNumber == null || orderNumber.isBlank()) {
            return null;
        }
        String last = orderNumber.substring(orderNumber.lastIndexOf('-') + 1).replaceFirst("^0+(?=.)", "");
        return last.isEmpty() ? orderNumber : last;
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
