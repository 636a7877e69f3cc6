package id.outletkiosk.api;

import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.RowReader;

import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.model.OrderEventType;
import java.time.ZoneId;

/** Reads order WebSocket frames; a frame that breaks the contract is refused with one line saying how. */
public final class FrameDecoder {
    private final OrderCodec.Origin origin;
    private final ZoneId zone;

    public FrameDecoder(OrderCodec.Origin origin, ZoneId zone) {
        this.origin = origin;
        this.zone = zone;
    }

    /** @throws BadFrameException when the frame is not a JSON object with a known shape for its type */
    public Frame decode(String text) throws BadFrameException {
        JsonNode root;
        try {
            root = Json.read(text);
        } catch (JacksonException e) {
            throw new BadFrameException("frame is not valid JSON: " + RowReader.abbreviate(text));
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw new BadFrameException("frame has no \"type\": " + RowReader.abbreviate(text));
        }
        String type = root.get("type").textValue();
        if (type.equals("pong")) {
            return new Frame.PongFrame(root.path("timestamp").asLong(0));
        }
        if (type.equals("kitchen_status_changed")) {
            return new Frame.KitchenStatusFrame(root.path("data"));
        }
        OrderEventType eventType = OrderEventType.fromWireName(type);
        if (eventType == null) {
            return new Frame.UnknownFrame(type);
        }
        try {
            return new Frame.OrderFrame(eventType, OrderCodec.decode(root.get("data"), origin, zone));
        } catch (BadRowException e) {
            throw new BadFrameException(type + " frame's order " + e.getMessage());
        }
    }

    /** A frame that cannot be used. */
    public static final class BadFrameException extends Exception {
        public BadFrameException(String message) {
            super(message);
        }
    }
}
