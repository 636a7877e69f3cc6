package id.outletkiosk.model;

import java.time.Duration;

/**
 * Outbox health, each kind counted apart so no screen calls a cook's bump an order: orders that wait,
 * went, or were refused by central, and how long the oldest waiting one has waited; the same for the
 * status changes made here (bumps, cancellations).
 *
 * @param queued                 orders waiting for central
 * @param attention              orders central refused, waiting for a manager
 * @param oldestQueuedAge        how long the oldest waiting order has waited (zero when none waits)
 * @param statusChangesAttention status changes central refused, waiting for a manager
 * @param oldestStatusChangeAge  how long the oldest waiting status change has waited (zero when none waits)
 */
public record OutboxStatus(int queued, int sent, int attention, Duration oldestQueuedAge, int mismatches,
        int statusChangesQueued, int statusChangesAttention, Duration oldestStatusChangeAge) {
}
