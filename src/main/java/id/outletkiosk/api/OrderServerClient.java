package id.outletkiosk.api;

import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.RowReader;

import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The order endpoints of one server: the central backend (PROTOCOL 1.2) or the store server
 * (PROTOCOL 3.1, 3.2). Same operations, different paths and id meanings.
 */
public final class OrderServerClient {
    private final BackendClient http;
    private final OrderCodec.Origin origin;
    private final ZoneId zone;

    private OrderServerClient(BackendClient http, OrderCodec.Origin origin, ZoneId zone) {
        this.http = http;
        this.origin = origin;
        this.zone = zone;
    }

    public static OrderServerClient central(BackendClient http, ZoneId zone) {
        return new OrderServerClient(http, OrderCodec.Origin.CENTRAL, zone);
    }

    public static OrderServerClient local(BackendClient http, ZoneId zone) {
        return new OrderServerClient(http, OrderCodec.Origin.LOCAL, zone);
    }

    public OrderCodec.Origin origin() {
        return origin;
    }

    /** The same server's kitchen switch (our store server's extension), on the same connection and token. */
    public KitchenStatusClient kitchenStatus() {
        return new KitchenStatusClient(http, zone);
    }

    /** Orders of the outlet with an id above {@code sinceId}, oldest first. */
    public List<Order> ordersSince(long outletId, long sinceId) throws BackendException {
        // Django keeps its trailing slash; the Node server has none: each exactly as the contract writes it
        HttpUrl url = http.apiUrl(origin == OrderCodec.Origin.CENTRAL ? "orders/" : "orders").newBuilder()
                .addQueryParameter("outlet_id", Long.toString(outletId))
                .addQueryParameter("since_id", Long.toString(sinceId)).build();
        JsonNode root = parse(http.getJson(url, null).bytes(), "order list");
        JsonNode rows = root.isObject() && root.path("results").isArray() ? root.get("results") : root;
        if (!rows.isArray()) {
            throw bad("order list is " + RowReader.describe(root) + ", expected a list of orders");
        }
        List<Order> orders = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            try {
                orders.add(OrderCodec.decode(row, origin, zone));
            } catch (BadRowException e) {
                throw bad("order list row " + index + " " + e.getMessage());
            }
        }
        orders.sort(java.util.Comparator.comparingLong(this::idOf));
        return orders;
    }

    /** Places an order; the server answers with the order and its id (the first one again for a known key). */
    public Order place(NewOrder order, Instant createdAt) throws BackendException {
        return place(order, createdAt, null, null);
    }

    /**
     * @param total     what the customer was charged, sent to the store server (central computes its own);
     *                  null to let it be the sum of the item prices
     * @param centralId central's id when central already took the order: our store server links the two
     *                  at once (an extension; a store server without it ignores the field)
     */
    public Order place(NewOrder order, Instant createdAt, java.math.BigDecimal total, Long centralId)
            throws BackendException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put(origin == OrderCodec.Origin.CENTRAL ? "outlet" : "outlet_id", order.outletId());
        body.put("client_order_id", order.clientOrderId());
        body.put("customer_name", order.customerName());
        body.set("items", OrderCodec.encodeItems(order.items()));
        if (origin == OrderCodec.Origin.LOCAL) {
            body.put("status", OrderStatus.PENDING.wireName());
            body.put("total_amount", (total != null ? total : OrderCodec.total(order.items())).toPlainString());
            body.put("created_at", createdAt.toString());
            // the number the customer holds: a store server that follows the contract keeps the order's
            // fields, so every screen of the store calls this order by it (central numbers its own)
            if (order.reference() != null) {
                body.put("order_number", order.reference());
            }
            if (centralId != null) {
                body.put("central_id", centralId);
            }
        }
        HttpUrl url = http.apiUrl(origin == OrderCodec.Origin.CENTRAL ? "public/order-groups/" : "orders");
        return decodeOne(http.sendJson(url, "POST", body).bytes());
    }

    /** Moves an order to a new status (a cook's bump); answers the order as the server now has it. */
    public Order changeStatus(long id, OrderStatus status) throws BackendException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", status.wireName());
        HttpUrl url = http.apiUrl(origin == OrderCodec.Origin.CENTRAL ? "orders/" + id + "/" : "orders/" + id);
        return decodeOne(http.sendJson(url, "PATCH", body).bytes());
    }

    /**
     * Our store server's extension: marks {@code lines} of the order (named by every key known) done or
     * not; answers the order with its dishes done. A store server without it answers 404, like an order
     * it does not know yet.
     */
    public Order markDishes(Order keys, java.util.Collection<Integer> lines, boolean done) throws BackendException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("outlet_id", keys.outletId());
        body.put("id", keys.localId());
        body.put("central_id", keys.centralId());
        body.put("client_order_id", keys.clientOrderId());
        lines.forEach(body.putArray("lines")::add);
        body.put("done", done);
        return decodeOne(http.sendJson(http.apiUrl("orders/dishes"), "POST", body).bytes());
    }

    /** Our store server's extension: this station's name and the categories it cooks. */
    public void registerStation(long outletId, KitchenStation station) throws BackendException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("outlet_id", outletId).put("name", station.name());
        station.categoryIds().forEach(body.putArray("categories")::add);
        http.sendJson(http.apiUrl("stations"), "PUT", body);
    }

    /**
     * Our store server's extension: this terminal's health report ({@code body} as the store's codec
     * writes it). A store server without the route answers 404, a {@link BackendException.Problem#REJECTED}.
     */
    public void reportHealth(JsonNode body) throws BackendException {
        http.sendJson(http.apiUrl("terminals/health"), "POST", body);
    }

    /** Our store server's extension: the outlet's stations, as their screens announced them. */
    public List<KitchenStation> stations(long outletId) throws BackendException {
        HttpUrl url = http.apiUrl("stations").newBuilder().addQueryParameter("outlet_id", Long.toString(outletId))
                .build();
        JsonNode root = parse(http.getJson(url, null).bytes(), "station list");
        if (!root.isArray()) {
            throw bad("station list is " + RowReader.describe(root) + ", expected a list");
        }
        List<KitchenStation> stations = new ArrayList<>();
        for (JsonNode row : root) {
            String name = row.path("name").asText(null);
            if (name == null || !row.path("categories").isArray()) {
                throw bad("station list row " + RowReader.describe(row));
            }
            List<Long> categories = new ArrayList<>();
            row.get("categories").forEach(id -> categories.add(id.asLong()));
            stations.add(new KitchenStation(name, categories));
        }
        return stations;
    }

    private Order decodeOne(byte[] bytes) throws BackendException {
        try {
            return OrderCodec.decode(parse(bytes, "order"), origin, zone);
        } catch (BadRowException e) {
            throw bad("order " + e.getMessage());
        }
    }

    private long idOf(Order order) {
        Long id = origin == OrderCodec.Origin.CENTRAL ? order.centralId() : order.localId();
        return id == null ? 0 : id;
    }

    private JsonNode parse(byte[] bytes, String what) throws BackendException {
        try {
            JsonNode node = Json.read(bytes);
            if (node == null) {
                throw bad(what + " answer is empty");
            }
            return node;
        } catch (JacksonException e) {
            throw bad(what + " answer is not valid JSON");
        } catch (IOException e) {
            throw bad(what + " answer could not be read");
        }
    }

    private BackendException bad(String problem) {
        String server = origin == OrderCodec.Origin.CENTRAL ? "backend" : "store server";
        return new BackendException(BackendException.Problem.BAD_DATA, server + " sent a bad " + problem);
    }
}
