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
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
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

    /** By Jetty session: every context Javalin hands a socket's handlers carries the same one. */
    private final Map<Session, Long> members = new ConcurrentHashMap<>();
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
            join(ctx.session, outlet);
            greetings.apply(outlet).forEach(greeting -> send(ctx.session, KITCHEN_STATUS, greeting));
        });
        ws.onMessage(ctx -> answer(ctx.session, ctx.message()));
        ws.onClose(ctx -> members.remove(ctx.session));
        ws.onError(ctx -> members.remove(ctx.session));
    }

    void join(Session socket, long outletId) {
        members.put(socket, outletId);
    }

    void answer(Session socket, String text) {
        JsonNode message;
        try {
            message = Json.read(text);
        } catch (Exception e) { // an unreadable message
            LOG.debug("ignoring an unreadable message from a socket: {}", e.toString());
            return;
        }
        if (message != null && "ping".equals(message.path("type").asText())) {
            send(socket, "pong", Json.MAPPER.createObjectNode().put("type", "pong")
                    .put("timestamp", message.path("timestamp").asLong()).toString(), pingsAnswered::incrementAndGet);
        }
    }

    /** Sends one text frame of {@code type} (for the meters) to every socket of the outlet. */
    void broadcast(long outletId, String type, String text) {
        members.forEach((socket, outlet) -> {
            if ((outlet == outletId || outlet == ALL_OUTLETS) && socket.isOpen()) {
                send(socket, type, text);
            }
        });
    }

    void broadcast(long outletId, String type, JsonNode data) {
        broadcast(outletId, type, Json.MAPPER.createObjectNode().put("type", type).set("data", data).toString());
    }

    /**
     * Jetty 12 sends without blocking and reports the outcome to a callback (at once, on this thread, when
     * the socket takes the frame): a socket gone meanwhile fails the callback, it throws nothing.
     */
    private void send(Session socket, String type, String text) {
        send(socket, type, text, () -> { });
    }

    private void send(Session socket, String type, String text, Runnable alsoWhenSent) {
        Callback counted = Callback.from(() -> {
            meters.frameSent(type, ORDER_FRAMES.contains(type));
            alsoWhenSent.run();
        }, failure -> {
            meters.frameFailed(type);
            LOG.debug("a socket went away during a send: {}", failure.toString());
        });
        try {
            socket.sendText(text, counted);
        } catch (RuntimeException e) { // a stand-in or a future Jetty that throws instead
            counted.fail(e);
        }
    }

    /** Closes every socket cleanly (code 1000), as a server restart or deploy does. */
    void closeAll(String reason) {
        Set<Session> open = Set.copyOf(members.keySet());
        members.clear();
        open.forEach(socket -> socket.close(1000, reason, Callback.from(() -> { },
                failure -> LOG.debug("socket already gone: {}", failure.toString()))));
    }

}
