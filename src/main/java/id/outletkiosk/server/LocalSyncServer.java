package id.outletkiosk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.outletkiosk.api.BadRowException;
import id.outletkiosk.api.Json;
import id.outletkiosk.api.OrderCodec;
import id.outletkiosk.api.RowReader;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.LocalOrderStore;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.RealtimeFeed;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's local sync server (PROTOCOL 3) on one port: {@code GET /api/orders} (bare array,
 * {@code since_id}), {@code POST /api/orders}, and a WebSocket at {@code /} that pushes order frames and
 * answers pings, so the old web kiosks keep working against it. Unlike the old Node server its orders
 * live in SQLite ({@link LocalOrderStore}). Following the central backend ({@link #follow}) it records
 * every order of the outlet, so a kitchen polling it sees orders whatever the kiosk used.
 *
 * <p>Extension beyond PROTOCOL 3: its order rows carry {@code central_id} when known, and its socket
 * also pushes {@code order_updated}, {@code order_completed} and {@code order_cancelled}.
 */
public final class LocalSyncServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSyncServer.class);

    /** How to run it. {@code host} 0.0.0.0 listens on the store LAN; {@code token} null means open writes. */
    public record Options(String host, int port, String token, long maxBodyBytes) {
        public static Options loopback() {
            return new Options("127.0.0.1", 0, null, 64 * 1024);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, token, maxBodyBytes);
        }

        public Options withToken(String newToken) {
            return new Options(host, port, newToken, maxBodyBytes);
        }
    }

    private final LocalOrderStore store;
    private final Options options;
    private final Clock clock;
    private final ObjectMapper mapper = Json.newMapper();
    private final OutletChannels channels = new OutletChannels();
    private final Javalin app;
    private int boundPort = -1;

    public LocalSyncServer(LocalOrderStore store, Options options, Clock clock) {
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = options.maxBodyBytes();
        });
        app.exception(ApiError.class, (error, ctx) -> ctx.status(error.status).contentType("application/json")
                .result(mapper.createObjectNode().put("error", error.getMessage()).toString()));
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                ctx.contentType("application/json").result("{\"error\": \"no such route\"}");
            }
        });
        app.get("/api/orders", this::list);
        app.post("/api/orders", this::place);
        app.patch("/api/orders/{id}", this::changeStatus); // extension: a kitchen's bump while central is away
        app.ws("/", ws -> channels.configure(ws, ctx -> {
            String outlet = ctx.queryParam("outlet_id");
            return outlet == null ? OutletChannels.ALL_OUTLETS : parseLong(outlet, "outlet_id");
        }));
    }

    public LocalSyncServer start() {
        app.start(options.host(), options.port());
        boundPort = app.port();
        LOG.info("local sync server listening on {} (orders in SQLite)", baseUri());
        return this;
    }

    public int port() {
        return boundPort;
    }

    public URI baseUri() {
        return URI.create("http://" + options.host() + ":" + boundPort);
    }

    public URI socketUri() {
        return URI.create("ws://" + options.host() + ":" + boundPort + "/");
    }

    /** Records every order event of a feed that follows the central backend, and pushes what is new. */
    public void follow(RealtimeFeed centralFeed) {
        centralFeed.addListener(new FeedListener() {
            @Override
            public void onOrder(OrderEvent event) {
                saveAndPush(event.order().withLocalId(null));
            }
        });
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

    private void list(Context ctx) {
        String outlet = ctx.queryParam("outlet_id");
        if (outlet == null) {
            throw new ApiError(400, "outlet_id is required");
        }
        String since = ctx.queryParam("since_id");
        ctx.contentType("application/json").result(store.sinceJson(parseLong(outlet, "outlet_id"),
                since == null ? 0 : parseLong(since, "since_id")));
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
        LocalOrderStore.Stored stored = store.changeStatus(id, status);
        if (stored == null) {
            throw new ApiError(404, "no order " + id);
        }
        if (stored.change() == LocalOrderStore.Change.UNCHANGED && stored.order().status() != status) {
            throw new ApiError(409, "order " + id + " is " + stored.order().status().wireName()
                    + " and cannot go back to " + status.wireName());
        }
        if (stored.change() == LocalOrderStore.Change.UPDATED) {
            push(stored);
        }
        ctx.contentType("application/json").result(OrderCodec.encode(stored.order(), OrderCodec.Origin.LOCAL).toString());
    }

    private void requireWriteToken(Context ctx) {
        if (options.token() != null && !("Token " + options.token()).equals(ctx.header("Authorization"))) {
            throw new ApiError(401, "writes need the outlet's token (Authorization: Token ...)");
        }
    }

    private void place(Context ctx) {
        requireWriteToken(ctx);
        if (ctx.contentLength() > options.maxBodyBytes()) {
            throw new ApiError(413, "order body larger than " + options.maxBodyBytes() + " bytes");
        }
        JsonNode body = readJson(ctx);
        Order order = decodePosted(body);
        LocalOrderStore.Stored stored = saveAndPush(order);
        ctx.status(stored.change() == LocalOrderStore.Change.CREATED ? 201 : 200).contentType("application/json")
                .result(OrderCodec.encode(stored.order(), OrderCodec.Origin.LOCAL).toString());
    }

    private LocalOrderStore.Stored saveAndPush(Order order) {
        LocalOrderStore.Stored stored = store.save(order);
        push(stored);
        return stored;
    }

    private void push(LocalOrderStore.Stored stored) {
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

    /** An order as a kiosk posts it: everything but the id, which this server gives. */
    private Order decodePosted(JsonNode body) {
        try {
            RowReader row = new RowReader(body, ZoneId.systemDefault());
            Long outlet = row.has("outlet_id") ? row.optionalId("outlet_id") : row.optionalId("outlet");
            if (outlet == null) {
                throw new BadRowException("has no outlet_id");
            }
            String statusName = row.optionalText("status");
            OrderStatus status = statusName == null ? OrderStatus.PENDING : OrderStatus.fromWireName(statusName);
            if (status == null) {
                throw new BadRowException("status \"" + RowReader.abbreviate(statusName) + "\" is not a status");
            }
            var items = OrderCodec.items(body.get("items"), ZoneId.systemDefault());
            if (items.isEmpty()) {
                throw new BadRowException("has no items");
            }
            var created = row.instant("created_at", false);
            return new Order(row.optionalId("central_id"), null, row.optionalText("client_order_id"),
                    row.optionalText("order_number"), outlet, status, items,
                    row.has("total_amount") ? row.money("total_amount") : OrderCodec.total(items),
                    created == null ? clock.instant() : created, row.optionalText("customer_name"));
        } catch (BadRowException e) {
            throw new ApiError(400, "order " + e.getMessage());
        }
    }

    private JsonNode readJson(Context ctx) {
        try {
            return mapper.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            throw new ApiError(400, "body is not valid JSON");
        }
    }

    private static long parseLong(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " must be a whole number, got \"" + RowReader.abbreviate(value) + "\"");
        }
    }

    /** A refused request: status and the reason, sent as {@code {"error": reason}}. */
    private static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
