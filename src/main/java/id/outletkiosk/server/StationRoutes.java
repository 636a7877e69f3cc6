package id.outletkiosk.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.wire.RowReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The store server's prep stations (an extension, wire contract 3.2): {@code POST /api/orders/dishes}
 * keeps which dishes of an order its cooks tapped done (with the order, so every screen of the store
 * reads them and a restart loses nothing) and tells the outlet's sockets with an {@code order_updated}
 * frame; {@code PUT /api/stations} keeps what a station cooks and {@code GET /api/stations} answers the
 * outlet's stations, for the expo.
 */
final class StationRoutes {
    private final StoreServerOrders store;
    private final OutletChannels channels;
    private final Set<Long> outlets;

    private StationRoutes(StoreServerOrders store, OutletChannels channels, Set<Long> outlets) {
        this.store = store;
        this.channels = channels;
        this.outlets = outlets;
    }

    /** Adds the routes to {@code app}; {@code requireWriteToken} refuses a write without the outlet's token. */
    static void register(RoutesConfig routing, StoreServerOrders store, OutletChannels channels, Set<Long> outlets,
            Consumer<Context> requireWriteToken) {
        StationRoutes routes = new StationRoutes(store, channels, outlets);
        routing.post("/api/orders/dishes", ctx -> {
            requireWriteToken.accept(ctx);
            routes.markDishes(ctx);
        });
        routing.put("/api/stations", ctx -> {
            requireWriteToken.accept(ctx);
            routes.registerStation(ctx);
        });
        routing.get("/api/stations", routes::listStations);
    }

    /**
     * {@code {"outlet_id": 1, "id": 12, "central_id": 101, "client_order_id": "...", "lines": [0, 2],
     * "done": true}}: the order is found by any key given; answers it with its {@code dishes_done}.
     */
    private void markDishes(Context ctx) {
        JsonNode body = StoreServer.readJson(ctx);
        if (body == null || !body.isObject()) {
            throw new StoreServer.ApiError(400, "body must be an object with the order's keys and its lines");
        }
        try {
            RowReader row = new RowReader(body, ZoneId.systemDefault());
            Order keys = new Order(row.optionalId("central_id"), row.optionalId("id"),
                    row.optionalText("client_order_id"), null, 0, OrderStatus.PENDING, null, null, null, null, null,
                    null);
            if (keys.centralId() == null && keys.localId() == null && keys.clientOrderId() == null) {
                throw new BadRowException("names no order: give id, central_id or client_order_id");
            }
            var lines = OrderCodec.dishesDoneOf(body.get("lines"));
            if (lines == null || lines.lines().isEmpty() || !body.path("done").isBoolean()) {
                throw new BadRowException("needs \"lines\" (line numbers) and \"done\" (true or false)");
            }
            StoreServerOrders.Stored stored = store.markDishes(keys, lines.lines(), body.get("done").asBoolean());
            if (stored == null) {
                throw new StoreServer.ApiError(404, "no such order here yet");
            }
            if (stored.change() == StoreServerOrders.Change.UPDATED) {
                channels.broadcast(stored.order().outletId(), "order_updated",
                        OrderCodec.encode(stored.order(), OrderCodec.Origin.LOCAL));
            }
            ctx.contentType("application/json").result(OrderCodec.encode(stored.order(), OrderCodec.Origin.LOCAL)
                    .toString());
        } catch (BadRowException e) {
            throw new StoreServer.ApiError(400, "dishes " + e.getMessage());
        }
    }

    /** {@code {"outlet_id": 1, "name": "Minuman", "categories": [3, 7]}}: 204. */
    private void registerStation(Context ctx) {
        JsonNode body = StoreServer.readJson(ctx);
        long outlet = body == null ? 0 : body.path("outlet_id").asLong();
        String name = body == null ? null : body.path("name").asText(null);
        JsonNode categories = body == null ? null : body.get("categories");
        if (!outlets.contains(outlet) || name == null || name.isBlank() || name.length() > PostedOrders.MAX_NAME
                || categories == null || !categories.isArray()) {
            throw new StoreServer.ApiError(400, "a station needs a served outlet_id, a name (at most " + PostedOrders.MAX_NAME
                    + " characters) and its categories (a list of ids)");
        }
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (JsonNode id : categories) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                throw new StoreServer.ApiError(400, "station categories must be ids, got " + RowReader.describe(id));
            }
            ids.add(id.asLong());
        }
        store.stations().register(outlet, new KitchenStation(name.strip(), ids));
        ctx.status(204);
    }

    private void listStations(Context ctx) {
        String outletText = ctx.queryParam("outlet_id");
        if (outletText == null) {
            throw new StoreServer.ApiError(400, "outlet_id is required");
        }
        var stations = Json.MAPPER.createArrayNode();
        for (KitchenStation station : store.stations().of(StoreServer.parseLong(outletText, "outlet_id"))) {
            var node = stations.addObject().put("name", station.name());
            station.categoryIds().forEach(node.putArray("categories")::add);
        }
        ctx.contentType("application/json").result(stations.toString());
    }
}
