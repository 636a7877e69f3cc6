package id.outletkiosk.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order placed at this terminal, as the outbox keeps it until the central backend has it.
 *
 * @param reference     what the customer was told (printed, shown large)
 * @param kioskTotal    the total the kiosk showed, from its own prices and promotions
 * @param promotionIds  the promotions the kiosk applied, per line (null where none)
 * @param dataVersion   the menu version the kiosk priced with
 * @param localCopy     true once the store server has it (the kitchen sees it while central is away)
 * @param serverTotal   what central computed, once sent; {@code totalMismatch} when it differs
 */
public record OutboxEntry(
        long seq,
        String clientOrderId,
        String reference,
        long outletId,
        String customerName,
        List<OrderItem> items,
        List<Long> promotionIds,
        BigDecimal kioskTotal,
        long dataVersion,
        Instant createdAt,
        OutboxState state,
        int attempts,
        String lastError,
        boolean localCopy,
        Long centralId,
        String orderNumber,
        BigDecimal serverTotal,
        boolean totalMismatch) implements OutboxItem {

    public OutboxEntry {
        items = List.copyOf(items);
        promotionIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(promotionIds));
    }

    @Override
    public String label() {
        return reference;
    }

    public NewOrder asNewOrder() {
        return new NewOrder(outletId, clientOrderId, customerName, items, reference);
    }
}
