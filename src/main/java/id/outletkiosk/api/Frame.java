package id.outletkiosk.api;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEventType;

/** One text frame of an order WebSocket (PROTOCOL 2 and 3.3), decoded. */
public sealed interface Frame {
    record OrderFrame(OrderEventType type, Order order) implements Frame {
    }

    record KitchenStatusFrame(JsonNode data) implements Frame {
    }

    record PongFrame(long timestamp) implements Frame {
    }

    /** A type this client does not know: logged and ignored. */
    record UnknownFrame(String type) implements Frame {
    }
}
