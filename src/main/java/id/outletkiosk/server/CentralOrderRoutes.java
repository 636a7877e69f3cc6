package id.outletkiosk.server;

import id.outletkiosk.wire.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.wire.RowReader;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;

/**
 * The reference backend's orders: REST of PROTOCOL 1.2 and the outlet WebSocket of PROTOCOL 2, which
 * broadcasts each change of the {@link OrderBook} to group {@code outlet_{id}} with the seven keys only.
 */
final class CentralOrderRoutes {
    private final OrderBook orders;
    private final OutletChannels channels;
    private final JsonWriter json;
    private final java.util.concurrent.atomic.AtomicInteger failures;
    private final java.util.concurrent.atomic.AtomicInteger statusRefusals;

    /** Writes a JSON answer. */
    interface JsonWriter {
        void write(Context ctx, JsonNode body);
    }

    CentralOrderRoutes(OrderBook orders, OutletChannels channels, JsonWriter json,
            java.util.concurrent.atomic.AtomicInteger failures, java.util.concurrent.atomic.AtomicInteger statusRefusals) {
        this.failures = failures;
        this.statusRefusals = statusRefusals;
        this.orders = orders;
        this.channels = channels;
        this.json = json;
        orders.onChange((type, order) -> channels.broadcast(order.outletId(), type, OrderCodec.encodeBroadcast(order)));
    }

    void register(RoutesConfig routing) {
        routing.post("/api/public/order-groups/", this::place);
        routing.get("/api/orders/", this::list);
        routing.patch("/api/orders/{id}/", this::changeStatus);
        routing.post("/admin/api/kitchen-status/", this::kitchenStatus);
        routing.ws("/ws/outlet/{id}/", ws -> channels.configure(ws, ctx -> Long.parseLong(ctx.pathParam("id"))));
    }

    private void place(Context ctx) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ctx.status(500).contentType("text/html").result("<html><title>Server Error (500)</title></html>");
            return;
        }
        JsonNode body = readBody(ctx);
        NewOrder request;
        try {
            RowReader row = new RowReader(body, ZoneId.systemDefault());
            Long outlet = row.optionalId("outlet");
            if (outlet == null) {
                throw new DrfError(400, "outlet: This field is required.");
            }
            request = new NewOrder(outlet, row.optionalText("client_order_id"), row.optionalText("customer_name"),
                    OrderCodec.items(body.get("items"), ZoneId.systemDefault()), null);
        } catch (BadRowException e) {
            throw new DrfError(400, "order " + e.getMessage());
        }
        try {
            OrderBook.Placement placement = orders.place(request);
            json.write(ctx.status(placement.created() ? 201 : 200),
                    OrderCodec.encode(placement.order(), OrderCodec.Origin.CENTRAL));
        } catch (OrderBook.Refusal refusal) {
            writeRefusal(ctx, refusal);
        }
    }

    private void list(Context ctx) {
        long outlet = number(ctx, "outlet_id");
        long since = ctx.queryParam("since_id") == null ? 0 : number(ctx, "since_id");
        ArrayNode rows = Json.MAPPER.createArrayNode();
        orders.since(outlet, since).forEach(order -> rows.add(OrderCodec.encode(order, OrderCodec.Origin.CENTRAL)));
        json.write(ctx, rows);
    }

    private void changeStatus(Context ctx) {
        long id = number(ctx.pathParam("id"), "id");
        JsonNode body = readBody(ctx);
        OrderStatus status = OrderStatus.fromWireName(body.path("status").asText());
        if (status == null) {
            throw new DrfError(400, "status: \"" + body.path("status").asText() + "\" is not a valid choice.");
        }
        if (statusRefusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            writeRefusal(ctx, new OrderBook.Refusal("status", "The outlet has locked this order for changes."));
            return;
        }
        try {
            Order order = orders.changeStatus(id, status).orElseThrow(() -> new DrfError(404, "Not found."));
            json.write(ctx, OrderCodec.encode(order, OrderCodec.Origin.CENTRAL));
        } catch (OrderBook.Refusal refusal) {
            writeRefusal(ctx, refusal);
        }
    }

    private void kitchenStatus(Context ctx) {
        JsonNode body = readBody(ctx);
        long outlet = body.path("outlet_id").asLong();
        channels.broadcast(outlet, "kitchen_status_changed", body);
        ctx.status(204);
    }

    private void writeRefusal(Context ctx, OrderBook.Refusal refusal) {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.putArray(refusal.field()).add(refusal.getMessage());
        json.write(ctx.status(400), error);
    }

    private JsonNode readBody(Context ctx) {
        try {
            JsonNode body = Json.read(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw new DrfError(400, "Expected a JSON object.");
            }
            return body;
        } catch (java.io.IOException e) {
            throw new DrfError(400, "JSON parse error.");
        }
    }

    private static long number(Context ctx, String name) {
        return number(ctx.queryParam(name), name);
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DrfError(400, name + ": A valid integer is required.");
        }
    }
}
