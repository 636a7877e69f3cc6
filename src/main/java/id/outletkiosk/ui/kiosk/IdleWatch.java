package id.outletkiosk.ui.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a customer walks away: after {@code idleTimeout} without a touch the kiosk asks "still there?"
 * for {@code promptFor}, then starts over, so the next person never finds someone else's cart.
 * The confirmation screen goes back to the welcome by itself after {@code confirmationFor}.
 * Screen-free; the window ticks it once a second.
 */
public final class IdleWatch {
    /** What the screen should do now. */
    public sealed interface Verdict {
        /** Someone is using it, or nobody needs to be asked. */
        record Active() implements Verdict {
        }

        /** Show the "still there?" prompt with this many seconds left. */
        record Ask(long secondsLeft) implements Verdict {
        }

        /** Nobody answered: clear the cart, back to the welcome. */
        record StartOver() implements Verdict {
        }
    }

    private static final Verdict ACTIVE = new Verdict.Active();

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration promptFor;
    private final Duration confirmationFor;
    private Instant lastTouch;

    public IdleWatch(Clock clock, Duration idleTimeout, Duration promptFor, Duration confirmationFor) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.promptFor = promptFor;
        this.confirmationFor = confirmationFor;
        this.lastTouch = clock.instant();
    }

    public void touched() {
        lastTouch = clock.instant();
    }

    public Verdict check(KioskScreen screen) {
        Duration idle = Duration.between(lastTouch, clock.instant());
        return switch (screen) {
            case WELCOME -> ACTIVE;
            case CONFIRMATION -> idle.compareTo(confirmationFor) >= 0 ? new Verdict.StartOver() : ACTIVE;
            case MENU, CHECKOUT -> {
                if (idle.compareTo(idleTimeout) < 0) {
                    yield ACTIVE;
                }
                Duration left = idleTimeout.plus(promptFor).minus(idle);
                yield left.isNegative() || left.isZero() ? new Verdict.StartOver()
                        : new Verdict.Ask((left.toMillis() + 999) / 1000);
            }
        };
    }
}
