package id.outletkiosk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.wire.Json;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend that speaks the central contract (PROTOCOL 1.1), for the demo, the tests and the
 * benchmarks: {@code since_version} with one global counter, tombstones, DRF page-number pagination
 * when a page size is asked for or configured, DRF-style token auth and errors, Django's trailing
 * slashes. Admin routes under {@code /admin/api/} change the menu (see {@link MasterDataAdmin}).
 */
public final class ReferenceBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceBackend.class);

    /** How to run it. {@code port} 0 takes a free port. */
    public record Options(String host, int port, String token, int defaultPageSize, ServerTls.Keys tls) {
        public static Options loopback() {
            return new Options("127.0.0.1", 0, null, 0, null);
        }

        public Options withToken(String newToken) {
            return new Options(host, port, newToken, defaultPageSize, tls);
        }

        public Options withPageSize(int pageSize) {
            return new Options(host, port, token, pageSize, tls);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, token, defaultPageSize, tls);
        }

        /** HTTPS and WSS only, with this certificate and key. */
        public Options withTls(ServerTls.Keys keys) {
            return new Options(host, port, token, defaultPageSize, keys);
        }
    }

    private final MasterDataRepository repository;
    private final OrderBook orders;
    private final OutletChannels channels = new OutletChannels();
    private final java.util.concurrent.atomic.AtomicInteger orderFailures = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger statusRefusals = new java.util.concurrent.atomic.AtomicInteger();
    private final Options options;
    private final Javalin app;
    private int boundPort = -1;

    public ReferenceBackend(MasterDataRepository repository, Options options) {
        this(repository, new OrderBook(repository, Clock.systemUTC()), options);
    }

    /** A backend over existing menu and orders: a "restarted" server keeps its data, like a real one's database. */
    public ReferenceBackend(MasterDataRepository repository, OrderBook orders, Options options) {
        this.repository = repository;
        this.orders = orders;
        this.options = options;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.router.ignoreTrailingSlashes = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ClosingErrorHandler()));
            if (options.tls() != null) {
                ServerTls.listen(config, options.tls(), options.host(), options.port());
            }
            routes(config.routes);
        });
    }

    private void routes(RoutesConfig routing) {
        routing.exception(DrfError.class, (error, ctx) -> writeJson(ctx.status(error.status()),
                Json.MAPPER.createObjectNode().put("detail", error.getMessage())));
        routing.before("/api/*", this::checkToken);
        routing.before("/admin/*", this::checkToken);
        routing.wsBefore("/ws/*", ws -> ws.onConnect(ctx -> {
            if (options.token() != null && !("Token " + options.token()).equals(ctx.header("Authorization"))) {
                ctx.closeSession(4003, "Forbidden"); // Daphne refuses the handshake (403); the effect is the same
            }
        }));
        // orders first: "/api/{kind}/" would otherwise take "/api/orders/" for a kind of master data
        new CentralOrderRoutes(orders, channels, this::writeJson, orderFailures, statusRefusals).register(routing);
        routing.get("/api/{kind}/", this::listChanges);
        routing.get("/api/{kind}", ReferenceBackend::appendSlash);
        new MasterDataAdmin(repository).register(routing);
        // pictures are public, as on a CDN: no token (the kiosk never sends it to them)
        new ProductPictures(id -> repository.live(EntityKind.PRODUCTS, id).map(row -> ((Product) row).name())
                .orElse(null)).register(routing);
    }

    /** A backend seeded with the demo menu, already started. */
    public static ReferenceBackend startDemo(Options options, Clock clock) {
        MasterDataRepository repository = new MasterDataRepository();
        SampleMenu.seed(repository, clock);
        return new ReferenceBackend(repository, new OrderBook(repository, clock), options).start();
    }

    public ReferenceBackend start() {
        boundPort = ServerTls.start(app, options.host(), options.port(), options.tls());
        LOG.info("reference backend listening on {}", baseUri());
        return this;
    }

    /** The port it listens (or, once stopped, listened) on. */
    public int port() {
        return boundPort;
    }

    public URI baseUri() {
        return URI.create((options.tls() == null ? "http://" : "https://") + options.host() + ":" + boundPort);
    }

    public MasterDataRepository repository() {
        return repository;
    }

    public OrderBook orders() {
        return orders;
    }

    /** Closes every WebSocket cleanly (code 1000), as a deploy or restart does; the server keeps running. */
    public void closeSockets() {
        channels.closeAll("server going away");
    }

    /** Sends raw text to the outlet's sockets: for testing clients against malformed frames. */
    public void broadcastRaw(long outletId, String text) {
        channels.broadcast(outletId, "raw", text);
    }

    /** The next {@code count} order posts answer 500 with Django's HTML error page: a storm, for tests. */
    public void failNextOrders(int count) {
        orderFailures.set(count);
    }

    /** The next {@code count} status changes (a kitchen's bumps) are refused with 400 and a reason: for tests. */
    public void refuseNextStatusChanges(int count) {
        statusRefusals.set(count);
    }

    public int openSockets() {
        return channels.size();
    }

    /** Pings its order sockets have answered since start. */
    public long pingsAnswered() {
        return channels.pingsAnswered();
    }

    @Override
    public void close() {
        channels.closeAll("server stopping");
        app.stop();
    }

    private void checkToken(Context ctx) {
        if (options.token() == null) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null) {
            throw new DrfError(401, "Authentication credentials were not provided.");
        }
        if (!header.equals("Token " + options.token())) {
            throw new DrfError(401, "Invalid token.");
        }
    }

    /** Django's APPEND_SLASH: a GET without the trailing slash is sent to the URL with it. */
    private static void appendSlash(Context ctx) {
        String query = ctx.queryString();
        ctx.redirect(ctx.path() + "/" + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
    }

    private void listChanges(Context ctx) {
        EntityKind kind = kind(ctx.pathParam("kind"));
        long since = wholeNumber(ctx, "since_version", 0);
        MasterDataRepository.Changes changes = repository.changesSince(kind, since);
        int pageSize = (int) wholeNumber(ctx, "page_size", options.defaultPageSize());
        if (pageSize <= 0) {
            ObjectNode envelope = Json.MAPPER.createObjectNode().put("version", changes.version());
            envelope.putArray("results").addAll(changes.rows());
            writeJson(ctx, envelope);
            return;
        }
        writeJson(ctx, page(ctx, changes.rows(), pageSize));
    }

    /** DRF's PageNumberPagination: count, next, previous, results; no version, so readers use the rows'. */
    private ObjectNode page(Context ctx, List<ObjectNode> rows, int pageSize) {
        int pages = Math.max(1, (rows.size() + pageSize - 1) / pageSize);
        int page = (int) wholeNumber(ctx, "page", 1);
        if (page < 1 || page > pages) {
            throw new DrfError(404, "Invalid page.");
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("count", rows.size());
        putLink(body, "next", page < pages ? pageUrl(ctx, page + 1) : null);
        putLink(body, "previous", page > 1 ? pageUrl(ctx, page - 1) : null);
        body.putArray("results").addAll(rows.subList((page - 1) * pageSize, Math.min(rows.size(), page * pageSize)));
        return body;
    }

    private static void putLink(ObjectNode body, String name, String url) {
        if (url == null) {
            body.putNull(name);
        } else {
            body.put(name, url);
        }
    }

    private static String pageUrl(Context ctx, int page) {
        StringBuilder url = new StringBuilder(ctx.scheme()).append("://").append(ctx.host()).append(ctx.path())
                .append("?page=").append(page);
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("page")) {
                values.forEach(value -> url.append('&').append(name).append('=').append(value));
            }
        });
        return url.toString();
    }

    static EntityKind kind(String name) {
        try {
            return EntityKind.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw new DrfError(404, "Not found.");
        }
    }

    private static long wholeNumber(Context ctx, String name, long absent) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DrfError(400, name + ": A valid integer is required.");
        }
    }

    void writeJson(Context ctx, JsonNode body) {
        try {
            ctx.contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
