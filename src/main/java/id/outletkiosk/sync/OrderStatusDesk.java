package id.outletkiosk.sync;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a status change is made, by a cook's bump on the board or by {@code order-status} on the command
 * line: checked (statuses only move forward), written to the outbox durably before anything else, noted
 * in the order ledger (so this screen, after a restart too, shows it, and a late echo of the old status
 * is not news), then handed to the one {@link OutboxSender}: central, else the store server at once and
 * kept for central. Blocking (a disk write): call it off the FX thread.
 */
public final class OrderStatusDesk {
    private static final Logger LOG = LoggerFactory.getLogger(OrderStatusDesk.class);

    /** The change was not made; the reason is for the person at the screen. */
    public static final class ChangeRefused extends Exception {
        public ChangeRefused(String reason) {
            super(reason);
        }
    }

    /**
     * Hears each change made here once it is durable. The feed does not announce them (the ledger knows
     * them first, so their echo from a server is no news), so whoever counts changes hears them here. It
     * runs on the caller's thread: keep it quick.
     */
    @FunctionalInterface
    public interface ChangeListener {
        /** @param before the order as it was, every key known */
        void changed(Order before, OrderStatus next);
    }

    private final Outbox outbox;
    private final OrderLedger ledger;
    private final OutboxSender sender;
    private final ChangeListener listener;

    public OrderStatusDesk(Outbox outbox, OrderLedger ledger, OutboxSender sender) {
        this(outbox, ledger, sender, (before, next) -> {
        });
    }

    public OrderStatusDesk(Outbox outbox, OrderLedger ledger, OutboxSender sender, ChangeListener listener) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.sender = sender;
        this.listener = listener;
    }

    /** Moves {@code order} to {@code next}; answers the order as this terminal now knows it, every key kept. */
    public Order change(Order order, OrderStatus next) throws ChangeRefused {
        Order known = ledger.find(order);
        Order current = known == null ? order : known.filledFrom(order);
        if (!current.status().isBefore(next)) {
            throw new ChangeRefused("order " + current.label() + " is " + current.status().wireName()
                    + " already and cannot become " + next.wireName());
        }
        try {
            outbox.queueStatusChange(current, next);
        } catch (StoreException e) {
            LOG.error("status change of order {} to {} could not be written", current.label(), next.wireName(), e);
            throw new ChangeRefused("the local store cannot be written: " + e.getMessage());
        }
        Order moved = ledger.record(current.withStatus(next)).order();
        LOG.info("order {} -> {} queued for head office", current.label(), next.wireName());
        sender.wake();
        try {
            listener.changed(current, next);
        } catch (RuntimeException e) {
            // the change is made and on its way: a listener's trouble must not make the cook think otherwise
            LOG.warn("a listener of order {} -> {} failed: {}", current.label(), next.wireName(), e.getMessage());
        }
        return moved;
    }
}
