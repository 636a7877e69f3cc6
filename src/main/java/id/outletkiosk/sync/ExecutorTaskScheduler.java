package id.outletkiosk.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TaskScheduler} on one named daemon thread, so a sync can never block the UI or keep the JVM alive. */
public final class ExecutorTaskScheduler implements TaskScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskScheduler.class);

    private final ScheduledExecutorService executor;

    public ExecutorTaskScheduler(String threadName) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(threadName));
        pool.setRemoveOnCancelPolicy(true);
        this.executor = Executors.unconfigurableScheduledExecutorService(pool);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("a background task failed", e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("background thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
