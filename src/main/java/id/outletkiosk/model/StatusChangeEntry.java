package id.outletkiosk.model;

import java.time.Instant;

/**
 * A status change made at this terminal (a cook's bump, a cancellation), as the outbox keeps it until
 * central holds that status or a later one. The order is named by every key it was known by when the
 * change was made; the sender looks up keys learned since (central's id of an order a kiosk left on the
 * store server, say) in the order ledger.
 *
 * @param orderLabel the order's number as the screen showed it, for people reading the outbox
 */
public record StatusChangeEntry(
        long seq,
        long outletId,
        OrderStatus target,
        Long centralId,
        Long localId,
        String clientOrderId,
        String orderLabel,
        Instant createdAt,
        OutboxState state,
        int attempts,
        String lastError,
        boolean localCopy) implements OutboxItem {

    /** The order as far as this change knows it: keys only, for the ledger's look-up. */
    public Order orderKeys() {
        return new Order(centralId, localId, clientOrderId, null, outletId, OrderStatus.PENDING, java.util.List.of(),
                null, null, null, null, null).withWireNumber(orderLabel);
    }

    /** The order as the cooks call it ("K2-0007", "17" for ORD-2026-000017), else the first id known. */
    public String orderShortNumber() {
        return orderKeys().shownNumber();
    }

    @Override
    public String label() {
        return (orderLabel != null ? orderLabel : centralId != null ? "central " + centralId : "store " + localId)
                + " \u2192 " + target.wireName();
    }
}
