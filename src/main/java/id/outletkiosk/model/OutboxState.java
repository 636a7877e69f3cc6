package id.outletkiosk.model;

import java.util.Locale;

/** Where an outbox order stands. */
public enum OutboxState {
    /** Waiting for the central backend (it may already be on the store server). */
    QUEUED,
    /** The central backend has it, under its id and number. */
    SENT,
    /** The central backend refused it for good (4xx); a manager must look. Nothing is dropped. */
    ATTENTION,
    /** A manager gave up on it (with a reason); kept for the books, never sent. */
    DISCARDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
