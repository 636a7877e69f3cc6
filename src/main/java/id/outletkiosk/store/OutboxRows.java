package id.outletkiosk.store;

import id.outletkiosk.model.DishTapEntry;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** How a row of the outbox table becomes the item it keeps: an order, a status change or a station's dish tap. */
final class OutboxRows {
    static final String COLUMNS = "seq, kind, client_order_id, reference, outlet_id, customer_name, items_json, "
            + "promotions_json, kiosk_total, data_version, created_at, state, attempts, last_error, local_copy, "
            + "central_id, order_number, server_total, total_mismatch, target_status, order_central_id, "
            + "order_local_id, order_client_id, order_label, dish_lines, dishes_done, station";

    private OutboxRows() {
    }

    static OutboxItem read(ResultSet rows) throws SQLException {
        return switch (rows.getString("kind")) {
            case "status" -> readStatusChange(rows);
            case "dishes" -> readDishTap(rows);
            default -> readOrder(rows);
        };
    }

    private static StatusChangeEntry readStatusChange(ResultSet rows) throws SQLException {
        long central = rows.getLong("order_central_id");
        Long centralId = rows.wasNull() ? null : central;
        long local = rows.getLong("order_local_id");
        Long localId = rows.wasNull() ? null : local;
        OrderStatus target = OrderStatus.fromWireName(rows.getString("target_status"));
        if (target == null) {
            throw new SQLException("outbox status change " + rows.getLong("seq") + " has no valid target status");
        }
        return new StatusChangeEntry(rows.getLong("seq"), rows.getLong("outlet_id"), target, centralId, localId,
                rows.getString("order_client_id"), rows.getString("order_label"),
                Instant.ofEpochMilli(rows.getLong("created_at")), stateOf(rows), rows.getInt("attempts"),
                rows.getString("last_error"), rows.getBoolean("local_copy"));
    }

    private static DishTapEntry readDishTap(ResultSet rows) throws SQLException {
        long central = rows.getLong("order_central_id");
        Long centralId = rows.wasNull() ? null : central;
        long local = rows.getLong("order_local_id");
        Long localId = rows.wasNull() ? null : local;
        DishesDone lines;
        try {
            lines = OrderCodec.dishesDoneOf(Json.MAPPER.readTree(rows.getString("dish_lines")));
        } catch (IOException | RuntimeException e) {
            throw new SQLException("outbox dish tap " + rows.getLong("seq") + " is unreadable", e);
        }
        return new DishTapEntry(rows.getLong("seq"), rows.getLong("outlet_id"), centralId, localId,
                rows.getString("order_client_id"), rows.getString("order_label"), lines.lines(),
                rows.getBoolean("dishes_done"), rows.getString("station"),
                Instant.ofEpochMilli(rows.getLong("created_at")), stateOf(rows), rows.getInt("attempts"),
                rows.getString("last_error"), rows.getBoolean("local_copy"));
    }

    private static OutboxState stateOf(ResultSet rows) throws SQLException {
        return OutboxState.valueOf(rows.getString("state").toUpperCase(java.util.Locale.ROOT));
    }

    private static OutboxEntry readOrder(ResultSet rows) throws SQLException {
        try {
            List<Long> promotions = new ArrayList<>();
            Json.MAPPER.readTree(rows.getString("promotions_json"))
                    .forEach(node -> promotions.add(node.isNull() ? null : node.asLong()));
            long central = rows.getLong("central_id");
            Long centralId = rows.wasNull() ? null : central;
            String serverTotal = rows.getString("server_total");
            return new OutboxEntry(rows.getLong("seq"), rows.getString("client_order_id"), rows.getString("reference"),
                    rows.getLong("outlet_id"), rows.getString("customer_name"),
                    OrderCodec.items(Json.MAPPER.readTree(rows.getString("items_json")), ZoneId.of("UTC")), promotions,
                    new BigDecimal(rows.getString("kiosk_total")), rows.getLong("data_version"),
                    Instant.ofEpochMilli(rows.getLong("created_at")),
                    stateOf(rows), rows.getInt("attempts"), rows.getString("last_error"), rows.getBoolean("local_copy"), centralId,
                    rows.getString("order_number"), serverTotal == null ? null : new BigDecimal(serverTotal),
                    rows.getBoolean("total_mismatch"));
        } catch (IOException e) {
            throw new SQLException("outbox order " + rows.getLong("seq") + " is unreadable", e);
        }
    }
}
