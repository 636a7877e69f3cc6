package id.outletkiosk.model;

/** How a promotion's {@code discount_value} is read: a percentage of the price, or a fixed Rupiah amount. */
public enum DiscountType {
    PERCENTAGE("percentage"),
    FIXED("fixed");

    private final String wireName;

    DiscountType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @return the type for a wire name, or {@code null} when the name is unknown. */
    public static DiscountType fromWireName(String name) {
        for (DiscountType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
