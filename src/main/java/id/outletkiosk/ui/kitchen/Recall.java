package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import java.util.ArrayDeque;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What left the board: the last served tickets a cook can look back at (newest first), and the orders
 * that closed on this board, remembered so a late echo of an open status cannot bring one back. A
 * served ticket can come back once, while its bump is held (Undo) or when the server refused it.
 */
final class Recall {
    static final int RECALL_KEPT = 12;
    /** Closed orders remembered so a late echo of an open status cannot bring one back (a few hours of a busy day). */
    static final int CLOSED_KEPT = 500;

    private final ObservableList<Ticket> served = FXCollections.observableArrayList();
    private final ArrayDeque<Order> closed = new ArrayDeque<>();

    /** The last served tickets, newest first. */
    ObservableList<Ticket> served() {
        return served;
    }

    void serve(Ticket ticket) {
        closed(ticket.order());
        served.add(0, ticket);
        if (served.size() > RECALL_KEPT) {
            served.remove(RECALL_KEPT, served.size());
        }
    }

    /** An order that left this board served or cancelled, newest last. */
    void closed(Order order) {
        closed.addLast(order);
        if (closed.size() > CLOSED_KEPT) {
            closed.removeFirst();
        }
    }

    boolean closedHere(Order order) {
        return closed.stream().anyMatch(gone -> gone.sharesKeyWith(order));
    }

    /** Takes a served ticket back for the board (its bump undone or refused); null when it is not here. */
    Ticket takeBack(Order order) {
        for (int i = 0; i < served.size(); i++) {
            if (served.get(i).isFor(order)) {
                closed.removeIf(gone -> gone.sharesKeyWith(order));
                return served.remove(i);
            }
        }
        return null;
    }

    void setBumping(Order order, boolean bumping) {
        for (int i = 0; i < served.size(); i++) {
            if (served.get(i).isFor(order)) {
                served.set(i, served.get(i).withBumping(bumping));
                return;
            }
        }
    }
}
