package id.outletkiosk.sync;

import java.time.Duration;

/** Runs tasks later on one background thread. Injected, so tests decide when "later" is. */
public interface TaskScheduler extends AutoCloseable {
    /** Runs {@code task} after {@code delay}; the handle cancels it if it has not started. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Stops the thread; tasks not started are dropped. */
    @Override
    void close();

    /** A scheduled task that may still be called off. */
    interface Cancellable {
        void cancel();
    }
}
