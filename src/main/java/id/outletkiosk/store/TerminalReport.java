package id.outletkiosk.store;

import java.time.Instant;
import java.util.List;

/**
 * One terminal's health as it told the store server (an extension of ours): a snapshot, newest wins.
 * A terminal is its name and role.
 *
 * @param terminal the terminal's name (setting {@code terminal})
 * @param role the role's wire name: kiosk, kitchen, manager, pickup
 * @param appVersion the app version the terminal runs
 * @param transport the feed's transport by its wire name: online, local, polling, offline
 * @param transportSince when the feed moved to that transport
 * @param menuVersion the newest menu data version the terminal holds
 * @param menuSyncedAt when the terminal last refreshed its menu; null when it never has
 * @param ordersWaiting orders kept on the terminal, not yet at the central backend
 * @param statusChangesWaiting status changes (bumps, cancels) not yet at the central backend
 * @param alerts what a manager should look at, as {@link id.outletkiosk.health.Alert.Kind} names
 * @param receivedAt when the store server received the report, by the store server's clock (a terminal's
 *                   freshness is never taken from its own clock); null in a report not yet sent
 */
public record TerminalReport(String terminal, String role, String appVersion, String transport,
        Instant transportSince, long menuVersion, Instant menuSyncedAt, int ordersWaiting, int statusChangesWaiting,
        List<String> alerts, Instant receivedAt) {

    public TerminalReport {
        alerts = List.copyOf(alerts);
    }
}
