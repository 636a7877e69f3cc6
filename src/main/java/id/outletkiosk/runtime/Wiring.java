package id.outletkiosk.runtime;

import id.outletkiosk.sync.ExecutorTaskScheduler;
import id.outletkiosk.sync.TaskScheduler;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.function.Function;

/**
 * What a terminal's runtime takes from outside rather than making itself: the clock, where its retry
 * timers run (one {@link TaskScheduler} per named job: the menu sync, the outbox sender) and the random
 * source of its backoff jitter. The app uses {@link #real}; a test passes schedulers it steps by hand,
 * so a retry an hour away is one call, not an hour.
 */
public record Wiring(Clock clock, Function<String, TaskScheduler> schedulers, Random jitter) {

    /** Daemon threads per job, the system's secure random: what the app runs with. */
    public static Wiring real(Clock clock) {
        return new Wiring(clock, ExecutorTaskScheduler::new, new SecureRandom());
    }
}
