package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's tickets in the order the cooks read them, oldest first, each order once: found by any of
 * its keys, a new one put in its place, two tickets of one order folded into one. On the FX thread.
 */
final class OpenTickets {
    private static final Logger LOG = LoggerFactory.getLogger(OpenTickets.class);

    private final ObservableList<Ticket> tickets = FXCollections.observableArrayList();

    ObservableList<Ticket> list() {
        return tickets;
    }

    /** All of them at once, oldest first (the board's start). */
    void setAll(List<Ticket> loaded) {
        List<Ticket> sorted = new ArrayList<>(loaded);
        sorted.sort(OLDEST_FIRST);
        tickets.setAll(sorted);
    }

    /** Every card shows its ticket again (what it shows depends on something else that changed). */
    void showAllAgain() {
        for (int i = 0; i < tickets.size(); i++) {
            tickets.set(i, tickets.get(i));
        }
    }

    /**
     * One order that reached the board as two tickets before anything linked its keys (the ledger merges
     * the two and announces the order with every key): the older ticket stays, at the further status.
     */
    void foldTwins(Order order) {
        int first = indexOf(order);
        if (first < 0) {
            return;
        }
        for (int i = tickets.size() - 1; i > first; i--) {
            Ticket twin = tickets.get(i);
            if (twin.isFor(order)) {
                tickets.remove(i);
                Ticket kept = tickets.get(first);
                if (kept.status().isBefore(twin.status()) && twin.cancelledAt() == null) {
                    tickets.set(first, kept.with(kept.order().withStatus(twin.status())));
                }
                LOG.info("order {} reached the board twice before its keys were linked: one ticket now",
                        order.label());
            }
        }
    }

    void insert(Ticket ticket) {
        int at = 0;
        while (at < tickets.size() && OLDEST_FIRST.compare(tickets.get(at), ticket) <= 0) {
            at++;
        }
        tickets.add(at, ticket);
    }

    int indexOf(Order order) {
        for (int i = 0; i < tickets.size(); i++) {
            if (tickets.get(i).isFor(order)) {
                return i;
            }
        }
        return -1;
    }

    private static final Comparator<Ticket> OLDEST_FIRST = Comparator
            .comparing((Ticket t) -> t.order().createdAt() != null ? t.order().createdAt() : t.arrived())
            .thenComparing(Ticket::arrived);
}
