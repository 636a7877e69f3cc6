package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of the all-day panel: a dish and how many are still to cook. */
public record AllDayLine(String dish, int count) {
    /**
     * Dishes still to cook, most first: the dishes this screen cooks (a station's own) of pending and
     * preparing tickets, not tapped done (ready ones are cooked).
     */
    static List<AllDayLine> of(List<Ticket> tickets, StationLens lens) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Ticket ticket : tickets) {
            if (ticket.cancelledAt() == null && (ticket.status() == OrderStatus.PENDING
                    || ticket.status() == OrderStatus.PREPARING)) {
                DishesDone done = StationLens.dishesDone(ticket.order());
                for (int line : lens.linesFor(ticket.order())) {
                    OrderItem item = ticket.order().items().get(line);
                    if (!done.isDone(line)) {
                        counts.merge(Ticket.dishName(item), item.quantity(), Integer::sum);
                    }
                }
            }
        }
        List<AllDayLine> lines = new ArrayList<>();
        counts.forEach((dish, count) -> lines.add(new AllDayLine(dish, count)));
        lines.sort(Comparator.comparingInt(AllDayLine::count).reversed().thenComparing(AllDayLine::dish));
        return lines;
    }
}
