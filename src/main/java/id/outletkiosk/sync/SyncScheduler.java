package id.outletkiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the menu fresh: a round at start, then one every refresh interval; after a failure, retries
 * with {@link Backoff} until a round succeeds; a manager's "refresh now" runs a round at once and
 * calls off any pending retry. Rounds never overlap: they all run on the scheduler's one thread.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final MasterDataSync sync;
    private final TaskScheduler scheduler;
    private final Backoff backoff;
    private final Duration refreshInterval;
    private final Clock clock;

    private final Object lock = new Object();
    private TaskScheduler.Cancellable pending;
    private final List<CompletableFuture<SyncRoundResult>> waiting = new ArrayList<>();
    private int failuresInARow;
    private boolean closed;

    public SyncScheduler(MasterDataSync sync, TaskScheduler scheduler, Backoff backoff, Duration refreshInterval,
            Clock clock) {
        this.sync = sync;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    /** Starts the cycle with a round right away. */
    public void start() {
        planNext(Duration.ZERO);
    }

    /**
     * Runs a round as soon as the sync thread is free. Calls made while a round is queued share it.
     *
     * @return completes with the round's result, or exceptionally with {@link SyncFailedException}
     */
    public CompletableFuture<SyncRoundResult> refreshNow() {
        CompletableFuture<SyncRoundResult> result = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("sync is stopped"));
                return result;
            }
            waiting.add(result);
        }
        planNext(Duration.ZERO);
        return result;
    }

    public int failuresInARow() {
        synchronized (lock) {
            return failuresInARow;
        }
    }

    private void planNext(Duration delay) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (pending != null) {
                pending.cancel();
            }
            pending = scheduler.schedule(delay, this::runRound);
        }
        sync.status().nextAttempt(clock.instant().plus(delay));
    }

    private void runRound() {
        List<CompletableFuture<SyncRoundResult>> answering;
        synchronized (lock) {
            pending = null;
            answering = new ArrayList<>(waiting);
            waiting.clear();
        }
        try {
            SyncRoundResult result = sync.runRound();
            synchronized (lock) {
                failuresInARow = 0;
            }
            answering.forEach(future -> future.complete(result));
            planAfterRound(refreshInterval);
        } catch (SyncFailedException e) {
            int attempt;
            synchronized (lock) {
                attempt = ++failuresInARow;
            }
            answering.forEach(future -> future.completeExceptionally(e));
            // bad data or a refused token will not fix itself in seconds: wait the longest backoff
            Duration delay = e.worthRetrying() ? backoff.delayBefore(attempt) : backoff.max();
            LOG.info("next master data attempt in {} s (failure {} in a row)", delay.toSeconds(), attempt);
            planAfterRound(min(delay, refreshInterval));
        }
    }

    /** A "refresh now" that came in while the round ran gets its own round at once, not the next slot. */
    private void planAfterRound(Duration delay) {
        boolean someoneWaits;
        synchronized (lock) {
            someoneWaits = !waiting.isEmpty();
        }
        planNext(someoneWaits ? Duration.ZERO : delay);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops planning rounds and stops the sync thread; a round in flight is abandoned. */
    @Override
    public void close() {
        List<CompletableFuture<SyncRoundResult>> abandoned;
        synchronized (lock) {
            closed = true;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            abandoned = new ArrayList<>(waiting);
            waiting.clear();
        }
        abandoned.forEach(future -> future.cancel(false));
        scheduler.close();
    }
}
