package id.outletkiosk.model;

import java.util.Locale;

/** The order events of the realtime contract (PROTOCOL 2). */
public enum OrderEventType {
    NEW_ORDER, ORDER_UPDATED, ORDER_COMPLETED, ORDER_CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type, or {@code null} when the name is not an order event */
    public static OrderEventType fromWireName(String name) {
        for (OrderEventType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** The event that announces an order now in {@code status}. */
    public static OrderEventType forStatusChange(OrderStatus status) {
        return switch (status) {
            case COMPLETED -> ORDER_COMPLETED;
            case CANCELLED -> ORDER_CANCELLED;
            default -> ORDER_UPDATED;
        };
    }
}
