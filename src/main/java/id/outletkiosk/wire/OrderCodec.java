package id.outletkiosk.wire;

import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.RowReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders on the wire (PROTOCOL 1.2, 2, 3), both ways. The same JSON {@code id} means the central id in
 * the backend's answers and frames, and the store server's id in its answers: the caller says which.
 */
public final class OrderCodec {
    /** Who sent the order: decides what its {@code id} is. */
    public enum Origin {
        CENTRAL, LOCAL
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_QUANTITY = 999;

    private OrderCodec() {
    }

    public static Order decode(JsonNode node, Origin origin, ZoneId zone) {
        RowReader row = new RowReader(node, zone);
        long id = row.requiredId("id");
        Long outlet = row.has("outlet_id") ? row.optionalId("outlet_id") : row.optionalId("outlet");
        if (outlet == null) {
            throw new BadRowException("has no outlet_id or outlet");
        }
        String statusName = row.requiredText("status");
        OrderStatus status = OrderStatus.fromWireName(statusName);
        if (status == null) {
            throw new BadRowException("status must be pending, preparing, ready, completed or cancelled, got \""
                    + RowReader.abbreviate(statusName) + "\"");
        }
        Long centralId = origin == Origin.CENTRAL ? Long.valueOf(id) : row.optionalId("central_id");
        Long localId = origin == Origin.LOCAL ? Long.valueOf(id) : null;
        return new Order(centralId, localId, row.optionalText("client_order_id"), null,
                outlet, status, items(node.get("items"), zone),
                row.has("total_amount") ? row.money("total_amount") : null, row.instant("created_at", false),
                row.optionalText("customer_name"), null, dishesDoneOf(node.get("dishes_done")))
                .withWireNumber(row.optionalText("order_number"));
    }

    /**
     * Our store server's extension: the lines of the order the cooks tapped done. Absent (any other server)
     * is null, "not said"; anything but a list of line numbers is a bad row.
     */
    public static DishesDone dishesDoneOf(JsonNode lines) {
        if (lines == null || lines.isNull()) {
            return null;
        }
        if (!lines.isArray()) {
            throw new BadRowException("dishes_done must be a list of line numbers, got " + RowReader.describe(lines));
        }
        List<Integer> done = new ArrayList<>(lines.size());
        for (JsonNode line : lines) {
            if (!line.canConvertToInt() || !line.isIntegralNumber() || line.intValue() < 0 || line.intValue() >= 1000) {
                throw new BadRowException("dishes_done holds " + RowReader.describe(line) + ", not a line number");
            }
            done.add(line.intValue());
        }
        return new DishesDone(done);
    }

    /** The extension field as our store server writes it. */
    public static ArrayNode encodeDishesDone(DishesDone done) {
        ArrayNode lines = NODES.arrayNode();
        done.lines().forEach(lines::add);
        return lines;
    }

    /** Items as the kiosk posts them and the servers echo them: {@code product} is an id or a nested object. */
    public static List<OrderItem> items(JsonNode items, ZoneId zone) {
        if (items == null || items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            throw new BadRowException("items must be a list, got " + RowReader.describe(items));
        }
        List<OrderItem> decoded = new ArrayList<>(items.size());
        int index = 0;
        for (JsonNode item : items) {
            index++;
            try {
                RowReader line = new RowReader(item, zone);
                Long product = line.has("product") ? line.optionalId("product") : line.optionalId("product_id");
                if (product == null) {
                    throw new BadRowException("has no product");
                }
                int quantity = line.wholeNumber("quantity", 1);
                if (quantity < 1 || quantity > MAX_QUANTITY) {
                    throw new BadRowException("quantity must be 1 to " + MAX_QUANTITY + ", got " + quantity);
                }
                String name = line.optionalText("product_name");
                if (name == null && item.path("product").isObject()) {
                    name = new RowReader(item.get("product"), zone).optionalText("name");
                }
                decoded.add(new OrderItem(product, name, quantity,
                        line.has("price") ? line.money("price") : null, line.optionalText("notes")));
            } catch (BadRowException e) {
                throw new BadRowException("item " + index + " " + e.getMessage());
            }
        }
        return decoded;
    }

    /**
     * The full shape: REST answers (outlet as {@code outlet}) and the store server's answers (as
     * {@code outlet_id}), with every key known.
     */
    public static ObjectNode encode(Order order, Origin origin) {
        ObjectNode node = NODES.objectNode();
        node.put("id", origin == Origin.CENTRAL ? order.centralId() : order.localId());
        node.put("order_number", origin == Origin.CENTRAL ? order.orderNumber() : order.wireNumber());
        node.put(origin == Origin.CENTRAL ? "outlet" : "outlet_id", order.outletId());
        node.put("status", order.status().wireName());
        node.set("items", encodeItems(order.items()));
        node.put("total_amount", order.totalAmount() == null ? null : order.totalAmount().toPlainString());
        node.put("created_at", order.createdAt() == null ? null : order.createdAt().toString());
        node.put("client_order_id", order.clientOrderId());
        node.put("customer_name", order.customerName());
        if (origin == Origin.LOCAL && order.centralId() != null) {
            node.put("central_id", order.centralId()); // extension: lets clients link the two ids at once
        }
        if (origin == Origin.LOCAL && order.dishesDone() != null) {
            node.set("dishes_done", encodeDishesDone(order.dishesDone())); // extension: dishes tapped done
        }
        return node;
    }

    /** The broadcast shape of Django Channels: exactly the seven keys, outlet as {@code outlet_id}. */
    public static ObjectNode encodeBroadcast(Order order) {
        ObjectNode node = NODES.objectNode();
        node.put("id", order.centralId());
        node.put("order_number", order.orderNumber());
        node.put("outlet_id", order.outletId());
        node.put("status", order.status().wireName());
        node.set("items", encodeItems(order.items()));
        node.put("total_amount", order.totalAmount() == null ? null : order.totalAmount().toPlainString());
        node.put("created_at", order.createdAt() == null ? null : order.createdAt().toString());
        return node;
    }

    public static ArrayNode encodeItems(List<OrderItem> items) {
        ArrayNode array = NODES.arrayNode();
        for (OrderItem item : items) {
            ObjectNode line = array.addObject();
            line.put("product", item.productId());
            if (item.productName() != null) {
                line.put("product_name", item.productName());
            }
            line.put("quantity", item.quantity());
            if (item.unitPrice() != null) {
                line.put("price", item.unitPrice().toPlainString());
            }
            line.put("notes", item.notes());
        }
        return array;
    }

    /** Total of the lines that carry a price. */
    public static BigDecimal total(List<OrderItem> items) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderItem item : items) {
            if (item.unitPrice() != null) {
                total = total.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
            }
        }
        return RowReader.normalize(total);
    }

}
