package id.outletkiosk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

/**
 * Validated settings of one run. {@code backend == null} means no central backend is configured
 * (demo mode for the app). {@link #toString()} never shows the token.
 */
public record Settings(
        URI backend,
        URI localHttp,
        URI localWs,
        int outlet,
        String token,
        Path dataDir,
        Role role,
        Path configFile,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        Duration refreshInterval,
        Duration outdatedAfter,
        long maxBodyBytes,
        String localToken,
        FeedTimings feedTimings,
        KioskOptions kiosk,
        KitchenOptions kitchen,
        AlertOptions alerts,
        TlsOptions tls,
        Duration retention) {

    /** How the realtime feed paces itself. */
    public record FeedTimings(Duration heartbeatInterval, Duration heartbeatTimeout, Duration pollInterval,
            Duration idlePollInterval, Duration reconcileInterval) {
    }

    /**
     * How the customer screen behaves: {@code fullScreen} is kiosk mode (no frame, close and Escape
     * disabled); after {@code idleTimeout} without a touch it asks "still there?". {@code terminal}
     * starts its order references ("K2-0001"), so two kiosks in one store never print the same one.
     */
    public record KioskOptions(boolean fullScreen, Duration idleTimeout, String terminal) {
    }

    /** The kitchen display: tickets turn amber after {@code warnAfter}, red after {@code lateAfter}. */
    public record KitchenOptions(Duration warnAfter, Duration lateAfter, boolean sound) {
    }

    /**
     * When the manager's alerts fire: an order waiting longer than {@code outboxWaitAfter}; no order event
     * for {@code quietAfter} while the store is open ({@code opens} to {@code closes}, local time; equal
     * means always open; {@code closes} before {@code opens} runs past midnight).
     */
    public record AlertOptions(Duration outboxWaitAfter, Duration quietAfter, LocalTime opens, LocalTime closes) {
        public boolean isOpenAt(LocalTime time) {
            if (opens.equals(closes)) {
                return true;
            }
            return opens.isBefore(closes) ? !time.isBefore(opens) && time.isBefore(closes)
                    : !time.isBefore(opens) || time.isBefore(closes);
        }
    }

    /**
     * Whom to trust beyond the system's store ({@code caFile}, PEM, or null), the central backend's
     * public-key pin (or null), and whether WebSocket handshakes also carry the token in the query.
     */
    public record TlsOptions(Path caFile, String backendPin, boolean tokenInQuery) {
    }

    public boolean hasBackend() {
        return backend != null;
    }

    public boolean hasToken() {
        return token != null && !token.isEmpty();
    }

    /** The SQLite file of the master-data store, orders and outbox. */
    public Path storeFile() {
        return dataDir.resolve("outlet-kiosk.db");
    }

    public Settings withBackend(URI newBackend) {
        return with(newBackend, localHttp, localWs, dataDir, role);
    }

    public Settings withDataDir(Path newDataDir) {
        return with(backend, localHttp, localWs, newDataDir, role);
    }

    public Settings withLocalServer(URI newLocalHttp, URI newLocalWs) {
        return with(backend, newLocalHttp, newLocalWs, dataDir, role);
    }

    /** The demo's terminals share one configuration but each plays its own part. */
    public Settings withRole(Role newRole) {
        return with(backend, localHttp, localWs, dataDir, newRole);
    }

    /** A copy with the parts the demo and the tests replace; everything else as it is. */
    private Settings with(URI newBackend, URI newLocalHttp, URI newLocalWs, Path newDataDir, Role newRole) {
        return new Settings(newBackend, newLocalHttp, newLocalWs, outlet, token, newDataDir, newRole, configFile,
                connectTimeout, readTimeout, callTimeout, refreshInterval, outdatedAfter, maxBodyBytes, localToken,
                feedTimings, kiosk, kitchen, alerts, tls, retention);
    }

    @Override
    public String toString() {
        return "Settings[backend=" + backend + ", localHttp=" + localHttp + ", localWs=" + localWs
                + ", outlet=" + outlet + ", token=" + (hasToken() ? "(set)" : "(none)") + ", dataDir=" + dataDir
                + ", role=" + role.wireName() + ", configFile=" + configFile + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", refreshInterval="
                + refreshInterval + ", outdatedAfter=" + outdatedAfter + ", maxBodyBytes=" + maxBodyBytes
                + ", localToken=" + (localToken == null ? "(none)" : "(set)") + ", " + feedTimings + ", " + kiosk + ", " + kitchen + ", " + alerts + ", " + tls
                + ", retention=" + retention + "]";
    }
}
