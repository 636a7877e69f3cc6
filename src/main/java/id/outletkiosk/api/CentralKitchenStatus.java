package id.outletkiosk.api;

import id.outletkiosk.model.KitchenState;
import id.outletkiosk.wire.KitchenStateCodec;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that tells central the kitchen's state. The wire contract has no route for it (central
 * only sends {@code kitchen_status_changed}), so the route is a setting ({@code central-kitchen-status-path},
 * a path on the backend that takes the frame's {@code data} as a POST body and broadcasts it to the
 * outlet's sockets, as the reference backend's {@code /admin/api/kitchen-status/} does). Without it
 * nothing is sent to central; that is said once in the log.
 */
public final class CentralKitchenStatus {
    private static final Logger LOG = LoggerFactory.getLogger(CentralKitchenStatus.class);

    private final BackendClient http;
    private final String path;
    private final AtomicBoolean saidNoRoute = new AtomicBoolean();

    /**
     * @param http central's client, null when there is no central backend
     * @param path the route on the backend, e.g. {@code /admin/api/kitchen-status/}; null for none
     */
    public CentralKitchenStatus(BackendClient http, String path) {
        this.http = http;
        this.path = path == null || path.isBlank() ? null : path;
    }

    /** Whether anything is sent to central at all. */
    public boolean hasRoute() {
        if (http == null || path == null) {
            if (saidNoRoute.compareAndSet(false, true)) {
                LOG.info("the kitchen's state is not sent to central: {}", http == null ? "no backend configured"
                        : "central-kitchen-status-path is not set (the wire contract has no such route)");
            }
            return false;
        }
        return true;
    }

    /** Sends the state to central's route; call only when {@link #hasRoute()}. */
    public void send(long outletId, KitchenState state) throws BackendException {
        HttpUrl base = http.baseUrl();
        String prefix = base.encodedPath().replaceAll("/+$", "");
        HttpUrl url = base.newBuilder().encodedPath(prefix + (path.startsWith("/") ? path : "/" + path)).build();
        http.sendJson(url, "POST", KitchenStateCodec.encode(outletId, state));
    }
}
