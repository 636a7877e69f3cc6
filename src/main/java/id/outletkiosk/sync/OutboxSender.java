package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.DishTapEntry;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sender of the outbox: orders placed here and status changes made here go to central oldest
 * first, each exactly once in effect. An order's {@code client_order_id} makes a repeat harmless, and a
 * status only moves forward (central refusing a step back because it is already further counts as
 * delivered), so an item is simply sent again until its answer is recorded, whatever crashed between.
 * What a failure means is the {@link FailurePolicy}'s call: while central is away every waiting item
 * also goes to the store server at once (the store's screens see it) and stays queued for central; a
 * refusal for good sets the item aside for a manager with central's reason, and later items go on.
 * Passes run on a {@link RetryLoop}.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /** What one pass did; {@code failure} is the policy's decision on central's failure, null when none. */
    public record PassResult(int sent, int attention, int stillQueued, String lastError,
            FailurePolicy.Decision failure) {
        public boolean allDelivered() {
            return stillQueued == 0;
        }
    }

    private final Outbox outbox;
    private final OrderServerClient central;
    private final OrderServerClient local;
    private final StatusDelivery statuses;
    private final DishDelivery dishes;
    private final RetryLoop loop;
    private final List<SetAsideListener> setAsideListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Items this pass tried to copy to the store server (a failed copy is tried again next pass, not now). */
    private final java.util.Set<Long> copiedThisPass = new java.util.HashSet<>();
    private boolean storeServerAwayThisPass;

    /** Hears an item central refused for good, as it is set aside for a manager (on the sender's thread). */
    @FunctionalInterface
    public interface SetAsideListener {
        void setAside(OutboxItem item, String reason);
    }

    /** @param central the backend, or null; @param local the store server, or null */
    public OutboxSender(Outbox outbox, OrderServerClient central, OrderServerClient local, OrderLedger ledger,
            TaskScheduler scheduler, Backoff backoff) {
        this.outbox = outbox;
        this.central = central;
        this.local = local;
        this.statuses = new StatusDelivery(outbox, central, local, ledger);
        this.dishes = new DishDelivery(outbox, local, ledger, outbox.clock());
        this.loop = new RetryLoop("outbox", scheduler, backoff, null, this::scheduledPass);
    }

    /** The kitchen board says so at once when a bump of its own is refused: the cook must know. */
    public void onSetAside(SetAsideListener listener) {
        setAsideListeners.add(listener);
    }

    /**
     * Hears the store server's answer to each dish tap delivered (on the sender's thread): the order with
     * every station's dishes done so far.
     */
    public void onDishesAnswered(java.util.function.Consumer<Order> listener) {
        dishes.onAnswer(listener);
    }

    /** Sends what is queued now, then keeps retrying while anything waits. */
    public void start() {
        wake();
    }

    /** Something new is in the outbox: send it now rather than at the next retry. */
    public void wake() {
        loop.wake();
    }

    private RetryLoop.Outcome scheduledPass() {
        PassResult result = sendQueued();
        if (result.allDelivered()) {
            return new RetryLoop.Outcome.Done(null);
        }
        LOG.info("{} item(s) wait for the backend: {}", result.stillQueued(), result.lastError());
        // items that wait for central to hear of their order are retried like a server that is away
        return new RetryLoop.Outcome.Failed(result.failure() != null ? result.failure()
                : FailurePolicy.Decision.FALL_BACK_TO_STORE_SERVER, result.lastError());
    }

    /** One pass over the queue, on the caller's thread (the CLI's {@code outbox --flush} uses it directly). */
    public synchronized PassResult sendQueued() {
        int sent = 0;
        int attention = 0;
        int waiting = 0;
        String lastError = null;
        List<OutboxItem> queued = outbox.waiting();
        statuses.startPass();
        copiedThisPass.clear();
        storeServerAwayThisPass = false;
        for (int index = 0; index < queued.size(); index++) {
            OutboxItem item = queued.get(index);
            if (item instanceof DishTapEntry tap) {
                // the store server's alone, whatever central does: a tap never waits behind an order
                switch (deliverTap(tap)) {
                    case DELIVERED -> sent++;
                    case WAITS -> {
                        waiting++;
                        lastError = "the store server has not taken " + tap.label() + " yet";
                    }
                    case DROPPED -> attention++;
                }
                continue;
            }
            if (central == null) {
                copyToStoreServer(item);
                lastError = "no backend configured";
                waiting++;
                continue;
            }
            Step step = send(item);
            switch (step.result()) {
                case DELIVERED -> sent++;
                case SET_ASIDE -> attention++;
                case WAITS -> {
                    // this item waits for something else (central has not heard of its order yet); the
                    // reason is written once, not on every pass (each write is a durable commit)
                    if (!step.reason().equals(item.lastError())) {
                        outbox.markFailedAttempt(item.seq(), step.reason());
                    }
                    copyToStoreServer(item);
                    waiting++;
                    lastError = step.reason();
                }
                case CENTRAL_FAILED -> {
                    FailurePolicy.Decision decision = FailurePolicy.decide(step.failure());
                    outbox.markFailedAttempt(item.seq(), step.reason());
                    if (decision.fallsBack()) {
                        // central is away: the kitchen must still see this and every later item, in order
                        queued.subList(index, queued.size()).forEach(this::copyToStoreServer);
                    }
                    return new PassResult(sent, attention, waiting + queued.size() - index, step.reason(), decision);
                }
            }
        }
        copyWhatTheStoreServerMissed();
        return new PassResult(sent, attention, waiting, lastError, null);
    }

    /**
     * Orders central took while the store server could not take their copy (away, or a burst over its
     * limit) are copied now, with central's id: every screen of the store learns the number the customer
     * holds on its next read of central's list. Orders of the last hour only: after that the kitchen has
     * long called them by central's number.
     */
    private void copyWhatTheStoreServerMissed() {
        if (local == null || storeServerAwayThisPass) {
            return;
        }
        for (OutboxEntry sent : outbox.sentWithoutStoreServerCopy(java.time.Duration.ofHours(1), 50)) {
            if (!postCopy(sent)) {
                return;
            }
            outbox.markLocalCopy(sent.seq());
        }
    }

    /** What sending one item came to. */
    record Step(Result result, String reason, BackendException failure) {
        enum Result { DELIVERED, SET_ASIDE, WAITS, CENTRAL_FAILED }

        static Step delivered() {
            return new Step(Result.DELIVERED, null, null);
        }

        static Step setAside(String reason) {
            return new Step(Result.SET_ASIDE, reason, null);
        }

        static Step waits(String reason) {
            return new Step(Result.WAITS, reason, null);
        }

        static Step failed(BackendException failure) {
            return new Step(Result.CENTRAL_FAILED, failure.getMessage(), failure);
        }
    }

    private Step send(OutboxItem item) {
        try {
            return item instanceof OutboxEntry order ? placeOrder(order) : statuses.deliver((StatusChangeEntry) item);
            // (dish taps never come here: the pass hands them to the store server before central is asked)
        } catch (BackendException e) {
            if (FailurePolicy.decide(e) == FailurePolicy.Decision.ASK_A_MANAGER) {
                outbox.markAttention(item.seq(), e.getMessage());
                LOG.warn("{} refused by the backend, needs attention: {}", item.label(), e.getMessage());
                setAsideListeners.forEach(listener -> listener.setAside(item, e.getMessage()));
                return Step.setAside(e.getMessage());
            }
            return Step.failed(e);
        }
    }

    private Step placeOrder(OutboxEntry entry) throws BackendException {
        // the store server first: it keeps the number the customer holds, and every screen of the store
        // calls the order by it, linked to central's through the client order id (best effort). That the
        // copy was made is written with the central answer, one commit for both
        boolean copied = postCopy(entry);
        Order placed;
        try {
            placed = central.place(entry.asNewOrder(), entry.createdAt());
        } catch (BackendException e) {
            if (copied) {
                outbox.markLocalCopy(entry.seq());
            }
            throw e;
        }
        OutboxEntry done = outbox.markSent(entry.seq(), placed, copied);
        if (done.totalMismatch()) {
            LOG.warn("order {} ({}): the backend's total {} differs from the kiosk's {}", entry.reference(),
                    placed.orderNumber(), placed.totalAmount(), entry.kioskTotal());
        }
        return Step.delivered();
    }

    /** Copies an item to the store server and records that it did (the kitchen sees it while central is away). */
    private void copyToStoreServer(OutboxItem item) {
        if (item instanceof OutboxEntry order) {
            if (postCopy(order)) {
                outbox.markLocalCopy(order.seq());
            }
        } else if (item instanceof DishTapEntry tap) {
            deliverTap(tap);
        } else if (mayCopy(item)) {
            try {
                statuses.copyToStoreServer((StatusChangeEntry) item);
            } catch (BackendException e) {
                copyFailed(item, e);
            }
        }
    }

    /** A dish tap to the store server, unless it is away this pass. */
    private DishDelivery.Result deliverTap(DishTapEntry tap) {
        if (!mayCopy(tap)) {
            return DishDelivery.Result.WAITS;
        }
        try {
            return dishes.deliver(tap);
        } catch (BackendException e) {
            copyFailed(tap, e);
            return DishDelivery.Result.WAITS;
        }
    }

    /** Posts a kiosk order to the store server; true when it took it. Records nothing. */
    private boolean postCopy(OutboxEntry order) {
        if (!mayCopy(order)) {
            return false;
        }
        try {
            local.place(order.asNewOrder(), order.createdAt(), order.kioskTotal(), order.centralId());
            return true;
        } catch (BackendException e) {
            copyFailed(order, e);
            return false;
        }
    }

    /**
     * The pass's list was read before it started: an item copied earlier in this pass says so here only;
     * and once the store server failed a copy, the rest of the pass goes without (a store server that is
     * switched off would make every order wait its timeout before central's post).
     */
    private boolean mayCopy(OutboxItem item) {
        return !item.localCopy() && local != null && !storeServerAwayThisPass && copiedThisPass.add(item.seq());
    }

    private void copyFailed(OutboxItem item, BackendException e) {
        // a refusal is about this item (an old store server has no route for status changes); anything
        // else means the server is away
        storeServerAwayThisPass |= FailurePolicy.decide(e) != FailurePolicy.Decision.ASK_A_MANAGER;
        LOG.debug("the store server cannot take {}: {}", item.label(), e.getMessage());
    }

    @Override
    public void close() {
        loop.close();
    }
}
