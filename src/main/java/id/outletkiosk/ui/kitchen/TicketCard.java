package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.ui.Messages;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
 * One ticket, readable from two metres, compact (no row height: the board stacks cards in columns):
 * <ul>
 * <li>the header, in the ageing colour (slate, amber with dark text, red): the slot key (a letter, see
 * {@link BoardPages}) and the order number alone on its line in large type, never cut (up to 8
 * characters, "K12-0007", fit);</li>
 * <li>the state band: a shape and the word (○ NEW, ◐ COOKING, ✔ READY, ✖ CANCELLED) and the age; the
 * whole card takes the state's colour too (white, orange, green), so the shape and word are the second
 * cue for whoever does not see the colours;</li>
 * <li>customer and source, each dish with its quantity and its notes on yellow, one button for the next step.</li>
 * </ul>
 * A picked card has a thick blue frame and its key inverted. Built once per ticket; {@link #show} only
 * changes what changed.
 */
final class TicketCard extends VBox {
    // states as pseudo-classes, not style classes: a style class change re-applies all of the card's CSS,
    // a pseudo-class change only re-matches, and a burst of new tickets changes hundreds of them
    /** The card's property that holds its ticket's short number: how a test or a benchmark finds the card. */
    static final String NUMBER = "ticket-number";
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    private static final PseudoClass CANCELLED = PseudoClass.getPseudoClass("cancelled");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass LATE = PseudoClass.getPseudoClass("late");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass DISH_DONE = PseudoClass.getPseudoClass("done");
    private static final Map<OrderStatus, PseudoClass> STATUS = new EnumMap<>(OrderStatus.class);

    static {
        for (OrderStatus status : OrderStatus.values()) {
            STATUS.put(status, PseudoClass.getPseudoClass(status.wireName()));
        }
    }

    private final Messages messages;
    private static final Map<OrderStatus, String> SHAPE = new EnumMap<>(Map.of(OrderStatus.PENDING, "○",
            OrderStatus.PREPARING, "◐", OrderStatus.READY, "✔", OrderStatus.COMPLETED, "✔",
            OrderStatus.CANCELLED, "✖"));

    private final Label slot = new Label();
    private final Label number = new Label();
    private final Label age = new Label();
    private final Label customer = new Label();
    private final Label source = new Label();
    private final Label shape = new Label();
    private final Label status = new Label();
    private final VBox items = new VBox(4);
    private final Label progress = new Label();
    private final Button bump = new Button();
    private final StationLens lens;
    private final BiConsumer<Ticket, Integer> onDish;
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
        this(messages, onBump, StationLens.wholeOrders(), (ticket, line) -> { });
    }

    /**
     * @param lens   what this screen shows of an order: a station's dishes (each a tap target), or the
     *               whole order with each station's progress (the expo)
     * @param onDish a station's cook tapped one dish (its line in the order)
     */
    TicketCard(Messages messages, Consumer<Ticket> onBump, StationLens lens, BiConsumer<Ticket, Integer> onDish) {
        this.messages = messages;
        this.lens = lens;
        this.onDish = onDish;
        getStyleClass().add("ticket");
        slot.getStyleClass().add("ticket-key");
        number.getStyleClass().add("ticket-number");
        age.getStyleClass().add("ticket-age");
        customer.getStyleClass().add("ticket-customer");
        source.getStyleClass().add("ticket-source");
        shape.getStyleClass().add("ticket-shape");
        status.getStyleClass().add("ticket-status");
        // the number and the age are never cut: the customer's name gives way instead
        for (Label whole : List.of(slot, number, age, shape, status, source)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(8, slot, number);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("ticket-header");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox state = new HBox(4, shape, status, spacer, age);
        state.setAlignment(Pos.CENTER_LEFT);
        state.getStyleClass().add("ticket-state");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox who = new HBox(8, customer, gap, source);
        who.setAlignment(Pos.CENTER_LEFT);
        who.getStyleClass().add("ticket-who");
        customer.setMinWidth(0);
        customer.setWrapText(true); // a long name wraps, never cut
        items.getStyleClass().add("ticket-items");
        progress.getStyleClass().add("ticket-progress");
        progress.setWrapText(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(lens.isExpo());
        progress.setManaged(lens.isExpo());
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
        getChildren().addAll(header, state, progress, who, items, actions);
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
        // the number as a property, not a CSS id: JavaFX caches styles per distinct id for as long as the
        // scene lives, so an id per order made the board's heap grow with every order of the day
        getProperties().put(NUMBER, ticket.shortNumber());
        number.setText("#" + ticket.shortNumber());
        customer.setText(ticket.order().customerName() == null ? "" : ticket.order().customerName());
        // central's number, small, beside where the order came from: the big one is the customer's
        String central = ticket.centralNumber();
        source.setText(messages.get("kitchen.source." + ticket.source()) + (central == null ? "" : " · #" + central));
        OrderStatus shownStatus = ticket.cancelledAt() != null ? OrderStatus.CANCELLED : ticket.status();
        status.setText(messages.get("kitchen.status." + shownStatus.wireName()));
        shape.setText(SHAPE.get(shownStatus));
        STATUS.forEach((state, pseudoClass) -> pseudoClassStateChanged(pseudoClass, state == shownStatus));
        // dishes are built again only when the ones this screen shows change: another station's tap on the
        // same order must not rebuild them under a cook's finger
        if (before == null || !before.order().items().equals(ticket.order().items())
                || !doneShown(before).equals(doneShown(ticket))) {
            showItems(ticket);
        }
        if (lens.isExpo()) {
            progress.setText(progressText(ticket));
        }
        OrderStatus next = lens.nextStatus(ticket.status());
        boolean cancelled = ticket.cancelledAt() != null;
        bump.getParent().setVisible(next != null && !cancelled);
        bump.getParent().setManaged(next != null && !cancelled);
        bump.setDisable(ticket.bumping());
        bump.setText(ticket.bumping() ? "…" : next == null ? ""
                : messages.get(lens.isStation() ? "kitchen.bump.dishes" : "kitchen.bump." + next.wireName()));
        pseudoClassStateChanged(FRESH, ticket.fresh());
        pseudoClassStateChanged(CANCELLED, cancelled);
        age.setVisible(!cancelled); // a cancelled ticket needs no timer, and its longer word the room
        age.setManaged(!cancelled);
        showAge(now, level);
    }

    void showAge(Instant now, Ticket.Age level) {
        // whole minutes: what the thresholds are made of, and one label change a minute per ticket, not
        // one a second (300 tickets re-laid out every second cost the board its smoothness)
        String text = Ticket.ageText(shown.ageAt(now), messages);
        if (!text.equals(age.getText())) {
            age.setText(text);
        }
        pseudoClassStateChanged(WARNING, level == Ticket.Age.WARNING);
        pseudoClassStateChanged(LATE, level == Ticket.Age.LATE);
    }

    /** The slot key that picks this ticket ("A"), null for none; and whether the bump bar picked it. */
    void showSlot(String key, boolean selected) {
        String text = key == null ? "" : key;
        if (!text.equals(slot.getText())) {
            slot.setText(text);
        }
        slot.setVisible(!text.isEmpty());
        slot.setManaged(!text.isEmpty());
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** The dishes this screen cooks; on a station each is a tap target, struck through once done. */
    private void showItems(Ticket ticket) {
        items.getChildren().clear();
        DishesDone done = StationLens.dishesDone(ticket.order());
        for (int line : lens.linesFor(ticket.order())) {
            OrderItem item = ticket.order().items().get(line);
            boolean isDone = done.isDone(line);
            Label dish = new Label((isDone ? "✔ " : "") + item.quantity() + "× " + Ticket.dishName(item));
            dish.getStyleClass().add("ticket-item");
            dish.setWrapText(true);
            if (lens.isStation()) {
                dish.getStyleClass().add("ticket-dish");
                dish.pseudoClassStateChanged(DISH_DONE, isDone);
                dish.setMaxWidth(Double.MAX_VALUE);
                dish.setOnMouseClicked(event -> {
                    if (shown != null) {
                        onDish.accept(shown, line);
                    }
                });
            }
            items.getChildren().add(dish);
            if (item.notes() != null && !item.notes().isBlank()) {
                Label notes = new Label("⚠ " + item.notes());
                notes.getStyleClass().add("ticket-notes");
                notes.setWrapText(true);
                notes.setMaxWidth(Double.MAX_VALUE);
                items.getChildren().add(notes);
            }
        }
    }

    /** Which of the dishes this screen shows are done. */
    private List<Boolean> doneShown(Ticket ticket) {
        DishesDone done = StationLens.dishesDone(ticket.order());
        return lens.linesFor(ticket.order()).stream().map(done::isDone).toList();
    }

    /** "Minuman ✔ · Dapur 2/3": each station's share of the order, done ones ticked. */
    private String progressText(Ticket ticket) {
        List<String> parts = new java.util.ArrayList<>();
        for (StationLens.Progress share : lens.progress(ticket.order())) {
            String name = share.station().equals(StationLens.KITCHEN) ? messages.get("kitchen.station.kitchen")
                    : share.station();
            parts.add(name + " " + (share.finished() ? "✔" : share.done() + "/" + share.total()));
        }
        return String.join(" · ", parts);
    }
}
