package id.outletkiosk.model;

import java.time.Duration;

/**
 * Outbox health: orders that wait, went, or need a manager, how long the oldest write (order or status
 * change) has waited, and the status changes still waiting for central.
 */
public record OutboxStatus(int queued, int sent, int attention, Duration oldestQueuedAge, int mismatches,
        int statusChangesQueued) {
}
