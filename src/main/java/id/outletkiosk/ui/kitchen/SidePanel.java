package id.outletkiosk.ui.kitchen;

import id.outletkiosk.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The board's side panel: the all-day counts (how many of each dish the open tickets still need), or,
 * while recall is on, the tickets served last, to bring one back. Its lines are kept and their words
 * changed in place: a new line is built (and styled) only when the panel needs more lines than it ever had,
 * so a burst of orders that changes every count builds nothing; lines not needed now are hidden.
 */
final class SidePanel {
    private final Label title;
    private final VBox lines;
    private final Messages messages;
    private final List<AllDayRow> allDayRows = new ArrayList<>();
    private final List<Label> recalledRows = new ArrayList<>();
    /** Which kind of line {@link #lines} holds now. */
    private boolean recallShown;

    SidePanel(Label title, VBox lines, Messages messages) {
        this.title = title;
        this.lines = lines;
        this.messages = messages;
    }

    void show(KitchenBoardViewModel board) {
        boolean recall = board.recallShownProperty().get();
        if (recall != recallShown || lines.getChildren().isEmpty()) {
            recallShown = recall;
            lines.getChildren().clear();
            allDayRows.clear();
            recalledRows.clear();
        }
        if (recall) {
            title.setText(messages.get("kitchen.recalled"));
            List<Ticket> served = board.recalled();
            resize(recalledRows, served.size(), SidePanel::recalledRow, row -> row);
            for (int i = 0; i < served.size(); i++) {
                Ticket ticket = served.get(i);
                setText(recalledRows.get(i), "#" + ticket.shortNumber() + "  " + (ticket.order().customerName() == null
                        ? "" : ticket.order().customerName()) + "\n" + itemsLine(ticket));
            }
            for (int i = served.size(); i < recalledRows.size(); i++) {
                setText(recalledRows.get(i), ""); // a hidden line is no served ticket, for a lookup either
            }
        } else {
            title.setText(messages.get("kitchen.allDay"));
            List<AllDayLine> counts = board.allDay();
            resize(allDayRows, counts.size(), AllDayRow::new, row -> row.view);
            for (int i = 0; i < counts.size(); i++) {
                setText(allDayRows.get(i).count, Integer.toString(counts.get(i).count()));
                setText(allDayRows.get(i).dish, counts.get(i).dish());
            }
            for (int i = counts.size(); i < allDayRows.size(); i++) {
                setText(allDayRows.get(i).count, "");
                setText(allDayRows.get(i).dish, "");
            }
        }
    }

    /**
     * Shows the first {@code size} lines, building the ones it never had; the lines beyond are hidden, not
     * dropped: a line put back into the scene is styled again from scratch, and a board that empties between
     * two rushes would otherwise rebuild and restyle its whole panel on the next rush's first orders (a CSS
     * pass of 20-39 ms in one frame on a two-core kitchen PC).
     */
    private <T> void resize(List<T> rows, int size, Supplier<T> newRow, Function<T, Node> view) {
        while (rows.size() < size) {
            T row = newRow.get();
            rows.add(row);
            lines.getChildren().add(view.apply(row));
        }
        for (int i = 0; i < rows.size(); i++) {
            Node line = view.apply(rows.get(i));
            boolean shown = i < size;
            if (line.isVisible() != shown) {
                line.setVisible(shown);
                line.setManaged(shown);
            }
        }
    }

    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    private static Label recalledRow() {
        Label recalled = new Label();
        recalled.getStyleClass().add("recalled-ticket");
        recalled.setWrapText(true);
        recalled.setMaxWidth(Double.MAX_VALUE);
        return recalled;
    }

    /** One all-day line: the count, then the dish. */
    private static final class AllDayRow {
        final Label count = new Label();
        final Label dish = new Label();
        final HBox view = new HBox(10, count, dish);

        AllDayRow() {
            count.getStyleClass().add("all-day-count");
            dish.getStyleClass().add("all-day-dish");
            dish.setWrapText(true);
            view.getStyleClass().add("all-day-line");
        }
    }

    private static String itemsLine(Ticket ticket) {
        StringBuilder line = new StringBuilder();
        ticket.order().items().forEach(item -> line.append(line.length() == 0 ? "" : ", ")
                .append(item.quantity()).append("× ").append(item.productName()));
        return line.toString();
    }
}
