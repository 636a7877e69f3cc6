package id.outletkiosk.sync;

/**
 * Why an order list is read, which decides how far back. The {@code since_id} lists carry new orders
 * only, so a status change made on a server while this screen was elsewhere (or whose frame was
 * dropped) is learned only by reading again from the oldest order still open here (PROTOCOL 5).
 */
enum CatchUp {
    /** Before a transport goes live: after a (re)connect or a switch. */
    JOIN(true),
    /** A poll of the store server. */
    POLL(true),
    /** On a socket, now and then, because Channels drops frames. */
    RECONCILE(true),
    /** A frame for an order not known yet: only what is new is needed (its keys), so it stays cheap. */
    HINT(false),
    /**
     * A central frame for an order not known by central's id while central's list cannot be read: the
     * store server's list, over its open orders, may carry central's id (an extension of ours) for an
     * order known here by its kiosk keys, and so link the two before the frame is shown as a new ticket.
     */
    LINK(true);

    private final boolean rereadsOpenOrders;

    CatchUp(boolean rereadsOpenOrders) {
        this.rereadsOpenOrders = rereadsOpenOrders;
    }

    /** True when the list is read from the oldest open order, not just from the last id read. */
    boolean rereadsOpenOrders() {
        return rereadsOpenOrders;
    }
}
