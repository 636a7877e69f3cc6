package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.store.Outbox;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to the central backend, oldest first, exactly once: the {@code client_order_id}
 * makes a repeat harmless, so an order is simply sent again until its answer is recorded, whatever
 * crashed in between. While central is unreachable each order also goes to the local sync server at
 * once, so the kitchen sees it; it stays queued for central, and the replay resumes with backoff.
 * A 4xx refusal moves the order to "needs attention" with the server's reason; later orders go on.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /** What one pass did. */
    public record PassResult(int sent, int attention, int stillQueued, String lastError) {
        public boolean allDelivered() {
            return stillQueued == 0;
        }
    }

    private final Outbox outbox;
    private final OrderServerClient central;
    private final OrderServerClient local;
    private final TaskScheduler scheduler;
    private final Backoff backoff;
    private final Object lock = new Object();
    private TaskScheduler.Cancellable pending;
    private int failuresInARow;
    private boolean closed;

    /** @param central the backend, or null; @param local the local sync server, or null */
    public OutboxSender(Outbox outbox, OrderServerClient central, OrderServerClient local, TaskScheduler scheduler,
            Backoff backoff) {
        this.outbox = outbox;
        this.central = central;
        this.local = local;
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    /** Sends what is queued now, then keeps retrying with backoff while anything waits. */
    public void start() {
        wake();
    }

    /** A new order is in the outbox: send it now rather than at the next retry. */
    public void wake() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (pending != null) {
                pending.cancel();
            }
            pending = scheduler.schedule(Duration.ZERO, this::scheduledPass);
        }
    }

    private void scheduledPass() {
        PassResult result = sendQueued();
        synchronized (lock) {
            pending = null;
            if (closed || result.allDelivered()) {
                failuresInARow = 0;
                return;
            }
            Duration delay = backoff.delayBefore(++failuresInARow);
            LOG.info("{} order(s) wait for the backend; next try in {} ms", result.stillQueued(), delay.toMillis());
            pending = scheduler.schedule(delay, this::scheduledPass);
        }
    }

    /** One pass over the queue, on the caller's thread (the CLI's {@code outbox --flush} uses it directly). */
    public synchronized PassResult sendQueued() {
        int sent = 0;
        int attention = 0;
        String lastError = null;
        List<OutboxEntry> queued = outbox.queued();
        for (int index = 0; index < queued.size(); index++) {
            OutboxEntry entry = queued.get(index);
            if (central == null) {
                copyToLocal(entry);
                lastError = "no backend configured";
                continue;
            }
            try {
                Order placed = central.place(entry.asNewOrder(), entry.createdAt());
                OutboxEntry done = outbox.markSent(entry.seq(), placed);
                sent++;
                if (done.totalMismatch()) {
                    LOG.warn("order {} ({}): the backend's total {} differs from the kiosk's {}", entry.reference(),
                            placed.orderNumber(), placed.totalAmount(), entry.kioskTotal());
                }
            } catch (BackendException e) {
                if (e.problem() == BackendException.Problem.REJECTED) {
                    outbox.markAttention(entry.seq(), e.getMessage());
                    attention++;
                    LOG.warn("order {} refused by the backend, needs attention: {}", entry.reference(), e.getMessage());
                    continue;
                }
                // central is away: the kitchen must still see this and every later order, in order
                outbox.markFailedAttempt(entry.seq(), e.getMessage());
                lastError = e.getMessage();
                for (OutboxEntry waiting : queued.subList(index, queued.size())) {
                    copyToLocal(waiting);
                }
                return new PassResult(sent, attention, queued.size() - index, lastError);
            }
        }
        int left = central == null ? queued.size() : 0;
        return new PassResult(sent, attention, left, lastError);
    }

    private void copyToLocal(OutboxEntry entry) {
        if (entry.localCopy() || local == null) {
            return;
        }
        try {
            local.place(entry.asNewOrder(), entry.createdAt(), entry.kioskTotal());
            outbox.markLocalCopy(entry.seq());
        } catch (BackendException e) {
            LOG.debug("local server cannot take order {} either: {}", entry.reference(), e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
        scheduler.close();
    }

}
