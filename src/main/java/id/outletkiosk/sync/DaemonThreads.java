package id.outletkiosk.sync;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Background threads that never keep the process alive on their own (closing the app must end it)
 * and carry a name that says what they do in a thread dump.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads named {@code name}, then {@code name-2}, {@code name-3}... when a pool has several. */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            int number = count.incrementAndGet();
            Thread thread = new Thread(runnable, number == 1 ? name : name + "-" + number);
            thread.setDaemon(true);
            return thread;
        };
    }
}
