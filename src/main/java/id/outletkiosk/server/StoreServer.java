package id.outletkiosk.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.wire.RowReader;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.security.AddressRange;
import id.outletkiosk.store.StoreServerOrders;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outlet's store server (PROTOCOL 3) on one port: {@code GET /api/orders} (bare array,
 * {@code since_id}), {@code POST /api/orders}, and a WebSocket at {@code /} that pushes order frames and
 * answers pings, so the old web kiosks keep working against it. Unlike the old Node server its orders
 * live in SQLite ({@link StoreServerOrders}). Following the central backend ({@link #follow}) it records
 * every order of the outlet, so a kitchen polling it sees orders whatever the kiosk used.
 *
 * <p>Extension beyond PROTOCOL 3: its order rows carry {@code central_id} when known, and its socket
 * also pushes {@code order_updated}, {@code order_completed} and {@code order_cancelled}.
 */
public final class StoreServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreServer.class);

    /**
     * How to run it. {@code host} is the address to bind: 0.0.0.0 listens on every interface (the store
     * LAN: kiosks must reach it), 127.0.0.1 on this PC only. {@code token} null means open writes and
     * sockets; set, both need {@code Authorization: Token ...}. Orders for outlets not in {@code outlets}
     * are refused. Each client address may make {@code requestsPerSecond} requests a second (bursts of
     * twice that); at most {@code maxSockets} sockets are open; a socket silent for
     * {@code socketIdleTimeout} is closed. {@code tls} null: plain HTTP and WS.
     */
    public record Options(String host, int port, String token, long maxBodyBytes, Set<Long> outlets,
            int requestsPerSecond, int maxSockets, Duration socketIdleTimeout, ServerTls.Keys tls,
            List<AddressRange> statusAllow) {
        public Options {
            outlets = Set.copyOf(outlets);
            statusAllow = List.copyOf(statusAllow);
        }

        /** 127.0.0.1, a free port, outlet 1, no token: tests and the demo. */
        public static Options loopback() {
            return new Options("127.0.0.1", 0, null, 64 * 1024, Set.of(1L), 50, 200, Duration.ofMinutes(2), null,
                    AddressRange.STORE_LAN);
        }

        /** Who reads /status and /metrics without the token (the rest need it): {@link StatusAccess}. */
        public Options withStatusAllow(List<AddressRange> ranges) {
            return new Options(host, port, token, maxBodyBytes, outlets, requestsPerSecond, maxSockets,
                    socketIdleTimeout, tls, ranges);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, token, maxBodyBytes, outlets, requestsPerSecond, maxSockets,
                    socketIdleTimeout, tls, statusAllow);
        }

        public Options withToken(String newToken) {
            return new Options(host, port, newToken, maxBodyBytes, outlets, requestsPerSecond, maxSockets,
                    socketIdleTimeout, tls, statusAllow);
        }

        public Options withLimits(int newRequestsPerSecond, int newMaxSockets, Duration newIdleTimeout) {
            return new Options(host, port, token, maxBodyBytes, outlets, newRequestsPerSecond, newMaxSockets,
                    newIdleTimeout, tls, statusAllow);
        }

        public Options withOutlets(Set<Long> served) {
            return new Options(host, port, token, maxBodyBytes, served, requestsPerSecond, maxSockets,
                    socketIdleTimeout, tls, statusAllow);
        }

        public Options withTls(ServerTls.Keys keys) {
            return new Options(host, port, token, maxBodyBytes, outlets, requestsPerSecond, maxSockets,
                    socketIdleTimeout, keys, statusAllow);
        }
    }

    private final StoreServerOrders store;
    private final Options options;
    private final OutletToken token;
    private final Clock clock;
    private final OutletChannels channels;
    private final RequestRate rate;
    private final ServerMeters meters;
    private final Javalin app;
    private int boundPort = -1;

    public StoreServer(StoreServerOrders store, Options options, Clock clock) {
        this.store = store;
        this.options = options;
        this.token = new OutletToken(options.token());
        this.clock = clock;
        this.meters = new ServerMeters(clock);
        this.channels = new OutletChannels(options.socketIdleTimeout(), meters);
        meters.watch(store, channels::size);
        this.rate = new RequestRate(options.requestsPerSecond(), clock);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.jetty.threadPool = threadPool();
            if (options.tls() != null) {
                ServerTls.listen(config, options.tls(), options.host(), options.port(), SELECTORS);
            } else {
                ServerTls.listenPlain(config, options.host(), options.port(), SELECTORS);
            }
            // GET /api/orders is answered before Javalin: the polls are most of this server's work
            config.jetty.modifyServer(server -> {
                server.insertHandler(new OrderPolls(store, rate, meters));
                server.setErrorHandler(new ClosingErrorHandler());
            });
            config.requestLogger.http(meters::requestAnswered);
            routes(config.routes);
        });
    }

    private void routes(RoutesConfig routing) {
        routing.before("/api/*", ctx -> rate.admit(ctx.ip()));
        routing.exception(ApiError.class, (error, ctx) -> {
            if (error.retryAfterSeconds != null) {
                ctx.header("Retry-After", error.retryAfterSeconds);
            }
            ctx.status(error.status).contentType("application/json").result(error.body());
        });
        routing.error(404, ctx -> {
            if (ctx.result() == null) {
                ctx.contentType("application/json").result("{\"error\": \"no such route\"}");
            }
        });
        routing.post("/api/orders", this::place);
        routing.patch("/api/orders/{id}", this::changeStatus); // extension: a kitchen's bump while central is away
        StationRoutes.register(routing, store, channels, options.outlets(), this::requireWriteToken); // extension
        KitchenStatusRoutes kitchen = KitchenStatusRoutes.register(routing, store.kitchen(), channels,
                options.outlets(), clock, this::requireWriteToken); // extension: the kitchen's open / busy / paused switch
        TerminalHealthRoutes.register(routing, store.terminals(), options.outlets(), clock, this::requireWriteToken);
        StatusAccess.register(routing, options.statusAllow(), token); // before /status and /metrics: who may read
        StatusRoutes.register(routing, store.terminals(), meters::figures, clock); // extension: the store status page
        MetricsRoutes.register(routing, meters);
        routing.wsBefore("/", ws -> ws.onConnect(this::admitSocket));
        routing.ws("/", ws -> channels.configure(ws, ctx -> {
            String outlet = ctx.queryParam("outlet_id");
            return outlet == null ? OutletChannels.ALL_OUTLETS : parseLong(outlet, "outlet_id");
        }, kitchen::greetings));
    }

    /**
     * Jetty's default is 200 threads; on the store's 2 cores, under 50 polling sockets, that many runnable
     * threads took turns on the CPU and made the p99 tail (36 ms in the first 10 s, BENCHMARKS.md). Polls
     * never block and a write holds a thread only for its SQLite commit, so a few threads beyond the
     * acceptor and selectors keep both cores busy. Sockets (also the WebSockets) do not hold a thread.
     */
    static final int MAX_THREADS = 16;

    /**
     * One selector thread, Jetty's default on 2 cores. Under Jetty 11 two were faster (every poll was handed
     * to a pool thread: 91-99k polls/s against 73-84k). Under Jetty 12 the selector answers a cached poll itself,
     * and with one the tail is what matters: p99 1.9-4.0 ms in 6 of 6 rounds at 67-87k polls/s (2.06-2.39x Node),
     * against 4.3-6.1 ms at 75-108k with two (p99 under 5 ms in 4 of 9 rounds), same image, same session
     * (BENCHMARKS.md, issue 16, 2026-12-01, Javalin 7). The system property
     * {@code outletkiosk.store-server.selectors} overrides it, for measuring.
     */
    static final int SELECTORS = Integer.getInteger("outletkiosk.store-server.selectors", 1);

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4);
        pool.setName("store-server");
        return pool;
    }

    /** The server's Jetty thread pool: tests check its bounds. */
    ThreadPool jettyThreadPool() {
        return app.jettyServer().server().getThreadPool();
    }

    /** How Jetty may call its handlers: NON_BLOCKING lets a selector thread answer a poll itself (tests check it). */
    org.eclipse.jetty.util.thread.Invocable.InvocationType invocationType() {
        return app.jettyServer().server().getInvocationType();
    }

    /** The selector threads of its listening connector: tests check them. */
    int selectorThreads() {
        return ServerTls.networkConnector(app, network -> true).getSelectorManager().getSelectorCount();
    }

    public StoreServer start() {
        boundPort = ServerTls.start(app, options.host(), options.port(), options.tls());
        LOG.info("store server listening on {} (orders in SQLite)", baseUri());
        return this;
    }

    public int port() {
        return boundPort;
    }

    public URI baseUri() {
        return URI.create((options.tls() == null ? "http://" : "https://") + options.host() + ":" + boundPort);
    }

    public URI socketUri() {
        return URI.create((options.tls() == null ? "ws://" : "wss://") + options.host() + ":" + boundPort + "/");
    }

    /**
     * An order as central holds it, heard by a terminal that follows central for this server: saved
     * (merged with a kiosk's copy through its client order id) and pushed to the sockets when new.
     */
    public void recordFromCentral(Order order) {
        if (saveAndPush(order.withLocalId(null)).change() == StoreServerOrders.Change.CREATED) {
            meters.orderFromCentral();
        }
    }

    /** Its counters and gauges: {@code GET /metrics} and the status page read them. */
    public ServerMeters meters() {
        return meters;
    }

    /** Closes every WebSocket cleanly: for tests and deploys. */
    public void closeSockets() {
        channels.closeAll("server going away");
    }

    @Override
    public void close() {
        channels.closeAll("server stopping");
        app.stop();
    }

    /**
     * A socket is let in with the outlet token (when one is set: header, or ?token= for clients that
     * cannot set headers), for a known outlet, while there is room; otherwise closed with the reason.
     */
    private void admitSocket(io.javalin.websocket.WsConnectContext ctx) {
        if (token.isSet() && !token.inHeader(ctx.header("Authorization")) && !token.matches(ctx.queryParam("token"))) {
            ctx.closeSession(4003, "the outlet token is required");
        } else if (channels.size() >= options.maxSockets()) {
            LOG.warn("refused a socket from {}: {} already open", ctx.session.getRemoteSocketAddress(), channels.size());
            ctx.closeSession(1013, "too many sockets, try again later");
        } else if (ctx.queryParam("outlet_id") != null && !knownOutlet(ctx.queryParam("outlet_id"))) {
            ctx.closeSession(4004, "unknown outlet");
        }
    }

    private boolean knownOutlet(String text) {
        try {
            return options.outlets().contains(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void changeStatus(Context ctx) {
        requireWriteToken(ctx);
        long id = parseLong(ctx.pathParam("id"), "id");
        JsonNode body = readJson(ctx);
        String name = body == null ? null : body.path("status").asText(null);
        OrderStatus status = name == null ? null : OrderStatus.fromWireName(name);
        if (status == null) {
            throw new ApiError(400, "status must be one of pending, preparing, ready, completed, cancelled");
        }
        StoreServerOrders.Stored stored = store.changeStatus(id, status);
        if (stored == null) {
            throw new ApiError(404, "no order " + id);
        }
        if (stored.change() == StoreServerOrders.Change.UNCHANGED && stored.order().status() != status) {
            throw new ApiError(409, "order " + id + " is " + stored.order().status().wireName()
                    + " and cannot go back to " + status.wireName());
        }
        if (stored.change() == StoreServerOrders.Change.UPDATED) {
            push(stored);
        }
        ctx.contentType("application/json").result(OrderCodec.encode(stored.order(), OrderCodec.Origin.LOCAL).toString());
    }

    private void requireWriteToken(Context ctx) {
        if (token.isSet() && !token.inHeader(ctx.header("Authorization"))) {
            throw new ApiError(401, "writes need the outlet's token (Authorization: Token ...)");
        }
    }

    private void place(Context ctx) {
        requireWriteToken(ctx);
        if (ctx.contentLength() > options.maxBodyBytes()) {
            throw new ApiError(413, "order body larger than " + options.maxBodyBytes() + " bytes");
        }
        JsonNode body = readJson(ctx);
        Order order = PostedOrders.decode(body, options.outlets(), clock);
        StoreServerOrders.Stored stored = saveAndPush(order);
        if (stored.change() == StoreServerOrders.Change.CREATED) {
            meters.orderFromKiosk();
        }
        ctx.status(stored.change() == StoreServerOrders.Change.CREATED ? 201 : 200).contentType("application/json")
                .result(OrderCodec.encode(stored.order(), OrderCodec.Origin.LOCAL).toString());
    }

    private StoreServerOrders.Stored saveAndPush(Order order) {
        StoreServerOrders.Stored stored = store.save(order);
        push(stored);
        return stored;
    }

    private void push(StoreServerOrders.Stored stored) {
        String type = switch (stored.change()) {
            case CREATED -> "new_order";
            case UPDATED -> switch (stored.order().status()) {
                case COMPLETED -> "order_completed";
                case CANCELLED -> "order_cancelled";
                default -> "order_updated";
            };
            case UNCHANGED -> null;
        };
        if (type != null) {
            channels.broadcast(stored.order().outletId(), type, OrderCodec.encode(stored.order(), OrderCodec.Origin.LOCAL));
        }
    }

    static JsonNode readJson(Context ctx) {
        try {
            return Json.read(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            throw new ApiError(400, "body is not valid JSON");
        }
    }

    static long parseLong(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " must be a whole number, got \"" + RowReader.abbreviate(value) + "\"");
        }
    }

    /**
     * A refused request: status and the reason, sent as {@code {"error": reason}}; with a Retry-After when
     * the client should wait.
     */
    static final class ApiError extends RuntimeException {
        final int status;
        final String retryAfterSeconds;

        ApiError(int status, String message) {
            this(status, message, null);
        }

        ApiError(int status, String message, String retryAfterSeconds) {
            super(message);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        String body() {
            return Json.MAPPER.createObjectNode().put("error", getMessage()).toString();
        }
    }
}
