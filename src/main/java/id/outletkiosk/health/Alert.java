package id.outletkiosk.health;

import java.time.Duration;
import java.time.Instant;

/**
 * One thing a manager should look at. {@code age} is how long the condition has held (the menu's age,
 * the oldest order's or status change's wait, the silence), for the message; {@code count} how many orders or
 * status changes it concerns (for a full disk: the megabytes still free); {@code since} when a link was
 * lost, for "since 10:42" (null for the alerts that count an age instead).
 */
public record Alert(Kind kind, Duration age, int count, Instant since) {

    public Alert(Kind kind, Duration age, int count) {
        this(kind, age, count, null);
    }

    public enum Kind {
        /**
         * The local store refused a write for want of disk space: orders cannot be kept, the menu cannot be
         * refreshed. First in the list: nothing else works until it is fixed.
         */
        STORE_FULL,
        /** Head office does not answer, but the store server does: orders go through it and wait there. */
        CENTRAL_UNREACHABLE,
        /** Neither head office nor a store server answers: orders wait on this terminal. */
        NOTHING_REACHABLE,
        /** The menu was not refreshed within the outdated-after threshold: prices may be stale. */
        MENU_OUTDATED,
        /** An order has waited longer than outbox-alert-after to reach the central backend. */
        ORDERS_WAITING,
        /** Central refused orders for good: a manager must retry or discard them. */
        ORDERS_REFUSED,
        /** A status change made here (a bump, a cancel) has waited longer than outbox-alert-after for central. */
        STATUS_CHANGES_WAITING,
        /** Central refused status changes for good: a manager must retry or discard them. */
        STATUS_CHANGES_REFUSED,
        /** No order event for quiet-alert-after while the store is open: is the feed really alive? */
        NO_ORDER_EVENTS
    }

    /** The message key of this alert in the UI's bundles, e.g. {@code alert.menu_outdated}. */
    public String messageKey() {
        return "alert." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
