package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.ui.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One ticket, readable from two metres: bump-bar number and order number large, the age timer in its
 * ageing colour, customer and source, each dish with its quantity and its notes standing out, and one
 * button for the next step. Built once per ticket; {@link #show} only changes what changed.
 */
final class TicketCard extends VBox {
    private final Messages messages;
    private final Label position = new Label();
    private final Label number = new Label();
    private final Label age = new Label();
    private final Label customer = new Label();
    private final Label source = new Label();
    private final Label status = new Label();
    private final VBox items = new VBox(4);
    private final Button bump = new Button();
    private Ticket shown;

    TicketCard(Messages messages, Consumer<Ticket> onBump) {
        this.messages = messages;
        getStyleClass().add("ticket");
        position.getStyleClass().add("ticket-position");
        number.getStyleClass().add("ticket-number");
        age.getStyleClass().add("ticket-age");
        customer.getStyleClass().add("ticket-customer");
        source.getStyleClass().add("ticket-source");
        status.getStyleClass().add("ticket-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, position, number, spacer, age);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("ticket-header");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox who = new HBox(8, customer, gap, source);
        who.setAlignment(Pos.CENTER_LEFT);
        who.getStyleClass().add("ticket-who");
        customer.setMinWidth(0);
        items.getStyleClass().add("ticket-items");
        bump.getStyleClass().add("ticket-bump");
        bump.setMaxWidth(Double.MAX_VALUE);
        bump.setFocusTraversable(false);
        bump.setOnAction(event -> {
            if (shown != null) {
                onBump.accept(shown);
            }
        });
        HBox.setHgrow(bump, Priority.ALWAYS);
        HBox actions = new HBox(bump);
        actions.getStyleClass().add("ticket-actions");
        getChildren().addAll(header, who, status, items, actions);
    }

    Ticket ticket() {
        return shown;
    }

    void show(Ticket ticket, Instant now, Duration warnAfter, Duration lateAfter) {
        Ticket before = shown;
        shown = ticket;
        setId("ticket-" + ticket.shortNumber());
        number.setText("#" + ticket.shortNumber());
        customer.setText(ticket.order().customerName() == null ? "" : ticket.order().customerName());
        source.setText(messages.get("kitchen.source." + ticket.source()));
        status.setText(messages.get("kitchen.status." + ticket.status().wireName()));
        status.getStyleClass().setAll("label", "ticket-status", "status-" + ticket.status().wireName());
        if (before == null || !before.order().items().equals(ticket.order().items())) {
            showItems(ticket);
        }
        OrderStatus next = ticket.status().next();
        boolean cancelled = ticket.cancelledAt() != null;
        bump.getParent().setVisible(next != null && !cancelled);
        bump.getParent().setManaged(next != null && !cancelled);
        bump.setDisable(ticket.bumping());
        bump.setText(ticket.bumping() ? "…" : next == null ? "" : messages.get("kitchen.bump." + next.wireName()));
        toggle("ticket-fresh", ticket.fresh());
        toggle("ticket-cancelled", cancelled);
        toggle("ticket-ready", ticket.status() == OrderStatus.READY);
        showAge(now, warnAfter, lateAfter);
    }

    void showAge(Instant now, Duration warnAfter, Duration lateAfter) {
        Duration elapsed = shown.ageAt(now);
        String text = String.format("%d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
        if (!text.equals(age.getText())) {
            age.setText(text);
        }
        Ticket.Age level = shown.ageLevel(now, warnAfter, lateAfter);
        toggle("ticket-warning", level == Ticket.Age.WARNING);
        toggle("ticket-late", level == Ticket.Age.LATE);
    }

    /** The bump-bar number (1 to 9), or none; and whether the bump bar picked this ticket. */
    void showPosition(int index, boolean selected) {
        String text = index < 9 ? Integer.toString(index + 1) : "";
        if (!text.equals(position.getText())) {
            position.setText(text);
        }
        position.setVisible(!text.isEmpty());
        position.setManaged(!text.isEmpty());
        toggle("ticket-selected", selected);
    }

    private void showItems(Ticket ticket) {
        items.getChildren().clear();
        for (OrderItem item : ticket.order().items()) {
            Label line = new Label(item.quantity() + "× " + Ticket.dishName(item));
            line.getStyleClass().add("ticket-item");
            line.setWrapText(true);
            items.getChildren().add(line);
            if (item.notes() != null && !item.notes().isBlank()) {
                Label notes = new Label("⚠ " + item.notes());
                notes.getStyleClass().add("ticket-notes");
                notes.setWrapText(true);
                notes.setMaxWidth(Double.MAX_VALUE);
                items.getChildren().add(notes);
            }
        }
    }

    private void toggle(String styleClass, boolean on) {
        boolean has = getStyleClass().contains(styleClass);
        if (on && !has) {
            getStyleClass().add(styleClass);
        } else if (!on && has) {
            getStyleClass().remove(styleClass);
        }
    }
}
