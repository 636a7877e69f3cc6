package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.ui.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
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
    // states as pseudo-classes, not style classes: a style class change re-applies all of the card's CSS,
    // a pseudo-class change only re-matches, and a burst of new tickets changes hundreds of them
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    private static final PseudoClass CANCELLED = PseudoClass.getPseudoClass("cancelled");
    private static final PseudoClass READY = PseudoClass.getPseudoClass("ready");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass LATE = PseudoClass.getPseudoClass("late");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final Map<OrderStatus, PseudoClass> STATUS = new EnumMap<>(OrderStatus.class);

    static {
        for (OrderStatus status : OrderStatus.values()) {
            STATUS.put(status, PseudoClass.getPseudoClass(status.wireName()));
        }
    }

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
    /**
     * Heights measured once per content: wrapped labels make a card's height depend on its width, so
     * JavaFX would measure every card's text again on each layout of the board (all 300 of them for
     * one new card). The width is fixed by CSS; the content changes only in {@link #show}.
     */
    private double measuredFor = Double.NaN;
    private double measuredPref;
    private double measuredMin;

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

    @Override
    protected double computePrefHeight(double width) {
        measure(width);
        return measuredPref;
    }

    @Override
    protected double computeMinHeight(double width) {
        measure(width);
        return measuredMin;
    }

    private void measure(double width) {
        if (Double.compare(width, measuredFor) != 0) {
            measuredPref = super.computePrefHeight(width);
            measuredMin = super.computeMinHeight(width);
            measuredFor = width;
        }
    }

    void show(Ticket ticket, Instant now, Ticket.Age level) {
        Ticket before = shown;
        measuredFor = Double.NaN; // the content may change height: measure again on the next layout
        shown = ticket;
        setId("ticket-" + ticket.shortNumber());
        number.setText("#" + ticket.shortNumber());
        customer.setText(ticket.order().customerName() == null ? "" : ticket.order().customerName());
        source.setText(messages.get("kitchen.source." + ticket.source()));
        status.setText(messages.get("kitchen.status." + ticket.status().wireName()));
        STATUS.forEach((state, pseudoClass) -> status.pseudoClassStateChanged(pseudoClass, state == ticket.status()));
        if (before == null || !before.order().items().equals(ticket.order().items())) {
            showItems(ticket);
        }
        OrderStatus next = ticket.status().next();
        boolean cancelled = ticket.cancelledAt() != null;
        bump.getParent().setVisible(next != null && !cancelled);
        bump.getParent().setManaged(next != null && !cancelled);
        bump.setDisable(ticket.bumping());
        bump.setText(ticket.bumping() ? "…" : next == null ? "" : messages.get("kitchen.bump." + next.wireName()));
        pseudoClassStateChanged(FRESH, ticket.fresh());
        pseudoClassStateChanged(CANCELLED, cancelled);
        pseudoClassStateChanged(READY, ticket.status() == OrderStatus.READY);
        showAge(now, level);
    }

    void showAge(Instant now, Ticket.Age level) {
        // whole minutes: what the thresholds are made of, and one label change a minute per ticket, not
        // one a second (300 tickets re-laid out every second cost the board its smoothness)
        Duration elapsed = shown.ageAt(now);
        String text = messages.get("kitchen.age", elapsed.toMinutes());
        if (!text.equals(age.getText())) {
            age.setText(text);
        }
        pseudoClassStateChanged(WARNING, level == Ticket.Age.WARNING);
        pseudoClassStateChanged(LATE, level == Ticket.Age.LATE);
    }

    /** The bump-bar number (1 to 9), or none; and whether the bump bar picked this ticket. */
    void showPosition(int index, boolean selected) {
        String text = index < 9 ? Integer.toString(index + 1) : "";
        if (!text.equals(position.getText())) {
            position.setText(text);
        }
        position.setVisible(!text.isEmpty());
        position.setManaged(!text.isEmpty());
        pseudoClassStateChanged(SELECTED, selected);
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
}
