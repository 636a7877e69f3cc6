package id.outletkiosk.runtime;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.security.Tls;
import id.outletkiosk.sync.FeedEndpoints;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How this terminal reaches central and the store server for live orders: their HTTP clients, their sockets'
 * addresses and tokens, and the TLS each is trusted with. Live orders want a fast verdict on a dead server, so the
 * clients wait a heartbeat's patience, not a menu download's. Closing it closes both clients.
 */
final class OrderServerConnections implements AutoCloseable {
    private final Settings settings;
    private final Tls centralTls;
    private final Tls storeTls;
    private final Duration patience;
    /** Null without a backend. */
    private final BackendClient central;
    /** Null without a store server. */
    private final BackendClient local;

    OrderServerConnections(Settings settings, Tls centralTls, Tls storeTls) {
        this.settings = settings;
        this.centralTls = centralTls;
        this.storeTls = storeTls;
        this.patience = settings.feedTimings().heartbeatTimeout();
        this.central = settings.hasBackend() ? new BackendClient("backend", Setting.TOKEN, settings.backend(),
                settings.token(), connectPatience(), patience, patience.multipliedBy(2), settings.maxBodyBytes(),
                centralTls) : null;
        this.local = settings.localHttp() == null ? null : new BackendClient("store server", Setting.LOCAL_TOKEN,
                settings.localHttp(), settings.localToken(), connectPatience(), patience, patience.multipliedBy(2),
                settings.maxBodyBytes(), storeTls);
    }

    /** How long a connect may take: the configured connect timeout, at most a heartbeat's patience. */
    Duration connectPatience() {
        return settings.connectTimeout().compareTo(patience) <= 0 ? settings.connectTimeout() : patience;
    }

    /** Central's client for live orders and the kitchen's status; null without a backend. */
    BackendClient central() {
        return central;
    }

    /** The central and local order endpoints, their times read in {@code zone} (the outlet's). */
    FeedEndpoints endpoints(ZoneId zone) {
        URI localSocket = settings.localWs() != null ? settings.localWs()
                : settings.localHttp() != null ? FeedEndpoints.localSocketFor(settings.localHttp()) : null;
        return new FeedEndpoints(settings.outlet(),
                central == null ? null : OrderServerClient.central(central, zone),
                settings.hasBackend() ? FeedEndpoints.centralSocketFor(settings.backend(), settings.outlet()) : null,
                settings.token(),
                local == null ? null : OrderServerClient.local(local, zone),
                localSocket, settings.localToken(), centralTls, storeTls, settings.tls().tokenInQuery());
    }

    @Override
    public void close() {
        if (central != null) {
            central.close();
        }
        if (local != null) {
            local.close();
        }
    }
}
