package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.OrderLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cook's bump: the order's next status, set on the central backend, or on the local sync server
 * when central cannot be reached (an extension of this project's local server; the old one answers
 * 404 and the bump is refused with that reason). The answer goes into the order ledger, so the echo
 * that comes back over the feed is known already. Blocking: call it off the FX thread.
 */
public final class TicketBumper {
    private static final Logger LOG = LoggerFactory.getLogger(TicketBumper.class);

    /** The bump did not happen; the reason is for the cook's screen. */
    public static final class BumpRefused extends Exception {
        public BumpRefused(String reason) {
            super(reason);
        }
    }

    private final OrderServerClient central;
    private final OrderServerClient local;
    private final OrderLedger ledger;

    public TicketBumper(OrderServerClient central, OrderServerClient local, OrderLedger ledger) {
        this.central = central;
        this.local = local;
        this.ledger = ledger;
    }

    /** Moves {@code order} to {@code next}; answers the order as the server now has it, every key kept. */
    public Order bump(Order order, OrderStatus next) throws BumpRefused {
        String centralTrouble = null;
        if (central != null && order.centralId() != null) {
            try {
                return remember(order, central.changeStatus(order.centralId(), next));
            } catch (BackendException e) {
                if (!e.isTransient()) {
                    throw new BumpRefused(e.getMessage());
                }
                centralTrouble = e.getMessage();
                LOG.info("bump of order {} to {}: central unavailable ({}), trying the store server",
                        order.orderNumber(), next.wireName(), e.getMessage());
            }
        }
        if (local != null && order.localId() != null) {
            try {
                return remember(order, local.changeStatus(order.localId(), next));
            } catch (BackendException e) {
                throw new BumpRefused(e.getMessage());
            }
        }
        throw new BumpRefused(centralTrouble != null ? centralTrouble
                : "no server this display can reach knows this order yet");
    }

    private Order remember(Order mine, Order answer) {
        Order merged = mine.withStatus(answer.status()).filledFrom(answer);
        ledger.record(merged);
        return merged;
    }
}
