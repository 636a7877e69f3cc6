package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the {@link OutboxSender} delivers one status change: to central by the order's central id, and a
 * copy to the store server by its id there, each looked up in the {@link OrderLedger} when the change
 * was made before the key was known (an order a kiosk left on the store server while central was away
 * gets its central id when central's list names it). A server refusing the step because it already
 * holds that status or a later one counts as delivered: statuses only move forward, so a replay after a
 * crash, or a cancellation made elsewhere meanwhile, is not an error.
 */
final class StatusDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(StatusDelivery.class);

    private final Outbox outbox;
    private final OrderServerClient central;
    private final OrderServerClient local;
    private final OrderLedger ledger;
    /**
     * Each server's list as last read back during this pass of the sender. A refusal is read back from
     * the list since the order's id (the contract has no read by id), which after an outage is most of
     * the day; one read serves every later refusal of the pass whose order it covers and shows further.
     */
    private final Map<OrderCodec.Origin, ReadBack> readBacks = new EnumMap<>(OrderCodec.Origin.class);

    /** A list read from {@code sinceId}, by id. */
    private record ReadBack(long sinceId, Map<Long, Order> byId) {
    }

    StatusDelivery(Outbox outbox, OrderServerClient central, OrderServerClient local, OrderLedger ledger) {
        this.outbox = outbox;
        this.central = central;
        this.local = local;
        this.ledger = ledger;
    }

    /** A new pass over the queue: what was read back before may be stale for a "not yet" answer. */
    void startPass() {
        readBacks.clear();
    }

    OutboxSender.Step deliver(StatusChangeEntry change) throws BackendException {
        Order known = knownOrder(change);
        Long centralId = known.centralId();
        if (centralId == null) {
            return OutboxSender.Step.waits("head office has not heard of order " + known.label() + " yet");
        }
        Order atCentral = changeOn(central, centralId, change);
        if (atCentral.status() != known.status() || !atCentral.status().isOpen()
                || !known.filledFrom(atCentral).equals(known)) {
            // the usual answer to a bump is the order as this terminal noted it: no write; a closing one is
            // recorded, since it is central's word on how the order closed (the ledger stops re-reading it)
            ledger.recordFromCentral(atCentral.filledFrom(known));
        }
        outbox.markStatusDelivered(change.seq(), centralId);
        return OutboxSender.Step.delivered();
    }

    /** The store's other screens see the change while central is away; nothing to do where the order is unknown. */
    void copyToStoreServer(StatusChangeEntry change) throws BackendException {
        Long localId = knownOrder(change).localId();
        if (localId == null) {
            return;
        }
        changeOn(local, localId, change);
        outbox.markLocalCopy(change.seq());
    }

    /** The order as the ledger knows it now (with the keys it learned since), else the change's own keys. */
    private Order knownOrder(StatusChangeEntry change) {
        Order keys = change.orderKeys();
        Order known = ledger.find(keys);
        return known == null ? keys : known.filledFrom(keys);
    }

    /**
     * Sets the status on {@code server}; a refusal stands only when the server's order is still before the
     * status asked for (read back from its list), otherwise the server's order is the answer.
     */
    private Order changeOn(OrderServerClient server, long id, StatusChangeEntry change)
            throws BackendException {
        try {
            return server.changeStatus(id, change.target());
        } catch (BackendException refused) {
            if (FailurePolicy.decide(refused) != FailurePolicy.Decision.ASK_A_MANAGER) {
                throw refused;
            }
            Order there = readBack(server, change.outletId(), id, change);
            if (there == null || there.status().isBefore(change.target())) {
                throw refused;
            }
            LOG.info("{}: the {} already holds {}, counted as delivered", change.label(), server.origin().name()
                    .toLowerCase(java.util.Locale.ROOT), there.status().wireName());
            return there;
        }
    }

    /**
     * The order as the server holds it: from this pass's read-back when that one covers it and already
     * shows it at the status asked for or further (statuses only move forward, so that stays true), else
     * read afresh from the server's list since the order's id.
     */
    private Order readBack(OrderServerClient server, long outletId, long id, StatusChangeEntry change)
            throws BackendException {
        ReadBack earlier = readBacks.get(server.origin());
        if (earlier != null && earlier.sinceId() < id) {
            Order there = earlier.byId().get(id);
            if (there != null && !there.status().isBefore(change.target())) {
                return there;
            }
        }
        Map<Long, Order> byId = new HashMap<>();
        for (Order order : server.ordersSince(outletId, id - 1)) {
            Long orderId = server.origin() == OrderCodec.Origin.CENTRAL ? order.centralId() : order.localId();
            if (orderId != null) {
                byId.put(orderId, order);
            }
        }
        readBacks.put(server.origin(), new ReadBack(id - 1, byId));
        return byId.get(id);
    }
}
