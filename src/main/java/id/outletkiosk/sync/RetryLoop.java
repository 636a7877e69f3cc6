package id.outletkiosk.sync;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's one retry loop: runs a job on a background {@link TaskScheduler}, and after a failed
 * run waits as the {@link FailurePolicy} decided (a backoff step with jitter, or the longest step) before
 * the next. A wake-up runs the job at once, calling off a pending wait; one that comes while the job
 * runs gets a run of its own right after. The outbox sender and the menu sync schedule both run on it.
 */
public final class RetryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetryLoop.class);

    /** What one run found. */
    public sealed interface Outcome {
        /** Nothing failed: run again after {@code after}, or only when woken when it is null. */
        record Done(Duration after) implements Outcome {
        }

        /** The run failed; the policy's decision says how long to wait. */
        record Failed(FailurePolicy.Decision decision, String reason) implements Outcome {
        }
    }

    /** One run of the work; called on the scheduler's thread only. */
    @FunctionalInterface
    public interface Job {
        Outcome run();
    }

    private final String name;
    private final TaskScheduler scheduler;
    private final Backoff backoff;
    private final Duration longestWait;
    private final Job job;
    private final Object lock = new Object();
    private Consumer<Duration> planned = delay -> {
    };
    private TaskScheduler.Cancellable pending;
    private boolean running;
    private boolean wokenWhileRunning;
    private int failuresInARow;
    private boolean closed;

    /**
     * @param longestWait no wait after a failure is longer than this (a menu refreshed every minute is not
     *                    left alone for the backoff's five); null for the backoff's own longest step
     */
    public RetryLoop(String name, TaskScheduler scheduler, Backoff backoff, Duration longestWait, Job job) {
        this.name = name;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.longestWait = longestWait;
        this.job = job;
    }

    /** Hears every planned wait before the next run (the menu's "next attempt" in the status). */
    public void onPlanned(Consumer<Duration> listener) {
        planned = listener;
    }

    /** Runs the job as soon as the thread is free. */
    public void wake() {
        synchronized (lock) {
            if (running) {
                wokenWhileRunning = true;
                return;
            }
            if (!schedule(Duration.ZERO)) {
                return;
            }
        }
        planned.accept(Duration.ZERO);
    }

    public int failuresInARow() {
        synchronized (lock) {
            return failuresInARow;
        }
    }

    /** Replaces any pending run by one after {@code delay}; false once closed. Called holding the lock. */
    private boolean schedule(Duration delay) {
        if (closed) {
            return false;
        }
        if (pending != null) {
            pending.cancel();
        }
        pending = scheduler.schedule(delay, this::runOnce);
        return true;
    }

    private void runOnce() {
        synchronized (lock) {
            pending = null;
            running = true;
            wokenWhileRunning = false;
        }
        Outcome outcome;
        try {
            outcome = job.run();
        } catch (RuntimeException e) {
            LOG.error("{}: a run failed unexpectedly", name, e);
            outcome = new Outcome.Failed(FailurePolicy.Decision.FALL_BACK_AND_WAIT_LONGEST, String.valueOf(e));
        }
        Duration next;
        boolean scheduled;
        synchronized (lock) {
            if (outcome instanceof Outcome.Failed failed) {
                failuresInARow++;
                next = cap(failed.decision().waitBefore(backoff, failuresInARow));
                LOG.info("{}: next try in {} ms (failure {} in a row: {})", name, next.toMillis(), failuresInARow,
                        failed.reason());
            } else {
                failuresInARow = 0;
                next = ((Outcome.Done) outcome).after();
            }
            if (wokenWhileRunning) {
                next = Duration.ZERO;
            }
            // planned before 'running' drops, under the lock a wake-up takes too: none falls in between
            scheduled = next != null && schedule(next);
            running = false;
        }
        if (scheduled) {
            planned.accept(next);
        }
    }

    private Duration cap(Duration wait) {
        return longestWait != null && wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    /** Stops planning runs and stops the thread; a run in flight is abandoned. */
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
