package id.outletkiosk.server;

import id.outletkiosk.security.AddressRange;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read the store server's {@code /status} page and {@code /metrics}: anyone from the address ranges
 * the operator allows (setting {@code status-allow}: this PC and the store LAN by default), anyone else only
 * with the outlet's token ({@code Authorization: Token ...}, as for writes). A server without a token opens
 * them to the allowed ranges only. The address is the socket's own: an {@code X-Forwarded-For} header is
 * anyone's to write, so it is never read here.
 */
public final class StatusAccess {
    private static final Logger LOG = LoggerFactory.getLogger(StatusAccess.class);

    /** The two paths guarded; their routes are registered by their own classes. */
    static final List<String> GUARDED_PATHS = List.of("/status", "/metrics");

    static final String REFUSED = "Forbidden: from this address, /status and /metrics need the outlet's token "
            + "(Authorization: Token ...). Allowed without it: setting status-allow.\n";

    private final List<AddressRange> allowed;
    private final OutletToken token;

    StatusAccess(List<AddressRange> allowed, OutletToken token) {
        this.allowed = List.copyOf(allowed);
        this.token = token;
    }

    /** Guards {@link #GUARDED_PATHS} on {@code routing}: a refused request gets 403 and a line saying why. */
    static StatusAccess register(RoutesConfig routing, List<AddressRange> allowed, OutletToken token) {
        StatusAccess access = new StatusAccess(allowed, token);
        for (String path : GUARDED_PATHS) {
            routing.before(path, access::admit);
        }
        return access;
    }

    /** The whole decision: where the request comes from, and the Authorization header it carries (or null). */
    boolean mayRead(InetAddress remote, String authorization) {
        return AddressRange.anyContains(allowed, remote) || token.inHeader(authorization);
    }

    private void admit(Context ctx) {
        String remote = ctx.req().getRemoteAddr(); // the socket's peer: never a forwarded-for header
        if (!mayRead(address(remote), ctx.header("Authorization"))) {
            LOG.info("refused {} to {}: outside status-allow and no outlet token", ctx.path(), remote);
            ctx.skipRemainingHandlers();
            ctx.status(403).contentType("text/plain; charset=utf-8").result(REFUSED);
        }
    }

    /** Jetty gives the peer as an IP literal (IPv6 maybe in brackets, with a zone): never a name for DNS. */
    static InetAddress address(String literal) {
        String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1)
                : literal;
        int zone = bare.indexOf('%');
        return AddressRange.parse(zone < 0 ? bare : bare.substring(0, zone)).network(); // one address: itself
    }
}
