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

    private final Outbox outbox;
    private final OrderLedger ledger;
    private final OutboxSender sender;

    public OrderStatusDesk(Outbox outbox, OrderLedger ledger, OutboxSender sender) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.sender = sender;
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
        return moved;
    }
}
