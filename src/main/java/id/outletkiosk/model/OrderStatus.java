package id.outletkiosk.model;

import java.util.Locale;

/** Where an order stands: {@code pending -> preparing -> ready -> completed}, or {@code cancelled} from any open state. */
public enum OrderStatus {
    PENDING(0), PREPARING(1), READY(2), COMPLETED(3), CANCELLED(3);

    private final int rank;

    OrderStatus(int rank) {
        this.rank = rank;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the status, or {@code null} for a name the contract does not know */
    public static OrderStatus fromWireName(String name) {
        for (OrderStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        return null;
    }

    public boolean isOpen() {
        return this != COMPLETED && this != CANCELLED;
    }

    /**
     * True when {@code next} is later in the order's life. Two transports can bring the same change
     * twice or in the wrong order; a status never moves back.
     */
    public boolean isBefore(OrderStatus next) {
        return isOpen() && next.rank > rank;
    }

    /**
     * True when {@code next}, heard now, replaces this status: later in the order's life; or, when central
     * says so, the other way of closing (the kitchen served what the counter cancelled meanwhile, or the
     * other way round): both are final, and central's is the day's record, so every screen ends with it.
     */
    public boolean yieldsTo(OrderStatus next, boolean fromCentral) {
        return isBefore(next) || (fromCentral && !isOpen() && !next.isOpen() && next != this);
    }

    /** The step a cook's bump takes, or {@code null} from a closed order. */
    public OrderStatus next() {
        return switch (this) {
            case PENDING -> PREPARING;
            case PREPARING -> READY;
            case READY -> COMPLETED;
            case COMPLETED, CANCELLED -> null;
        };
    }
}
