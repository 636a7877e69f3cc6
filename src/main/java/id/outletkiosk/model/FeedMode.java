package id.outletkiosk.model;

/** The transport the realtime feed lives on, best first. */
public enum FeedMode {
    /** Central backend WebSocket. */
    ONLINE("online"),
    /** The outlet's store server WebSocket. */
    LOCAL("local"),
    /** HTTP polling of the store server. */
    POLLING("polling"),
    /** Nothing answers; orders wait. */
    OFFLINE("offline");

    private final String wireName;

    FeedMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The next tier down; OFFLINE stays OFFLINE. */
    public FeedMode worse() {
        return values()[Math.min(ordinal() + 1, OFFLINE.ordinal())];
    }

    public boolean isBetterThan(FeedMode other) {
        return ordinal() < other.ordinal();
    }
}
