package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.store.StoreException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a station screen's taps are made: a dish (or all of a ticket's dishes) done, or taken back.
 * Like a bump, a tap is written to the outbox durably first, noted in the ledger (this screen shows it
 * after a restart too), then sent by the one {@link OutboxSender}, to the store server only: dish
 * progress lives there, where every screen of the store reads it. The store server's answer carries
 * every station's dishes; the tap that finishes an order's first dish asks for "preparing" and the one
 * that finishes its last asks for "ready", through the {@link OrderStatusDesk}, so central hears the
 * order's status (its contract has no dishes). Blocking (a disk write): call it off the FX thread.
 */
public final class StationDesk {
    private static final Logger LOG = LoggerFactory.getLogger(StationDesk.class);

    private final Outbox outbox;
    private final OrderLedger ledger;
    private final OutboxSender sender;
    private final OrderStatusDesk statuses;
    private final OrderServerClient storeServer;
    private final long outletId;

    /** @param storeServer the store server, or null when none is configured (taps then wait in the outbox) */
    public StationDesk(Outbox outbox, OrderLedger ledger, OutboxSender sender, OrderStatusDesk statuses,
            OrderServerClient storeServer, long outletId) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.sender = sender;
        this.statuses = statuses;
        this.storeServer = storeServer;
        this.outletId = outletId;
        sender.onDishesAnswered(this::advanceStatus);
    }

    /** Marks {@code lines} of {@code order} done (or not); answers the order as this terminal now knows it. */
    public Order markDishes(Order order, List<Integer> lines, boolean done, String station)
            throws OrderStatusDesk.ChangeRefused {
        Order known = ledger.find(order);
        Order current = known == null ? order : known.filledFrom(order);
        if (!current.status().isOpen()) {
            throw new OrderStatusDesk.ChangeRefused("order " + current.label() + " is "
                    + current.status().wireName() + " already");
        }
        try {
            outbox.queueDishTap(current, lines, done, station);
        } catch (StoreException e) {
            LOG.error("dish tap on order {} could not be written", current.label(), e);
            throw new OrderStatusDesk.ChangeRefused("the local store cannot be written: " + e.getMessage());
        }
        DishesDone before = current.dishesDone() == null ? DishesDone.NONE : current.dishesDone();
        Order tapped = ledger.record(current.withDishesDone(before.with(lines, done))).order();
        LOG.info("order {}: {} dishes {} {} at {}", current.label(), lines.size(), lines, done ? "done" : "not done",
                station);
        sender.wake();
        return tapped;
    }

    /** Says what this station cooks to the store server, for the expo; true when it took it. */
    public boolean register(KitchenStation station) throws BackendException {
        if (storeServer == null) {
            return false;
        }
        storeServer.registerStation(outletId, station);
        return true;
    }

    /** The store's stations, as their screens announced them; empty without a store server. */
    public List<KitchenStation> stations() throws BackendException {
        return storeServer == null ? List.of() : storeServer.stations(outletId);
    }

    /**
     * The store server's answer to a tap: the first dish done moves a new order to "preparing", the last
     * one to "ready". Serialised writes there mean exactly one tap sees the last dish done; a status this
     * terminal already holds (another screen was quicker) is no error.
     */
    private void advanceStatus(Order answered) {
        DishesDone done = answered.dishesDone();
        if (done == null || done.lines().isEmpty()) {
            return;
        }
        OrderStatus wanted = done.allOf(answered.items().size()) ? OrderStatus.READY : OrderStatus.PREPARING;
        if (!answered.status().isBefore(wanted)) {
            return;
        }
        try {
            statuses.change(answered, wanted);
        } catch (OrderStatusDesk.ChangeRefused e) {
            LOG.debug("order {} not moved to {}: {}", answered.label(), wanted.wireName(), e.getMessage());
        }
    }
}
