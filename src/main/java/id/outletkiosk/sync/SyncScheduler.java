package id.outletkiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps the menu fresh: a round at start, then one every refresh interval; after a failure, the
 * {@link RetryLoop} waits as the {@link FailurePolicy} decided (never longer than the refresh interval)
 * until a round succeeds; a manager's "refresh now" runs a round at once and calls off any pending wait.
 * Rounds never overlap: they all run on the loop's one thread.
 */
public final class SyncScheduler implements AutoCloseable {
    private final MasterDataSync sync;
    private final Duration refreshInterval;
    private final RetryLoop loop;

    private final Object lock = new Object();
    private final List<CompletableFuture<SyncRoundResult>> waiting = new ArrayList<>();
    private boolean closed;

    public SyncScheduler(MasterDataSync sync, TaskScheduler scheduler, Backoff backoff, Duration refreshInterval,
            Clock clock) {
        this.sync = sync;
        this.refreshInterval = refreshInterval;
        this.loop = new RetryLoop("master data sync", scheduler, backoff, refreshInterval, this::runRound);
        loop.onPlanned(delay -> sync.status().nextAttempt(clock.instant().plus(delay)));
    }

    /** Starts the cycle with a round right away. */
    public void start() {
        loop.wake();
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
        loop.wake();
        return result;
    }

    public int failuresInARow() {
        return loop.failuresInARow();
    }

    private RetryLoop.Outcome runRound() {
        List<CompletableFuture<SyncRoundResult>> answering;
        synchronized (lock) {
            answering = new ArrayList<>(waiting);
            waiting.clear();
        }
        try {
            SyncRoundResult result = sync.runRound();
            answering.forEach(future -> future.complete(result));
            return new RetryLoop.Outcome.Done(refreshInterval);
        } catch (SyncFailedException e) {
            answering.forEach(future -> future.completeExceptionally(e));
            return new RetryLoop.Outcome.Failed(e.decision(), e.getMessage());
        }
    }

    /** Stops planning rounds and stops the sync thread; a round in flight is abandoned. */
    @Override
    public void close() {
        List<CompletableFuture<SyncRoundResult>> abandoned;
        synchronized (lock) {
            closed = true;
            abandoned = new ArrayList<>(waiting);
            waiting.clear();
        }
        abandoned.forEach(future -> future.cancel(false));
        loop.close();
    }
}
