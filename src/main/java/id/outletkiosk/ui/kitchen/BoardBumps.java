package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.sync.OrderStatusDesk;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableList;

/**
 * A cook's changes to the board's tickets and the server's answers to them, on the FX thread: a bump is
 * shown at once and held back for Undo ({@link HeldBump}'s rules), then sent on the worker; a station's
 * dish taps are shown at once and sent; a refusal puts the ticket back and says why. The tickets, the
 * recall list and the held bump are the {@link KitchenBoardViewModel}'s, shared with it.
 */
final class BoardBumps {
    private final OpenTickets open;
    private final ObservableList<Ticket> tickets;
    private final Recall recall;
    private final HeldBump held;
    private final KitchenBoardViewModel.Bumps bumps;
    private final Executor worker;
    private final Executor fx;
    private final Clock clock;
    private final Supplier<StationLens> lens;
    private final Supplier<KitchenBoardViewModel.DishTaps> dishTaps;
    /** Shows a refused change's line. */
    private final Consumer<KitchenBoardViewModel.Refusal> refused;
    /** Shows an order's change as the feed would (a dish tap is one). */
    private final Consumer<OrderEvent> onOrder;
    /** The all-day counts and the open count follow a change of the tickets. */
    private final Runnable countAllDay;

    BoardBumps(OpenTickets open, Recall recall, HeldBump held, KitchenBoardViewModel.Bumps bumps, Executor worker,
            Executor fx, Clock clock, Supplier<StationLens> lens, Supplier<KitchenBoardViewModel.DishTaps> dishTaps,
            Consumer<KitchenBoardViewModel.Refusal> refused, Consumer<OrderEvent> onOrder, Runnable countAllDay) {
        this.open = open;
        this.tickets = open.list();
        this.recall = recall;
        this.held = held;
        this.bumps = bumps;
        this.worker = worker;
        this.fx = fx;
        this.clock = clock;
        this.lens = lens;
        this.dishTaps = dishTaps;
        this.refused = refused;
        this.onOrder = onOrder;
        this.countAllDay = countAllDay;
    }

    /** See {@link KitchenBoardViewModel#bump}. */
    void bump(Ticket shown) {
        int index = open.indexOf(shown.order());
        if (index < 0) {
            return;
        }
        Ticket ticket = tickets.get(index); // as it is now, whatever the card showed
        if (lens.get().isStation()) {
            tapDishes(ticket, lens.get().linesFor(ticket.order()), true);
            return;
        }
        OrderStatus next = lens.get().nextStatus(ticket.status());
        if (next == null || ticket.bumping() || ticket.cancelledAt() != null) {
            return;
        }
        if (!held.holds(ticket.order())) {
            flushHeld(worker);
        }
        held.hold(ticket, next, clock.instant());
        Ticket moved = ticket.with(ticket.order().withStatus(next)).withFresh(false);
        if (next == OrderStatus.COMPLETED) {
            tickets.remove(index);
            recall.serve(moved);
        } else {
            tickets.set(index, moved);
        }
        countAllDay.run();
    }

    /** See {@link KitchenBoardViewModel#tapDish}. */
    void tapDish(Ticket shown, int line) {
        int index = open.indexOf(shown.order());
        if (index < 0 || !lens.get().isStation()) {
            return;
        }
        Ticket ticket = tickets.get(index);
        tapDishes(ticket, List.of(line), !StationLens.dishesDone(ticket.order()).isDone(line));
    }

    /**
     * Shown at once (a ticket whose dishes are all done leaves for recall), then made durable and sent on
     * the worker; a refusal puts the ticket back as it was, with the reason.
     */
    private void tapDishes(Ticket ticket, List<Integer> lines, boolean done) {
        if (ticket.cancelledAt() != null || lines.isEmpty()) {
            return;
        }
        Order before = ticket.order();
        Order tapped = before.withDishesDone(StationLens.dishesDone(before).with(lines, done));
        onOrder.accept(new OrderEvent(OrderEventType.ORDER_UPDATED, tapped, null));
        KitchenBoardViewModel.DishTaps taps = dishTaps.get();
        worker.execute(() -> {
            try {
                taps.markDishes(tapped, lines, done);
            } catch (OrderStatusDesk.ChangeRefused refusedTap) {
                fx.execute(() -> {
                    Ticket served = recall.takeBack(before);
                    if (served != null) {
                        open.insert(served.with(before));
                    } else if (open.indexOf(before) >= 0) {
                        tickets.set(open.indexOf(before), tickets.get(open.indexOf(before)).with(before));
                    }
                    refused.accept(new KitchenBoardViewModel.Refusal(ticket.shortNumber(), refusedTap.getMessage(),
                            false, clock.instant()));
                    countAllDay.run();
                });
            }
        });
    }

    /** See {@link KitchenBoardViewModel#undo}. */
    void undo() {
        HeldBump.Hold hold = held.take();
        if (hold == null) {
            return;
        }
        Ticket original = hold.original();
        int index = open.indexOf(original.order());
        if (index >= 0) {
            Ticket now = tickets.get(index);
            tickets.set(index, now.with(now.order().withStatus(original.status())));
        } else {
            Ticket served = recall.takeBack(original.order());
            if (served != null) {
                open.insert(served.with(served.order().withStatus(original.status())));
            }
        }
        countAllDay.run();
    }

    /** Sends the held bump now, on {@code on} ({@code Runnable::run} when the board closes); none: nothing. */
    void flushHeld(Executor on) {
        HeldBump.Hold hold = held.take();
        if (hold != null) {
            send(hold, on);
        }
    }

    /** The held steps, in order, on {@code on}; the ticket shows "…" until the server's answer. */
    void send(HeldBump.Hold hold, Executor on) {
        setBumping(hold.original().order(), true);
        held.send(hold, bumps, on, fx, this::confirm, this::rollBack);
    }

    // confirm and roll back find the ticket by its keys: a feed update may have replaced it meanwhile
    private void confirm(Order sent, Order answer) {
        int index = open.indexOf(sent);
        if (index >= 0) {
            Ticket now = tickets.get(index);
            // never back: the feed may have brought a further status meanwhile
            OrderStatus status = now.status().isBefore(answer.status()) ? answer.status() : now.status();
            tickets.set(index, now.with(now.order().withStatus(status).filledFrom(answer)).withBumping(false));
        } else {
            setBumping(sent, false);
        }
        countAllDay.run();
    }

    /** The server refused a step: the ticket goes back to where the server has it ({@code back}). */
    private void rollBack(Ticket back, OrderStatus shown, String reason) {
        int index = open.indexOf(back.order());
        if (index >= 0) {
            if (tickets.get(index).status() == shown) { // not moved on by another screen meanwhile
                tickets.set(index, tickets.get(index).with(back.order()).withBumping(false));
            } else {
                tickets.set(index, tickets.get(index).withBumping(false));
            }
        } else {
            if (recall.takeBack(back.order()) != null) {
                open.insert(back.withBumping(false));
            }
        }
        refused.accept(new KitchenBoardViewModel.Refusal(back.shortNumber(), reason, false, clock.instant()));
        countAllDay.run();
    }

    /** Marks the order's ticket (on the board or in recall) as waiting for the server, or not. */
    private void setBumping(Order order, boolean bumping) {
        int index = open.indexOf(order);
        if (index >= 0) {
            tickets.set(index, tickets.get(index).withBumping(bumping));
        } else {
            recall.setBumping(order, bumping);
        }
    }
}
