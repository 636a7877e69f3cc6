package id.outletkiosk.model;

import java.time.Duration;

/** Outbox health: what waits, what went, what needs a manager, and how long the oldest has waited. */
public record OutboxStatus(int queued, int sent, int attention, Duration oldestQueuedAge, int mismatches) {
}
