package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.store.TerminalReportCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the store server how this terminal is (our extension, wire contract 3.2): a snapshot every
 * {@code interval}, and at once when the feed changes transport, so the store's status page sees a
 * terminal fall back within moments. A report is a snapshot: a failed one is skipped, never queued or
 * retried; the next one says the news. A store server without the route (404) is left alone for
 * {@link FailurePolicy#MISSING_ROUTE_PAUSE}, said once at INFO. Reports run on the scheduler's thread,
 * never on the feed's or the screen's.
 */
public final class HealthReporter implements FeedListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);

    private final OrderServerClient storeServer;
    private final long outletId;
    private final Supplier<TerminalReport> snapshot;
    private final Duration interval;
    private final TaskScheduler scheduler;
    private final Clock clock;
    /** The transport the feed last said; null before it said any (its first word is reported too). */
    private FeedMode heardMode;
    private TaskScheduler.Cancellable next;
    private boolean closed;
    /** While a store server without the route is left alone: when to ask it again; null when not. */
    private volatile Instant askAgainAt;

    /** @param snapshot this terminal's health now, read from what its screens show (receivedAt null) */
    public HealthReporter(OrderServerClient storeServer, long outletId, Supplier<TerminalReport> snapshot,
            Duration interval, TaskScheduler scheduler, Clock clock) {
        this.storeServer = storeServer;
        this.outletId = outletId;
        this.snapshot = snapshot;
        this.interval = interval;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The first report now, then one every interval. */
    public void start() {
        reportSoon();
    }

    /** A change of transport is reported at once, and the interval counts again from it. */
    @Override
    public void onStatus(FeedStatus status) {
        boolean changed;
        synchronized (this) {
            changed = status.mode() != heardMode;
            heardMode = status.mode();
        }
        if (changed) {
            reportSoon();
        }
    }

    private synchronized void reportSoon() {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel();
        }
        next = scheduler.schedule(Duration.ZERO, this::reportAndPlanNext);
    }

    private void reportAndPlanNext() {
        report();
        synchronized (this) {
            if (!closed) {
                next = scheduler.schedule(interval, this::reportAndPlanNext);
            }
        }
    }

    private void report() {
        Instant pausedUntil = askAgainAt;
        if (pausedUntil != null && clock.instant().isBefore(pausedUntil)) {
            return;
        }
        askAgainAt = null;
        try {
            storeServer.reportHealth(TerminalReportCodec.encode(snapshot.get(), outletId));
        } catch (BackendException e) {
            if (e.httpStatus() == 404) {
                askAgainAt = clock.instant().plus(FailurePolicy.MISSING_ROUTE_PAUSE);
                LOG.info("the store server takes no health reports ({}); asking again in {} min", e.getMessage(),
                        FailurePolicy.MISSING_ROUTE_PAUSE.toMinutes());
            } else {
                LOG.debug("health report skipped: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("health report skipped: the snapshot or its sending failed", e);
        }
    }

    /** Stops reporting; the scheduler's thread ends. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (next != null) {
                next.cancel();
            }
        }
        scheduler.close();
    }
}
