package id.outletkiosk.model;

/** The three kinds of master data the backend owns, in the order a sync round fetches them. */
public enum EntityKind {
    CATEGORIES("categories"),
    PRODUCTS("products"),
    PROMOTIONS("promotions");

    private final String wireName;

    EntityKind(String wireName) {
        this.wireName = wireName;
    }

    /** Name used in URLs, JSON keys and the store: {@code products}, {@code categories}, {@code promotions}. */
    public String wireName() {
        return wireName;
    }

    public static EntityKind fromWireName(String name) {
        for (EntityKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown master data kind: " + name);
    }
}
