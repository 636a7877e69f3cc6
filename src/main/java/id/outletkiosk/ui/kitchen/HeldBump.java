package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.sync.OrderStatusDesk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * On the FX thread, but for the sending itself, on the executor it is given.
 */
final class HeldBump {
    private static final Logger LOG = LoggerFactory.getLogger(HeldBump.class);
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
            return new Hold(original.with(original.order().withStatus(reached)),
                    steps.stream().filter(reached::isBefore).toList(), until);
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

    /**
     * News of an order from a server. When it moved the held order (not a late echo of where it stood
     * before the hold), the hold ends: the steps the server already has are dropped, and what is left is
     * returned to be sent now (null for nothing).
     */
    Hold onNews(Order news) {
        Hold hold = held.get();
        OrderStatus before = hold == null ? null : hold.original().status();
        if (hold == null || !hold.isFor(news) || news.status() == before || news.status().isBefore(before)) {
            return null;
        }
        held.set(null);
        Hold rest = hold.after(news.status());
        return rest.steps().isEmpty() ? null : rest;
    }

    /** What became of a sent hold, told on the FX thread. */
    interface Confirmed {
        void confirmed(Order sent, Order answer);
    }

    interface Refused {
        /** A step was refused: {@code back} is the ticket where the server has it; the card showed {@code shown}. */
        void refused(Ticket back, OrderStatus shown, String reason);
    }

    /** Sends a hold's steps in order on {@code on}, each through {@code bumps}; the outcome goes to {@code fx}. */
    void send(Hold hold, KitchenBoardViewModel.Bumps bumps, Executor on, Executor fx, Confirmed confirmed,
            Refused refused) {
        Ticket original = hold.original();
        on.execute(() -> {
            Order at = original.order();
            String reason = null;
            for (OrderStatus step : hold.steps()) {
                try {
                    at = bumps.bump(at, step);
                } catch (OrderStatusDesk.ChangeRefused e) {
                    LOG.info("bump of order {} to {} refused: {}", at.label(), step.wireName(), e.getMessage());
                    reason = e.getMessage();
                } catch (RuntimeException e) {
                    LOG.error("bump of order {} failed", at.label(), e);
                    reason = String.valueOf(e.getMessage());
                }
                if (reason != null) {
                    Ticket back = original.with(original.order().withStatus(at.status()));
                    String why = reason;
                    fx.execute(() -> refused.refused(back, hold.shownStatus(), why));
                    return;
                }
            }
            Order answer = at;
            fx.execute(() -> confirmed.confirmed(original.order(), answer));
        });
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
