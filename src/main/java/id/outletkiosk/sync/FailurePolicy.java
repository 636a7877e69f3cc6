package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import java.time.Duration;

/**
 * What a failure to reach central means, decided once for everyone who talks to it: the outbox sender
 * (orders and status changes), the menu sync schedule and the realtime feed's climb back. Each kind of
 * failure gets one answer: try again with backoff, fall back to the store server, or ask a manager.
 */
public final class FailurePolicy {
    /** The one answer to a kind of failure. */
    public enum Decision {
        /**
         * Central is up but asks us to slow down (429), or its menu changed under every read: the same
         * request, after a backoff step.
         */
        RETRY_WITH_BACKOFF,
        /**
         * Central is away (unreachable, timeout, broken connection, 5xx): the store server takes what it
         * can now, so the store's screens keep working; central is retried with backoff.
         */
        FALL_BACK_TO_STORE_SERVER,
        /**
         * Central answers but cannot be used until a person fixes something (a refused token, answers
         * that are not the contract): the store server takes what it can, and central is retried only
         * at the longest backoff step, so a broken link is not hammered.
         */
        FALL_BACK_AND_WAIT_LONGEST,
        /**
         * Central refused this request for good (another 4xx): a write is set aside for a manager, who
         * decides; a read is tried again only at the longest backoff step.
         */
        ASK_A_MANAGER;

        /** Whether the store server should take the write (or serve the reads) while central cannot. */
        public boolean fallsBack() {
            return this == FALL_BACK_TO_STORE_SERVER || this == FALL_BACK_AND_WAIT_LONGEST;
        }

        /** How long to wait before failed attempt number {@code failuresInARow} + 1. */
        public Duration waitBefore(Backoff backoff, int failuresInARow) {
            return switch (this) {
                case RETRY_WITH_BACKOFF, FALL_BACK_TO_STORE_SERVER -> backoff.delayBefore(failuresInARow);
                case FALL_BACK_AND_WAIT_LONGEST, ASK_A_MANAGER -> backoff.max();
            };
        }
    }

    /**
     * A store server without one of our extension routes (404: the outlets' Node.js one, or an older
     * store server) is left alone this long, quietly, then asked again: it may have been updated meanwhile.
     */
    public static final Duration MISSING_ROUTE_PAUSE = Duration.ofMinutes(10);

    private FailurePolicy() {
    }

    public static Decision decide(BackendException failure) {
        return decide(failure.problem());
    }

    public static Decision decide(BackendException.Problem problem) {
        return switch (problem) {
            case RATE_LIMITED, CHANGED_WHILE_READING -> Decision.RETRY_WITH_BACKOFF;
            case UNREACHABLE, TIMEOUT, BROKEN_CONNECTION, HTTP_STATUS -> Decision.FALL_BACK_TO_STORE_SERVER;
            case AUTH, BAD_DATA, TOO_LARGE -> Decision.FALL_BACK_AND_WAIT_LONGEST;
            case REJECTED -> Decision.ASK_A_MANAGER;
        };
    }
}
