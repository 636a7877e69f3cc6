package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.DishTapEntry;
import id.outletkiosk.model.Order;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the {@link OutboxSender} delivers a station's dish tap: to the store server only (dish progress
 * lives there; central carries order statuses only), by every key the order is known by now. The
 * server's answer (the order with all its dishes done so far, every station's) is recorded in the
 * ledger and handed to {@code answered}, which asks for the order's status when its last dish is done.
 */
final class DishDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DishDelivery.class);

    /** What one delivery came to. */
    enum Result { DELIVERED, WAITS, DROPPED }

    private final Outbox outbox;
    private final OrderServerClient local;
    private final OrderLedger ledger;
    /** A kiosk's order reaches the store server within seconds; a tap still unknown after this never will. */
    static final java.time.Duration GIVE_UP_AFTER = java.time.Duration.ofHours(1);

    private final java.time.Clock clock;
    private volatile Consumer<Order> answered = order -> { };

    DishDelivery(Outbox outbox, OrderServerClient local, OrderLedger ledger, java.time.Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.local = local;
        this.ledger = ledger;
    }

    void onAnswer(Consumer<Order> listener) {
        answered = listener;
    }

    /**
     * Sends the tap; a server that does not know the order yet (it reaches the store server a moment
     * after a kiosk's post, say) or is away means try again later; a refusal of the tap itself (an old
     * store server without dish progress, bad lines) drops it with the reason: a retry would not change it.
     */
    Result deliver(DishTapEntry tap) throws BackendException {
        if (local == null || tap.createdAt().isBefore(clock.instant().minus(GIVE_UP_AFTER))) {
            if (local != null) {
                // an old store server without dish progress answers 404 to every tap, like an unknown order
                outbox.discard(tap.seq(), "the store server did not know the order for " + GIVE_UP_AFTER.toMinutes()
                        + " minutes, or keeps no dish progress");
                LOG.warn("gave up on {}: the store server never took it", tap.label());
                return Result.DROPPED;
            }
            return Result.WAITS;
        }
        Order keys = knownOrder(tap);
        Order answer;
        try {
            answer = local.markDishes(keys, tap.lines(), tap.done());
        } catch (BackendException e) {
            if (e.httpStatus() == 404) {
                return Result.WAITS;
            }
            if (FailurePolicy.decide(e) == FailurePolicy.Decision.ASK_A_MANAGER) {
                LOG.warn("the store server refused {} for good: {}", tap.label(), e.getMessage());
                outbox.discard(tap.seq(), "refused by the store server: " + e.getMessage());
                return Result.DROPPED;
            }
            throw e;
        }
        outbox.markDishTapDelivered(tap.seq());
        Order recorded = ledger.record(answer).order();
        answered.accept(recorded);
        return Result.DELIVERED;
    }

    private Order knownOrder(DishTapEntry tap) {
        Order keys = tap.orderKeys();
        Order known = ledger.find(keys);
        return known == null ? keys : known.filledFrom(keys);
    }
}
