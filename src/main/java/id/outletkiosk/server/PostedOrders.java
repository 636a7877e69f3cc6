package id.outletkiosk.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.wire.RowReader;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What a kiosk may post to the store server ({@code POST /api/orders}, PROTOCOL 3.2): an order for an
 * outlet served here, with items within limits no real order comes near; anything else is refused with
 * 400 and a message saying what is wrong.
 */
final class PostedOrders {
    /** Limits no real order comes near: a kiosk sells at most 20 of a dish per line. */
    static final int MAX_LINES = 50;
    static final int MAX_QUANTITY = 99;
    static final int MAX_NOTES = 200;
    static final int MAX_NAME = 80;

    private PostedOrders() {
    }

    /** An order as a kiosk posts it: everything but the id, which the server gives. */
    static Order decode(JsonNode body, Set<Long> servedOutlets, Clock clock) {
        try {
            RowReader row = new RowReader(body, ZoneId.systemDefault());
            Long outlet = row.has("outlet_id") ? row.optionalId("outlet_id") : row.optionalId("outlet");
            if (outlet == null) {
                throw new BadRowException("has no outlet_id");
            }
            if (!servedOutlets.contains(outlet)) {
                throw new BadRowException("is for outlet " + outlet + ", not served here");
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
            checkSensible(items, row.optionalText("customer_name"));
            var created = row.instant("created_at", false);
            return new Order(row.optionalId("central_id"), null, row.optionalText("client_order_id"), null, outlet,
                    status, items, row.has("total_amount") ? row.money("total_amount") : OrderCodec.total(items),
                    created == null ? clock.instant() : created, row.optionalText("customer_name"), null, null)
                    .withWireNumber(row.optionalText("order_number"));
        } catch (BadRowException e) {
            throw new StoreServer.ApiError(400, "order " + e.getMessage());
        }
    }

    private static void checkSensible(List<OrderItem> items, String customerName) {
        if (items.size() > MAX_LINES) {
            throw new BadRowException("has " + items.size() + " lines, more than " + MAX_LINES);
        }
        for (var item : items) {
            if (item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                throw new BadRowException("asks for " + item.quantity() + " of product " + item.productId()
                        + ": quantities are 1 to " + MAX_QUANTITY);
            }
            if (item.notes() != null && item.notes().length() > MAX_NOTES) {
                throw new BadRowException("has notes of " + item.notes().length() + " characters on product "
                        + item.productId() + ", more than " + MAX_NOTES);
            }
        }
        if (customerName != null && customerName.length() > MAX_NAME) {
            throw new BadRowException("has a customer name of " + customerName.length() + " characters, more than "
                    + MAX_NAME);
        }
    }
}
