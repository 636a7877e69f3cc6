package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One order on the kitchen board. {@code fresh} while it is new (highlighted), {@code bumping} while
 * a bump waits for the server (the card already shows the new status), {@code cancelledAt} once it
 * was cancelled (struck through, then it leaves).
 */
public record Ticket(Order order, Instant arrived, boolean fresh, boolean bumping, Instant cancelledAt) {
    /** How late a ticket is, by the display's thresholds. */
    public enum Age { CALM, WARNING, LATE }

    public OrderStatus status() {
        return order.status();
    }

    /** The same order under any of its keys: central id, store server id, client order id. */
    public boolean isFor(Order other) {
        return order.sharesKeyWith(other);
    }

    /**
     * What the cooks call out, the number the customer holds: a kiosk order's reference ("K2-0007"),
     * else central's number's last part without leading zeros ("ORD-2026-000042" is "42").
     */
    public String shortNumber() {
        String number = order.callNumber();
        if (number == null) {
            Long id = order.centralId() != null ? order.centralId() : order.localId();
            return id == null ? "?" : id.toString();
        }
        return number;
    }

    /**
     * Where the order came from. The contract carries no source field: a {@code client_order_id} is
     * what kiosks (ours and the web ones) send, so those are "kiosk"; the rest were keyed in at the counter.
     */
    public String source() {
        return order.clientOrderId() != null ? "kiosk" : "counter";
    }

    /** The dish's name; an order from a kiosk that did not send names shows the product id. */
    public static String dishName(OrderItem item) {
        return item.productName() != null && !item.productName().isBlank() ? item.productName()
                : "#" + item.productId();
    }

    public Duration ageAt(Instant now) {
        Instant since = order.createdAt() != null ? order.createdAt() : arrived;
        Duration age = Duration.between(since, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    public Ticket with(Order newOrder) {
        return new Ticket(newOrder, arrived, fresh, bumping, cancelledAt);
    }

    public Ticket withFresh(boolean isFresh) {
        return new Ticket(order, arrived, isFresh, bumping, cancelledAt);
    }

    public Ticket withBumping(boolean isBumping) {
        return new Ticket(order, arrived, fresh, isBumping, cancelledAt);
    }
}
