package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The last bump, held back so a cook can take it back: statuses never move back on the server, so the
 * only undo is not to send. The ticket moves on screen at once; the change (the durable write, then the
 * send) waits {@link #HOLD_FOR}. The rules, kept by {@link KitchenBoardViewModel}:
 * <ul>
 * <li>One hold at a time. A bump of another ticket sends the held one at once: only the newest bump
 * can be undone (the slip a cook just made, not one three tickets ago), and a bump is never held
 * longer than the window.</li>
 * <li>A further bump of the held ticket adds a step to the hold ("Enter, Enter": new, cooking, ready)
 * and starts the window again; the steps are sent in order, and Undo takes every one back.</li>
 * <li>The hold ends when the window has passed (the board ticks once a second, by its clock) or the
 * board closes: then it is sent, never lost. Undo after that does nothing.</li>
 * <li>News of the held order from the server (another screen moved it, it was cancelled) ends the
 * hold: the steps the server already has are dropped, the rest are sent at once.</li>
 * </ul>
 * On the FX thread only.
 */
final class HeldBump {
    static final Duration HOLD_FOR = Duration.ofSeconds(10);

    /** A held bump: the ticket as it was before, the steps it moved on screen, and when they are sent. */
    record Hold(Ticket original, List<OrderStatus> steps, Instant until) {
        Hold {
            steps = List.copyOf(steps);
        }

        /** Where the ticket stands on screen. */
        OrderStatus shownStatus() {
            return steps.get(steps.size() - 1);
        }

        boolean isFor(Order order) {
            return original.isFor(order);
        }

        /** The steps still to send once the server says the order is at {@code reached}: those after it. */
        Hold after(OrderStatus reached) {
            return new Hold(original, steps.stream().filter(reached::isBefore).toList(), until);
        }
    }

    private final ObjectProperty<Hold> held = new SimpleObjectProperty<>();

    /** The bump Undo would take back, null for none. */
    ReadOnlyObjectProperty<Hold> property() {
        return held;
    }

    Hold current() {
        return held.get();
    }

    boolean holds(Order order) {
        return held.get() != null && held.get().isFor(order);
    }

    /** Holds a step; a hold of the same order grows by it, any other hold must have been taken first. */
    void hold(Ticket original, OrderStatus step, Instant now) {
        Hold before = held.get();
        List<OrderStatus> steps = new ArrayList<>();
        Ticket from = original;
        if (before != null && before.isFor(original.order())) {
            steps.addAll(before.steps());
            from = before.original();
        }
        steps.add(step);
        held.set(new Hold(from, steps, now.plus(HOLD_FOR)));
    }

    /** The hold, now ended (to send or to undo), or null. */
    Hold take() {
        Hold taken = held.get();
        held.set(null);
        return taken;
    }

    boolean isDue(Instant now) {
        return held.get() != null && !now.isBefore(held.get().until());
    }

    /** Seconds of the window left, rounded up (what the Undo button counts down). */
    long secondsLeft(Instant now) {
        Hold hold = held.get();
        if (hold == null) {
            return 0;
        }
        long millis = Math.max(0, Duration.between(now, hold.until()).toMillis());
        return (millis + 999) / 1000;
    }
}
