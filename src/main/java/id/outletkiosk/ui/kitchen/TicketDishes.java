package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.OrderItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The dishes on a ticket's card: each with its quantity, its notes on yellow under it; on a station each
 * dish is a tap target, struck through once done. The rows are kept: a card shown for another ticket, or
 * the measuring card measuring one, changes their words and builds a row only when it needs more than it had.
 */
final class TicketDishes {
    private static final PseudoClass DISH_DONE = PseudoClass.getPseudoClass("done");

    private final StationLens lens;
    private final Supplier<Ticket> shown;
    private final BiConsumer<Ticket, Integer> onDish;
    private final VBox items = new VBox(4);
    /** Rows in use come first; rows beyond them are hidden until a ticket needs more. */
    private final List<DishRow> rows = new ArrayList<>();

    /**
     * @param shown  the ticket the card shows now (a tap is for it)
     * @param onDish a station's cook tapped one dish (its line in the order)
     */
    TicketDishes(StationLens lens, Supplier<Ticket> shown, BiConsumer<Ticket, Integer> onDish) {
        this.lens = lens;
        this.shown = shown;
        this.onDish = onDish;
        items.getStyleClass().add("ticket-items");
    }

    VBox view() {
        return items;
    }

    /** Shows the ticket's dishes this screen cooks; true when a row had to be built (it needs styling). */
    boolean show(Ticket ticket) {
        DishesDone done = StationLens.dishesDone(ticket.order());
        List<Integer> lines = lens.linesFor(ticket.order());
        boolean built = false;
        while (rows.size() < lines.size()) {
            rows.add(new DishRow());
            built = true;
        }
        for (int at = 0; at < rows.size(); at++) {
            if (at < lines.size()) {
                int line = lines.get(at);
                rows.get(at).show(ticket.order().items().get(line), line, done.isDone(line));
            } else {
                rows.get(at).hide();
            }
        }
        return built;
    }

    /** One dish and, under it, its notes on yellow (hidden when it has none). */
    private final class DishRow {
        final Label dish = new Label();
        final Label notes = new Label();
        int line;

        DishRow() {
            dish.getStyleClass().add("ticket-item");
            dish.setWrapText(true);
            if (lens.isStation()) {
                dish.getStyleClass().add("ticket-dish");
                dish.setMaxWidth(Double.MAX_VALUE);
                dish.setOnMouseClicked(event -> {
                    if (shown.get() != null) {
                        onDish.accept(shown.get(), line);
                    }
                });
            }
            notes.getStyleClass().add("ticket-notes");
            notes.setWrapText(true);
            notes.setMaxWidth(Double.MAX_VALUE);
            items.getChildren().addAll(dish, notes);
        }

        void show(OrderItem item, int dishLine, boolean isDone) {
            line = dishLine;
            dish.setText((isDone ? "✔ " : "") + item.quantity() + "× " + Ticket.dishName(item));
            dish.pseudoClassStateChanged(DISH_DONE, lens.isStation() && isDone);
            shown(dish, true);
            boolean hasNotes = item.notes() != null && !item.notes().isBlank();
            notes.setText(hasNotes ? "⚠ " + item.notes() : "");
            shown(notes, hasNotes);
        }

        void hide() {
            dish.setText(""); // a hidden row is no dish of this ticket, for a lookup either
            notes.setText("");
            shown(dish, false);
            shown(notes, false);
        }

        private static void shown(Label label, boolean visible) {
            label.setVisible(visible);
            label.setManaged(visible);
        }
    }
}
