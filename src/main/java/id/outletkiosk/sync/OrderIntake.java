package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.Frame;
import id.outletkiosk.api.FrameDecoder;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.DishesDone;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that comes in over any transport, checked against the {@link OrderLedger} and delivered
 * once: order lists (catch-up, read again from the oldest open order so status changes are learned
 * too), and socket frames, where a frame for an order not yet known is a hint to read the list (it
 * carries every key, and whatever was dropped before).
 *
 * <p>Used only from the feed's intake thread, so delivery stays in order and recording plus delivery
 * is one step; the getters read volatiles, for the feed's loop thread and for status.
 */
final class OrderIntake {
    private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);
    /** An order this recent keeps polling at the busy pace even when nothing is open. */
    private static final Duration BUSY_AFTER_ORDER = Duration.ofSeconds(60);

    /** More than a day's kiosk orders of a busy outlet: an older copy's order has its number long since. */
    private static final int KIOSK_NUMBERS_KEPT = 2_000;

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
    /** Kiosks' references by client order id, read off the store server, until central's order takes one. */
    private final Map<String, String> kioskNumbers = new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KIOSK_NUMBERS_KEPT;
        }
    };
    private long kioskNumbersReadUpTo;
    private final KitchenStatusWatch kitchen;

    private volatile long lastEventNanos = Long.MIN_VALUE / 2;
    private volatile boolean openOrders;
    private volatile Instant lastEventAt;
    private final AtomicInteger eventsSinceDrop = new AtomicInteger();
    private volatile Duration lastRtt;

    /**
     * @param holdFramesFor how long a frame for an unknown order waits for the order list when the list
     *                      cannot be read, before it is shown on its own
     */
    OrderIntake(FeedEndpoints endpoints, OrderLedger ledger, Clock clock, List<FeedListener> listeners,
            Duration holdFramesFor) {
        this.holdFramesFor = holdFramesFor;
        this.kitchen = new KitchenStatusWatch(endpoints.local() == null ? null : endpoints.local().kitchenStatus(),
                endpoints.outletId(), clock.getZone(), listeners);
        this.endpoints = endpoints;
        this.ledger = ledger;
        this.clock = clock;
        this.listeners = listeners;
        this.centralFrames = new FrameDecoder(OrderCodec.Origin.CENTRAL, clock.getZone());
        this.localFrames = new FrameDecoder(OrderCodec.Origin.LOCAL, clock.getZone());
    }

    Instant lastEventAt() {
        return lastEventAt;
    }

    int eventsSinceDrop() {
        return eventsSinceDrop.get();
    }

    void resetEventsSinceDrop() {
        eventsSinceDrop.set(0);
    }

    /**
     * The busy poll pace is due while orders are open or one arrived in the last minute. Computed here,
     * where the ledger is written, so the loop thread never asks the store.
     */
    boolean busyAt(long nowNanos) {
        return openOrders || nowNanos - lastEventNanos < BUSY_AFTER_ORDER.toNanos();
    }

    /** Reads the ledger once at start, so the first poll already knows its pace. */
    void refreshOpenOrders() {
        openOrders = ledger.hasOpenOrders(endpoints.outletId());
    }

    Duration lastRtt() {
        return lastRtt;
    }

    /** A frame for an unknown order whose list could not be read: waits for the list until {@code until}. */
    private record HeldFrame(Order order, FeedMode tier, long untilNanos) {
    }

    /**
     * Reads the tier's order list and delivers what is new or changed: since the last id read for a
     * hint, else since the oldest order still open here on that server (whichever is older), so a status
     * changed there while this screen was elsewhere arrives too. The cursor itself only moves forward.
     */
    void catchUp(FeedMode tier, CatchUp why) throws BackendException {
        OrderServerClient client = tier == FeedMode.ONLINE ? endpoints.central() : endpoints.local();
        String source = client.origin().name();
        long cursor = cursors.computeIfAbsent(source, ledger::cursor);
        long since = why.rereadsOpenOrders() ? sinceOldestOpen(client.origin(), cursor) : cursor;
        List<Order> orders = client.ordersSince(endpoints.outletId(), since);
        if (orders.isEmpty()) {
            return;
        }
        long newest = cursor;
        for (Order order : orders) {
            Long id = client.origin() == OrderCodec.Origin.CENTRAL ? order.centralId() : order.localId();
            newest = Math.max(newest, id == null ? 0 : id);
        }
        boolean fromCentral = client.origin() == OrderCodec.Origin.CENTRAL;
        if (fromCentral) {
            orders = withKiosksNumbers(orders);
        }
        for (OrderLedger.Recorded recorded : ledger.recordList(orders, source, newest, fromCentral)) {
            deliver(recorded, tier);
        }
        cursors.put(source, newest);
        refreshOpenOrders();
    }

    /** After a list read of the store server (a join, a poll, a reconcile): its word on the kitchen too. */
    void readKitchenStatus(FeedMode tier, CatchUp why) {
        kitchen.afterListRead(tier, why, System.nanoTime());
    }

    /** A kiosk's order from central whose reference (the number its customer holds) this screen does not know. */
    private boolean kioskOrderWithoutItsNumber(Order order) {
        if (order.clientOrderId() == null || order.reference() != null) {
            return false;
        }
        Order known = ledger.find(order);
        return known == null || known.reference() == null;
    }

    /**
     * Central's orders with the numbers their customers hold. Every kiosk order is also on the store
     * server under its reference (the kiosk posts that copy before it sends the order to central), linked
     * by the client order id; central knows nothing of it. The store server's list is read from where the
     * last look stopped, only when a kiosk order lacks its number, and only for the numbers: the orders
     * themselves come from central's list, as ever. Without a store server, central's numbers stand.
     */
    private List<Order> withKiosksNumbers(List<Order> centralOrders) {
        if (endpoints.local() == null || centralOrders.stream().noneMatch(this::kioskOrderWithoutItsNumber)) {
            return centralOrders;
        }
        try {
            for (Order copy : endpoints.local().ordersSince(endpoints.outletId(), kioskNumbersReadUpTo)) {
                kioskNumbersReadUpTo = Math.max(kioskNumbersReadUpTo, copy.localId() == null ? 0 : copy.localId());
                if (copy.clientOrderId() != null && copy.reference() != null) {
                    kioskNumbers.put(copy.clientOrderId(), copy.reference());
                }
            }
        } catch (BackendException e) {
            LOG.debug("the store server's list cannot tell the kiosks' numbers: {}", e.getMessage());
        }
        return centralOrders.stream().map(order -> {
            String reference = order.reference() == null && order.clientOrderId() != null
                    ? kioskNumbers.remove(order.clientOrderId()) : null;
            return reference == null ? order : order.withReference(reference);
        }).toList();
    }

    private long sinceOldestOpen(OrderCodec.Origin server, long cursor) {
        Long oldestOpen = ledger.oldestOpenId(endpoints.outletId(), server);
        return oldestOpen == null ? cursor : Math.min(cursor, oldestOpen - 1);
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
            this.kitchen.heard(kitchen.data());
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
     * store server (a central frame has no such id). When the list cannot be read, the frame is held and
     * the list retried; only after {@code holdFramesFor} is it shown on its own (never missed beats
     * never doubled).
     */
    private void onOrderFrame(FeedMode tier, Frame.OrderFrame frame) {
        Order order = frame.order();
        boolean fromCentral = tier == FeedMode.ONLINE;
        Order known = ledger.find(order);
        if (known != null) {
            if (known.status().yieldsTo(order.status(), fromCentral) || DishesDone.news(known, order)) {
                deliver(record(order, fromCentral), tier);
                refreshOpenOrders();
            }
            return;
        }
        try {
            catchUp(tier, CatchUp.HINT);
        } catch (BackendException e) {
            if (!linkedByStoreServer(order, tier)) {
                LOG.warn("the order list of {} cannot be read ({}); holding a frame for {}", tier.wireName(),
                        e.getMessage(), order.label());
                held.add(new HeldFrame(order, tier, System.nanoTime() + holdFramesFor.toNanos()));
                return;
            }
        }
        known = ledger.find(order);
        if (known == null || known.status().yieldsTo(order.status(), fromCentral)) {
            deliver(record(order, fromCentral), tier);
            refreshOpenOrders();
        }
    }

    /**
     * For a central frame whose order is not known by central's id while central's list cannot be read:
     * reads the store server's list over its open orders, whose rows carry central's id once the store
     * server has linked a kiosk's copy to central's order (see {@link CatchUp#LINK}).
     *
     * @return true when the order is now known here, so the frame is a change to it, not a new ticket
     */
    private boolean linkedByStoreServer(Order order, FeedMode tier) {
        if (tier != FeedMode.ONLINE || endpoints.local() == null) {
            return false;
        }
        try {
            catchUp(FeedMode.LOCAL, CatchUp.LINK);
        } catch (BackendException e) {
            LOG.debug("the store server's list cannot link {} either: {}", order.label(), e.getMessage());
            return false;
        }
        return ledger.find(order) != null;
    }

    private OrderLedger.Recorded record(Order order, boolean fromCentral) {
        return fromCentral ? ledger.recordFromCentral(order) : ledger.record(order);
    }

    /**
     * Tries the lists again for held frames; shows those whose time is up. Called every tick of the intake
     * thread. Before a central frame is shown on its own, the store server's list gets a last word: by then
     * it has had the whole hold to link a kiosk's copy to central's order.
     */
    void retryHeldFrames() {
        if (held.isEmpty()) {
            return;
        }
        Set<FeedMode> listsRead = new HashSet<>();
        for (HeldFrame frame : List.copyOf(held)) {
            boolean listRead = listsRead.contains(frame.tier());
            if (!listRead) {
                try {
                    catchUp(frame.tier(), CatchUp.HINT);
                    listsRead.add(frame.tier());
                    listRead = true;
                } catch (BackendException e) {
                    LOG.debug("held frames still wait for the {} list: {}", frame.tier().wireName(), e.getMessage());
                }
            }
            if (listRead || System.nanoTime() > frame.untilNanos()) {
                if (!listRead && ledger.find(frame.order()) == null && !linkedByStoreServer(frame.order(), frame.tier())) {
                    LOG.warn("showing {} on its own: no list linked it to an order known here in {} s",
                            frame.order().label(), holdFramesFor.toSeconds());
                }
                held.remove(frame);
                deliver(record(frame.order(), frame.tier() == FeedMode.ONLINE), frame.tier());
            }
        }
        refreshOpenOrders();
    }

    private void deliver(OrderLedger.Recorded recorded, FeedMode via) {
        OrderEventType type = switch (recorded.outcome()) {
            case NEW -> OrderEventType.NEW_ORDER;
            // a merge is announced as the order now is, with all its keys: screens fold two tickets into one;
            // a new number too: the ticket shows the one the customer holds
            case CHANGED, MERGED, RENUMBERED, PROGRESSED -> OrderEventType.forStatusChange(recorded.order().status());
            case DUPLICATE -> null;
        };
        if (type == null) {
            return;
        }
        lastEventNanos = System.nanoTime();
        lastEventAt = clock.instant();
        if (via != FeedMode.ONLINE) {
            eventsSinceDrop.incrementAndGet();
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
