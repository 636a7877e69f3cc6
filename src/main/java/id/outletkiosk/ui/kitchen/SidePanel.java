package id.outletkiosk.ui.kitchen;

import id.outletkiosk.ui.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The board's side panel: the all-day counts (how many of each dish the open tickets still need), or,
 * while recall is on, the tickets served last, to bring one back. Rebuilt whole on each change: a few
 * dozen lines at most, once per FX turn.
 */
final class SidePanel {
    private final Label title;
    private final VBox lines;
    private final Messages messages;

    SidePanel(Label title, VBox lines, Messages messages) {
        this.title = title;
        this.lines = lines;
        this.messages = messages;
    }

    void show(KitchenBoardViewModel board) {
        lines.getChildren().clear();
        if (board.recallShownProperty().get()) {
            title.setText(messages.get("kitchen.recalled"));
            for (Ticket ticket : board.recalled()) {
                Label recalled = new Label("#" + ticket.shortNumber() + "  " + (ticket.order().customerName() == null
                        ? "" : ticket.order().customerName()) + "\n" + itemsLine(ticket));
                recalled.getStyleClass().add("recalled-ticket");
                recalled.setWrapText(true);
                recalled.setMaxWidth(Double.MAX_VALUE);
                lines.getChildren().add(recalled);
            }
        } else {
            title.setText(messages.get("kitchen.allDay"));
            for (AllDayLine line : board.allDay()) {
                Label count = new Label(Integer.toString(line.count()));
                count.getStyleClass().add("all-day-count");
                Label dish = new Label(line.dish());
                dish.getStyleClass().add("all-day-dish");
                dish.setWrapText(true);
                HBox row = new HBox(10, count, dish);
                row.getStyleClass().add("all-day-line");
                lines.getChildren().add(row);
            }
        }
    }

    private static String itemsLine(Ticket ticket) {
        StringBuilder line = new StringBuilder();
        ticket.order().items().forEach(item -> line.append(line.length() == 0 ? "" : ", ")
                .append(item.quantity()).append("× ").append(item.productName()));
        return line.toString();
    }
}
