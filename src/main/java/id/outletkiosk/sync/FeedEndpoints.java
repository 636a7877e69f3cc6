package id.outletkiosk.sync;

import id.outletkiosk.security.Tls;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.FeedMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the realtime feed finds orders, best first. A missing part (null) removes its tier: no central
 * client or socket, no ONLINE tier; no local socket, no LOCAL tier; no local client, no LOCAL and no
 * POLLING tier.
 */
public record FeedEndpoints(
        long outletId,
        OrderServerClient central,
        URI centralSocket,
        String centralToken,
        OrderServerClient local,
        URI localSocket,
        String localToken,
        Tls centralTls,
        Tls localTls,
        boolean tokenInQuery) {

    /** Endpoints trusting the system's store only, tokens in headers only. */
    public FeedEndpoints(long outletId, OrderServerClient central, URI centralSocket, String centralToken,
            OrderServerClient local, URI localSocket, String localToken) {
        this(outletId, central, centralSocket, centralToken, local, localSocket, localToken, null, null, false);
    }

    /** The tiers these endpoints allow, best first (OFFLINE, always there, is not listed). */
    public List<FeedMode> tiers() {
        List<FeedMode> tiers = new ArrayList<>(3);
        if (central != null && centralSocket != null) {
            tiers.add(FeedMode.ONLINE);
        }
        if (local != null && localSocket != null) {
            tiers.add(FeedMode.LOCAL);
        }
        if (local != null) {
            tiers.add(FeedMode.POLLING);
        }
        return tiers;
    }

    /** {@code ws(s)://host/ws/outlet/{id}/} from the backend's {@code http(s)://host[/prefix]}. */
    public static URI centralSocketFor(URI backend, long outletId) {
        String scheme = "https".equalsIgnoreCase(backend.getScheme()) ? "wss" : "ws";
        String path = backend.getPath() == null ? "" : backend.getPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + backend.getRawAuthority() + path + "/ws/outlet/" + outletId + "/");
    }

    /** The store server's socket on its HTTP port when none is configured: the old server serves both there. */
    public static URI localSocketFor(URI localHttp) {
        String scheme = "https".equalsIgnoreCase(localHttp.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + localHttp.getRawAuthority() + "/");
    }
}
