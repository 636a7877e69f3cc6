package id.outletkiosk.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.wire.Json;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open order WebSockets grouped by outlet, like Channels' {@code outlet_{id}} groups: broadcasts go to
 * every socket of the outlet (and to sockets that asked for all outlets); {@code ping} is answered
 * with {@code pong} carrying the same timestamp.
 */
final class OutletChannels {
    /** A socket that joined without naming an outlet hears every outlet. */
    static final long ALL_OUTLETS = -1;
    private static final Logger LOG = LoggerFactory.getLogger(OutletChannels.class);
    static final String KITCHEN_STATUS = "kitchen_status_changed";
    /** Frames that carry one order each: each one sent is an order served. */
    private static final Set<String> ORDER_FRAMES = Set.of("new_order", "order_updated", "order_completed",
            "order_cancelled");

    private final Map<WsContext, Long> members = new ConcurrentHashMap<>();
    private final java.time.Duration idleTimeout;
    private final java.util.concurrent.atomic.AtomicLong pingsAnswered = new java.util.concurrent.atomic.AtomicLong();
    private final ServerMeters meters;

    /**
     * @param idleTimeout a socket silent this long is closed (clients ping every few seconds)
     * @param meters      counts the frames sent
     */
    OutletChannels(java.time.Duration idleTimeout, ServerMeters meters) {
        this.idleTimeout = idleTimeout;
        this.meters = meters;
    }

    /** The reference backend's: nobody reads its meters. */
    OutletChannels() {
        this(java.time.Duration.ofMinutes(10), new ServerMeters(java.time.Clock.systemUTC()));
    }

    /** Sockets open now. */
    int size() {
        return members.size();
    }

    /** Pings answered since start: how often clients check their sockets. */
    long pingsAnswered() {
        return pingsAnswered.get();
    }

    /** Wires a WebSocket route: joins on connect (outlet from {@code outletOf}), pongs pings, leaves on close. */
    void configure(WsConfig ws, ToLongFunction<WsContext> outletOf) {
        configure(ws, outletOf, outlet -> List.of());
    }

    /** As {@link #configure(WsConfig, ToLongFunction)}; a joining socket first hears {@code greetings} of its outlet. */
    void configure(WsConfig ws, ToLongFunction<WsContext> outletOf, LongFunction<List<String>> greetings) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(idleTimeout);
            long outlet = outletOf.applyAsLong(ctx);
            // joined first, so no change made meanwhile is missed; a greeting older than a frame it
            // follows carries the older changed_at, which clients ignore
            join(ctx, outlet);
            greetings.apply(outlet).forEach(greeting -> send(ctx, KITCHEN_STATUS, greeting));
        });
        ws.onMessage(ctx -> answer(ctx, ctx.message()));
        ws.onClose(ctx -> members.remove(ctx));
        ws.onError(ctx -> members.remove(ctx));
    }

    void join(WsContext ctx, long outletId) {
        members.put(ctx, outletId);
    }

    void answer(WsContext ctx, String text) {
        try {
            JsonNode message = Json.read(text);
            if (message != null && "ping".equals(message.path("type").asText())) {
                ctx.send(Json.MAPPER.createObjectNode().put("type", "pong")
                        .put("timestamp", message.path("timestamp").asLong()).toString());
                pingsAnswered.incrementAndGet();
                meters.frameSent("pong", false);
            }
        } catch (Exception e) { // an unreadable message, or a socket gone while we pong (Jetty's EofException)
            LOG.debug("ignoring an unreadable message from a socket: {}", e.toString());
        }
    }

    /** Sends one text frame of {@code type} (for the meters) to every socket of the outlet. */
    void broadcast(long outletId, String type, String text) {
        members.forEach((ctx, outlet) -> {
            if ((outlet == outletId || outlet == ALL_OUTLETS) && ctx.session.isOpen()) {
                send(ctx, type, text);
            }
        });
    }

    void broadcast(long outletId, String type, JsonNode data) {
        broadcast(outletId, type, Json.MAPPER.createObjectNode().put("type", type).set("data", data).toString());
    }

    private void send(WsContext ctx, String type, String text) {
        try {
            ctx.send(text);
            meters.frameSent(type, ORDER_FRAMES.contains(type));
        } catch (Exception e) { // Javalin (Kotlin) rethrows Jetty's checked EofException unchecked
            meters.frameFailed(type);
            LOG.debug("a socket went away during a broadcast: {}", e.toString());
        }
    }

    /** Closes every socket cleanly (code 1000), as a server restart or deploy does. */
    void closeAll(String reason) {
        Set<WsContext> open = Set.copyOf(members.keySet());
        members.clear();
        open.forEach(ctx -> {
            try {
                ctx.closeSession(1000, reason);
            } catch (Exception e) { // Jetty's checked exceptions arrive unchecked through Javalin
                LOG.debug("socket already gone: {}", e.toString());
            }
        });
    }

}
