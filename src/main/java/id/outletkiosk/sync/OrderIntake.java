package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.Frame;
import id.outletkiosk.api.FrameDecoder;
import id.outletkiosk.api.OrderCodec;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.store.OrderLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that comes in over any transport, checked against the {@link OrderLedger} and delivered
 * once: order lists read since the last id (catch-up), and socket frames, where a frame for an order
 * not yet known is a hint to read the list (it carries every key, and whatever was dropped before).
 * Used only from the feed's thread.
 */
final class OrderIntake {
    private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);
    /** An order this recent keeps polling at the busy pace even when nothing is open. */
    private static final Duration BUSY_AFTER_ORDER = Duration.ofSeconds(60);

    private final FeedEndpoints endpoints;
    private final OrderLedger ledger;
    private final Clock clock;
    private final List<FeedListener> listeners;
    private final FrameDecoder centralFrames;
    private final FrameDecoder localFrames;
    private final Set<String> unknownTypesLogged = new HashSet<>();
    private final Duration holdFramesFor;
    private final Map<String, Long> cursors = new HashMap<>();
    private final List<HeldFrame> held = new ArrayList<>();

    private long lastEventNanos = Long.MIN_VALUE / 2;
    private volatile Instant lastEventAt;
    private volatile int eventsSinceDrop;
    private volatile Duration lastRtt;

    /**
     * @param holdFramesFor how long a frame for an unknown order waits for the order list when the list
     *                      cannot be read, before it is shown on its own
     */
    OrderIntake(FeedEndpoints endpoints, OrderLedger ledger, Clock clock, List<FeedListener> listeners,
            Duration holdFramesFor) {
        this.holdFramesFor = holdFramesFor;
        this.endpoints = endpoints;
        this.ledger = ledger;
        this.clock = clock;
        this.listeners = listeners;
        this.centralFrames = new FrameDecoder(OrderCodec.Origin.CENTRAL, clock.getZone());
        this.localFrames = new FrameDecoder(OrderCodec.Origin.LOCAL, clock.getZone());
    }

    long lastEventNanos() {
        return lastEventNanos;
    }

    Instant lastEventAt() {
        return lastEventAt;
    }

    int eventsSinceDrop() {
        return eventsSinceDrop;
    }

    void resetEventsSinceDrop() {
        eventsSinceDrop = 0;
    }

    Duration lastRtt() {
        return lastRtt;
    }

    /** A frame for an unknown order whose list could not be read: waits for the list until {@code until}. */
    private record HeldFrame(Order order, FeedMode tier, long untilNanos) {
    }

    /** Reads the tier's order list since the last id read and delivers what is new or changed. */
    void catchUp(FeedMode tier) throws BackendException {
        OrderServerClient client = tier == FeedMode.ONLINE ? endpoints.central() : endpoints.local();
        String source = client.origin().name();
        long cursor = cursors.computeIfAbsent(source, ledger::cursor);
        List<Order> orders = client.ordersSince(endpoints.outletId(), cursor);
        if (orders.isEmpty()) {
            return;
        }
        long newest = cursor;
        for (Order order : orders) {
            Long id = client.origin() == OrderCodec.Origin.CENTRAL ? order.centralId() : order.localId();
            newest = Math.max(newest, id == null ? 0 : id);
        }
        for (OrderLedger.Recorded recorded : ledger.recordList(orders, source, newest)) {
            deliver(recorded, tier);
        }
        cursors.put(source, newest);
    }

    /**
     * On a socket, the order lists are read now and then anyway: Channels drops frames, and a kiosk cut
     * off from the backend posts to the local server, which only a look there reveals.
     */
    void reconcile(FeedMode mode) {
        List<FeedMode> sources = mode == FeedMode.ONLINE && endpoints.local() != null
                ? List.of(FeedMode.ONLINE, FeedMode.POLLING) : List.of(mode);
        for (FeedMode source : sources) {
            try {
                catchUp(source);
            } catch (BackendException e) {
                LOG.debug("reconcile with {} failed: {}", source.wireName(), e.getMessage());
            }
        }
    }

    /** Busy pace while orders are open or just arrived; idle pace otherwise (asks the ledger only when it matters). */
    Duration pollPace(Settings.FeedTimings timings, long lastPollNanos) {
        long now = System.nanoTime();
        boolean recentOrder = now - lastEventNanos < BUSY_AFTER_ORDER.toNanos();
        boolean busyPollDue = now - lastPollNanos >= timings.pollInterval().toNanos();
        if (recentOrder || !busyPollDue) {
            return timings.pollInterval();
        }
        return ledger.openOrders(endpoints.outletId()).isEmpty() ? timings.idlePollInterval() : timings.pollInterval();
    }

    /** @return a one-line problem when the frame could not be used, else {@code null} */
    String onText(FeedMode tier, String text) {
        Frame frame;
        try {
            frame = (tier == FeedMode.ONLINE ? centralFrames : localFrames).decode(text);
        } catch (FrameDecoder.BadFrameException e) {
            LOG.warn("ignoring a bad frame on {}: {}", tier.wireName(), e.getMessage());
            return tier.wireName() + ": " + e.getMessage();
        }
        if (frame instanceof Frame.PongFrame pong) {
            if (pong.timestamp() > 0) {
                lastRtt = Duration.ofMillis(Math.max(0, clock.millis() - pong.timestamp()));
            }
        } else if (frame instanceof Frame.KitchenStatusFrame kitchen) {
            listeners.forEach(listener -> listener.onKitchenStatus(kitchen.data()));
        } else if (frame instanceof Frame.UnknownFrame unknown) {
            if (unknownTypesLogged.add(unknown.type())) {
                LOG.info("ignoring frames of unknown type \"{}\" on {}", unknown.type(), tier.wireName());
            }
        } else if (frame instanceof Frame.OrderFrame order) {
            onOrderFrame(tier, order);
        }
        return null;
    }

    /**
     * A frame for a known order is applied at once. For an unknown order the list is read first: it
     * carries the client order id, which links the order to a copy a kiosk may also have left on the
     * local server (a central frame has no such id). When the list cannot be read, the frame is held and
     * the list retried; only after {@code holdFramesFor} is it shown on its own (never missed beats
     * never doubled).
     */
    private void onOrderFrame(FeedMode tier, Frame.OrderFrame frame) {
        Order order = frame.order();
        Order known = ledger.find(order);
        if (known != null) {
            if (known.status().isBefore(order.status())) {
                deliver(ledger.record(order), tier);
            }
            return;
        }
        try {
            catchUp(tier);
        } catch (BackendException e) {
            LOG.warn("the order list of {} cannot be read ({}); holding a frame for {}", tier.wireName(),
                    e.getMessage(), order.label());
            held.add(new HeldFrame(order, tier, System.nanoTime() + holdFramesFor.toNanos()));
            return;
        }
        known = ledger.find(order);
        if (known == null || known.status().isBefore(order.status())) {
            deliver(ledger.record(order), tier);
        }
    }

    /** Tries the lists again for held frames; shows those whose time is up. Called on every tick. */
    void retryHeldFrames() {
        if (held.isEmpty()) {
            return;
        }
        Set<FeedMode> listsRead = new HashSet<>();
        for (HeldFrame frame : List.copyOf(held)) {
            boolean listRead = listsRead.contains(frame.tier());
            if (!listRead) {
                try {
                    catchUp(frame.tier());
                    listsRead.add(frame.tier());
                    listRead = true;
                } catch (BackendException e) {
                    LOG.debug("held frames still wait for the {} list: {}", frame.tier().wireName(), e.getMessage());
                }
            }
            if (listRead || System.nanoTime() > frame.untilNanos()) {
                held.remove(frame);
                deliver(ledger.record(frame.order()), frame.tier());
            }
        }
    }

    private void deliver(OrderLedger.Recorded recorded, FeedMode via) {
        OrderEventType type = switch (recorded.outcome()) {
            case NEW -> OrderEventType.NEW_ORDER;
            case CHANGED -> OrderEventType.forStatusChange(recorded.order().status());
            case DUPLICATE -> null;
        };
        if (type == null) {
            return;
        }
        lastEventNanos = System.nanoTime();
        lastEventAt = clock.instant();
        if (via != FeedMode.ONLINE) {
            eventsSinceDrop++;
        }
        OrderEvent event = new OrderEvent(type, recorded.order(), via);
        for (FeedListener listener : listeners) {
            try {
                listener.onOrder(event);
            } catch (RuntimeException e) {
                LOG.error("an order listener failed on {}", recorded.order().label(), e);
            }
        }
    }
}
