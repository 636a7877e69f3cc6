package id.outletkiosk.server;

/**
 * The store server's own figures for the status page, read from its meters.
 *
 * @param ordersToday    orders this server received since the store's midnight (kiosk posts and orders heard
 *                       from central; counted since the server started, so a restart begins again at 0)
 * @param openSockets    order WebSockets open now
 * @param pollsPerSecond polls answered over the last minute, divided by 60
 */
public record StoreFigures(long ordersToday, int openSockets, double pollsPerSecond) {
}
