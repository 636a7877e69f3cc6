package id.outletkiosk.model;

import java.time.Instant;
import java.util.List;

/**
 * A cook's tap on a station screen (these dishes of this order done, or taken back), as the outbox keeps
 * it until the store server, where dish progress lives, has it. Central never hears of dishes: what
 * reaches central is the order's status, which the tap that finishes an order's last dish asks for.
 *
 * @param station the station screen's name, for the log and the outbox's readers
 */
public record DishTapEntry(
        long seq,
        long outletId,
        Long centralId,
        Long localId,
        String clientOrderId,
        String orderLabel,
        List<Integer> lines,
        boolean done,
        String station,
        Instant createdAt,
        OutboxState state,
        int attempts,
        String lastError,
        boolean localCopy) implements OutboxItem {

    public DishTapEntry {
        lines = List.copyOf(lines);
    }

    /** The order as far as this tap knows it: keys only, for the ledger's look-up. */
    public Order orderKeys() {
        return new Order(centralId, localId, clientOrderId, null, outletId, OrderStatus.PENDING, List.of(), null,
                null, null, null, null).withWireNumber(orderLabel);
    }

    @Override
    public String label() {
        return (orderLabel != null ? orderLabel : centralId != null ? "central " + centralId : "store " + localId)
                + " " + station + " dishes " + lines + (done ? " done" : " not done");
    }
}
