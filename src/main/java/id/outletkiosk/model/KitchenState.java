package id.outletkiosk.model;

import java.time.Instant;
import java.util.Locale;

/**
 * Whether the kitchen takes orders now, as the kitchen itself says: open, busy (orders still taken,
 * with the wait it expects) or paused (no orders for now). Told to every screen of the store as
 * {@code kitchen_status_changed}.
 *
 * @param waitMinutes the expected wait while busy (null otherwise, or when the kitchen did not say)
 * @param changedAt   when the kitchen set it (null when a server did not say): a later setting wins
 * @param changedBy   the terminal that set it (null when unknown)
 */
public record KitchenState(Status status, Integer waitMinutes, Instant changedAt, String changedBy) {

    /** The three states a kitchen can put itself in. */
    public enum Status {
        OPEN("open"), BUSY("busy"), PAUSED("paused");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The status for a wire name, or null when it names none ("closed" is read as {@link #PAUSED}). */
        public static Status fromWireName(String name) {
            String normalised = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            for (Status status : values()) {
                if (status.wireName.equals(normalised)) {
                    return status;
                }
            }
            // what the kiosks understood before the kitchen could pause, and what other servers send
            return normalised.equals("closed") ? PAUSED : null;
        }
    }

    /** The waits the kitchen picks from, in minutes. */
    public static final int LONGEST_WAIT_MINUTES = 240;

    public KitchenState {
        if (status == null) {
            throw new IllegalArgumentException("a kitchen state needs a status");
        }
        if (status != Status.BUSY) {
            waitMinutes = null;
        }
        if (waitMinutes != null && (waitMinutes < 1 || waitMinutes > LONGEST_WAIT_MINUTES)) {
            throw new IllegalArgumentException("a wait of " + waitMinutes + " minutes is not 1 to "
                    + LONGEST_WAIT_MINUTES);
        }
    }

    /** An open kitchen, as every screen assumes before anyone said otherwise. */
    public static KitchenState open() {
        return new KitchenState(Status.OPEN, null, null, null);
    }

    public static KitchenState busy(int waitMinutes, Instant at, String by) {
        return new KitchenState(Status.BUSY, waitMinutes, at, by);
    }

    public boolean takesOrders() {
        return status != Status.PAUSED;
    }

    /** The same state for a customer: status and wait (when and by whom aside). */
    public boolean looksLike(KitchenState other) {
        return other != null && status == other.status && java.util.Objects.equals(waitMinutes, other.waitMinutes);
    }

    /** Set before {@code other}: both times known and this one earlier. Without times nothing is older. */
    public boolean isOlderThan(KitchenState other) {
        return other != null && changedAt != null && other.changedAt != null && changedAt.isBefore(other.changedAt);
    }

    @Override
    public String toString() {
        return status.wireName() + (waitMinutes == null ? "" : " (" + waitMinutes + " min)");
    }
}
