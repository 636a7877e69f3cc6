package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.ui.Messages;
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
        return order.shownNumber();
    }

    /**
     * Central's short number beside the kiosk's reference the ticket is called by ("142"), for staff who
     * look the order up at head office; null when the ticket already shows central's number, or it has none.
     */
    public String centralNumber() {
        return order.reference() == null ? null : Order.shortNumber(order.orderNumber());
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

    /**
     * The age as the header shows it, short enough for any clock skew: "0 min" to "99 min", then whole
     * hours ("2 h" from 100 minutes, rounded) and from 48 hours whole days ("5 d"), at most "99+ d". An
     * order dated ahead of this screen's clock is "0 min". Numbers without grouping ("6950", never "6,950").
     */
    public static String ageText(Duration age, Messages messages) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes <= 99) {
            return messages.get("kitchen.age", Long.toString(minutes));
        }
        long hours = (minutes + 30) / 60;
        if (hours < 48) {
            return messages.get("kitchen.age.hours", Long.toString(hours));
        }
        long days = (hours + 12) / 24;
        return messages.get("kitchen.age.days", days > 99 ? "99+" : Long.toString(days));
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
