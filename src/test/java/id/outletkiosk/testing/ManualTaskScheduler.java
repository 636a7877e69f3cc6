package id.outletkiosk.testing;

import id.outletkiosk.sync.TaskScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link TaskScheduler} whose "later" is whenever the test says: tasks wait until {@link #runNext()}. */
public final class ManualTaskScheduler implements TaskScheduler {
    public record Planned(Duration delay, Runnable task, boolean[] cancelled) {
    }

    public final List<Planned> planned = new ArrayList<>();
    public boolean closed;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        planned.add(new Planned(delay, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** The delays of the tasks still waiting, in the order they were planned. */
    public synchronized List<Duration> waitingDelays() {
        return planned.stream().filter(p -> !p.cancelled()[0]).map(Planned::delay).toList();
    }

    /** Runs the next waiting task, as if its delay had passed. */
    public void runNext() {
        Planned next;
        synchronized (this) {
            next = planned.stream().filter(p -> !p.cancelled()[0]).findFirst().orElseThrow();
            planned.remove(next);
        }
        next.task().run();
    }

    @Override
    public void close() {
        closed = true;
    }
}
