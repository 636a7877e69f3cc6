package id.outletkiosk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

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
        long maxBodyBytes) {

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
        return new Settings(newBackend, localHttp, localWs, outlet, token, dataDir, role, configFile, connectTimeout,
                readTimeout, callTimeout, refreshInterval, outdatedAfter, maxBodyBytes);
    }

    @Override
    public String toString() {
        return "Settings[backend=" + backend + ", localHttp=" + localHttp + ", localWs=" + localWs
                + ", outlet=" + outlet + ", token=" + (hasToken() ? "(set)" : "(none)") + ", dataDir=" + dataDir
                + ", role=" + role.wireName() + ", configFile=" + configFile + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", refreshInterval="
                + refreshInterval + ", outdatedAfter=" + outdatedAfter + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
