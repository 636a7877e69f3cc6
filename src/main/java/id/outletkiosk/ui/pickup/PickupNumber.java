package id.outletkiosk.ui.pickup;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import java.time.Instant;

/**
 * One order's number on the pickup screen.
 *
 * @param since     when it took its place: heard preparing, or turned ready (for the ledger's orders at
 *                  start, when it was placed)
 * @param justReady while it stands out, just after it turned ready
 * @param servedAt  once collected (dimmed for a while, then it leaves); null while it waits
 */
public record PickupNumber(Order order, Instant since, boolean justReady, Instant servedAt) {
    /** The number the customer holds, as the kitchen board shows it. */
    public String number() {
        return order.shownNumber();
    }

    public OrderStatus status() {
        return order.status();
    }

    public boolean served() {
        return servedAt != null;
    }

    boolean isFor(Order other) {
        return order.sharesKeyWith(other);
    }

    /** When the customer placed it; when this screen first heard of it, for an order without a time. */
    Instant placed() {
        return order.createdAt() != null ? order.createdAt() : since;
    }

    PickupNumber with(Order newer) {
        return new PickupNumber(newer, since, justReady, servedAt);
    }

    PickupNumber calmed() {
        return new PickupNumber(order, since, false, servedAt);
    }
}
