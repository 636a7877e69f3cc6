package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The all-day counts, dishes still to cook: the dishes this screen cooks (a station's own) of pending and
 * preparing tickets, not tapped done (ready ones are cooked), most first. Kept as the tickets change: each ticket that leaves the list takes its dishes off,
 * each that comes puts them on, so a batch of new orders costs its own tickets, not a recount of every
 * open one (with 300 open, the recount per batch was the FX thread's largest allocation after text
 * layout). When the lens or its menu changes, a ticket's dishes may count differently than when it came,
 * so the counts are made again from the whole list. FX thread.
 */
final class AllDayCounts {
    private final ObservableList<Ticket> tickets;
    private final Supplier<StationLens> lens;
    private final Map<String, Integer> counts = new HashMap<>();
    private StationLens countedWith;
    private int menuCountedWith;

    AllDayCounts(ObservableList<Ticket> tickets, Supplier<StationLens> lens) {
        this.tickets = tickets;
        this.lens = lens;
        recount();
        tickets.addListener((ListChangeListener<Ticket>) this::follow);
    }

    /** The counts for the tickets as they are now, most first (then by dish). */
    List<AllDayLine> lines() {
        if (!countsStillHold()) {
            recount();
        }
        List<AllDayLine> lines = new ArrayList<>(counts.size());
        counts.forEach((dish, count) -> lines.add(new AllDayLine(dish, count)));
        lines.sort(Comparator.comparingInt(AllDayLine::count).reversed().thenComparing(AllDayLine::dish));
        return lines;
    }

    private void follow(ListChangeListener.Change<? extends Ticket> change) {
        if (!countsStillHold()) {
            return; // counted again from the whole list when next asked
        }
        while (change.next()) {
            if (change.wasPermutated()) {
                continue;
            }
            change.getRemoved().forEach(ticket -> add(ticket, -1));
            change.getAddedSubList().forEach(ticket -> add(ticket, 1));
        }
    }

    private boolean countsStillHold() {
        StationLens now = lens.get();
        return now == countedWith && now.menuVersion() == menuCountedWith;
    }

    private void recount() {
        countedWith = lens.get();
        menuCountedWith = countedWith.menuVersion();
        counts.clear();
        tickets.forEach(ticket -> add(ticket, 1));
    }

    /** Puts the ticket's dishes still to cook on the counts ({@code sign} 1) or takes them off (-1). */
    private void add(Ticket ticket, int sign) {
        if (ticket.cancelledAt() != null || (ticket.status() != OrderStatus.PENDING
                && ticket.status() != OrderStatus.PREPARING)) {
            return;
        }
        DishesDone done = StationLens.dishesDone(ticket.order());
        for (int line : countedWith.linesFor(ticket.order())) {
            if (!done.isDone(line)) {
                OrderItem item = ticket.order().items().get(line);
                counts.merge(Ticket.dishName(item), sign * item.quantity(),
                        (was, more) -> was + more == 0 ? null : was + more);
            }
        }
    }
}
