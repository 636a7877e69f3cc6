package id.outletkiosk.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits a random time between half and all of
 * {@code min(max, initial * 2^(n-1))}. The jitter keeps a store's screens from hammering a
 * recovering backend in step; the floor keeps retries from bunching up at zero.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    /** The outbox's replay to central: orders and bumps wait for a backend that is away, 1 s doubling to 2 min. */
    public static Backoff forOutbox(RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), random);
    }

    /** Menu sync retries: 1 s doubling to 5 min (a refused token or bad data waits the 5 min at once). */
    public static Backoff forMenuSync(RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), random);
    }

    /** The realtime feed's climb back to a better transport: 0.5 s doubling to 30 s. */
    public static Backoff forClimbingBack(RandomGenerator random) {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), random);
    }

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** @param attempt 1 for the first retry */
    public Duration delayBefore(int attempt) {
        long ceiling = ceilingMillis(attempt);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half + 1)));
    }

    long ceilingMillis(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        double grown = initial.toMillis() * Math.pow(2, doublings);
        return (long) Math.min(grown, max.toMillis());
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }
}
