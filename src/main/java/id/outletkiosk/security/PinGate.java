package id.outletkiosk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The door to the manager panel: the stored PIN, and after {@link #MAX_TRIES} wrong ones in a row a
 * lockout of {@link #LOCKOUT}, during which even the right PIN is refused. Screen-free; one per terminal.
 */
public final class PinGate {
    public static final int MAX_TRIES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    /** What one attempt gave. */
    public sealed interface Outcome {
        record Open() implements Outcome {
        }

        record Wrong(int triesLeft) implements Outcome {
        }

        /** Locked until {@code until}; also the answer when no PIN was ever set ({@code until == null}). */
        record Locked(Instant until) implements Outcome {
        }
    }

    private final ManagerPin pin;
    private final Clock clock;
    private int wrongInARow;
    private Instant lockedUntil;

    /** @param pin the stored PIN, or null when none was set: the gate then never opens */
    public PinGate(ManagerPin pin, Clock clock) {
        this.pin = pin;
        this.clock = clock;
    }

    public synchronized Outcome attempt(char[] typed) {
        Instant now = clock.instant();
        if (pin == null) {
            return new Outcome.Locked(null);
        }
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return new Outcome.Locked(lockedUntil);
        }
        if (pin.matches(typed)) {
            wrongInARow = 0;
            lockedUntil = null;
            return new Outcome.Open();
        }
        wrongInARow++;
        if (wrongInARow >= MAX_TRIES) {
            wrongInARow = 0;
            lockedUntil = now.plus(LOCKOUT);
            return new Outcome.Locked(lockedUntil);
        }
        return new Outcome.Wrong(MAX_TRIES - wrongInARow);
    }
}
