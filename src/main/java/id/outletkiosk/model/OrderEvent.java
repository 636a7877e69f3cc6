package id.outletkiosk.model;

/** An order event as the feed delivers it: once per change, whichever transport brought it. */
public record OrderEvent(OrderEventType type, Order order, FeedMode via) {
}
