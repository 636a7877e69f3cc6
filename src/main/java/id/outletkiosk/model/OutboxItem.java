package id.outletkiosk.model;

import java.time.Instant;

/**
 * One write in the outbox, the terminal's one durable queue: an order placed here, a status change
 * made here, or a station's dishes tapped done. All are replayed oldest first ({@code seq}) by the one sender.
 */
public sealed interface OutboxItem permits OutboxEntry, StatusChangeEntry, DishTapEntry {
    long seq();

    OutboxState state();

    Instant createdAt();

    int attempts();

    String lastError();

    /** True once the store server has it, so the store's other screens see it while central is away. */
    boolean localCopy();

    /** How a person names it: the order reference, or "#17 → ready". */
    String label();
}
