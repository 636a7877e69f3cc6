package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.config.Settings;
import id.outletkiosk.sync.OrderStatusDesk;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kitchen board's state, on the FX thread: open tickets oldest first (and cancelled ones, struck
 * through, for a while), the last completed ones for recall, the all-day counts, the connection
 * banner, a message when a bump was refused. Bumps are optimistic: the card moves at once, the
 * server is asked on {@code worker}, and a refusal puts the ticket back. Tested without a screen.
 */
public final class KitchenBoardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenBoardViewModel.class);
    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    static final Duration CANCELLED_FOR = Duration.ofSeconds(30);
    static final Duration MESSAGE_FOR = Duration.ofSeconds(10);
    static final Duration CHIME_GAP = Duration.ofMillis(1500);
    static final int RECALL_KEPT = 12;
    /** Closed orders remembered so a late echo of an open status cannot bring one back (a few hours of a busy day). */
    static final int CLOSED_KEPT = 500;

    /** How a bump is made; {@link OrderStatusDesk#change} in the app (durable, then sent). Blocking. */
    @FunctionalInterface
    public interface Bumps {
        Order bump(Order order, OrderStatus next) throws OrderStatusDesk.ChangeRefused;
    }

    /**
     * A bump refused: which order, and why; {@code byHeadOffice} when central refused it later, for good,
     * after the board had shown it (the ticket stays where the cook put it).
     */
    public record Refusal(String orderNumber, String reason, boolean byHeadOffice, Instant at) {
    }


    /** One line of the all-day panel: a dish and how many are still to cook. */
    public record AllDayLine(String dish, int count) {
    }

    private final Bumps bumps;
    private final Settings.KitchenOptions options;
    private final Executor worker;
    private final Executor fx;
    private final Clock clock;
    private final Runnable chime;
    private final ObservableList<Ticket> tickets = FXCollections.observableArrayList();
    private final ObservableList<Ticket> recalled = FXCollections.observableArrayList();
    private final ArrayDeque<Order> closed = new ArrayDeque<>();
    private final ObservableList<AllDayLine> allDay = FXCollections.observableArrayList();
    private final ObjectProperty<Refusal> refusal = new SimpleObjectProperty<>();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final BooleanProperty recallShown = new SimpleBooleanProperty();
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final ObjectProperty<FeedStatus> feed = new SimpleObjectProperty<>();
    private final IntegerProperty receivedSinceDrop = new SimpleIntegerProperty();
    private final IntegerProperty openCount = new SimpleIntegerProperty();
    private Instant lastChime = Instant.EPOCH;
    /** The order the bump bar picked: the pick follows the ticket when older ones leave, and ends with it. */
    private Order picked;

    /**
     * @param worker runs bumps and ledger reads, off the FX thread
     * @param fx     the FX thread ({@code Platform::runLater} in the app)
     */
    public KitchenBoardViewModel(Bumps bumps, Settings.KitchenOptions options, Executor worker, Executor fx,
            Clock clock, Runnable chime) {
        this.bumps = bumps;
        this.options = options;
        this.worker = worker;
        this.fx = fx;
        this.clock = clock;
        this.chime = chime;
        this.muted.set(!options.sound());
        tickets.addListener((javafx.collections.ListChangeListener<Ticket>) change -> followPick());
    }

    /** Open tickets oldest first, then cancelled ones still shown (struck through). */
    public ObservableList<Ticket> tickets() {
        return tickets;
    }

    /** The last completed tickets, newest first. */
    public ObservableList<Ticket> recalled() {
        return recalled;
    }

    public ObservableList<AllDayLine> allDay() {
        return allDay;
    }

    public ObjectProperty<Refusal> refusalProperty() {
        return refusal;
    }

    /** The ticket picked with a bump-bar number key (index in {@link #tickets()}), -1 for none. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public BooleanProperty recallShownProperty() {
        return recallShown;
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public ObjectProperty<FeedStatus> feedProperty() {
        return feed;
    }

    /** New orders heard since the board left the central socket (0 while on it). */
    public IntegerProperty receivedSinceDropProperty() {
        return receivedSinceDrop;
    }

    /** Tickets a cook still has to deal with: open ones, not the cancelled ones still shown. */
    public IntegerProperty openCountProperty() {
        return openCount;
    }

    /**
     * How late a ticket looks: amber from {@code ticket-warn-after}, red from {@code ticket-late-after},
     * counted from when the order was placed (when the board first saw it, for an order without a time).
     */
    public Ticket.Age ageOf(Ticket ticket, Instant now) {
        Duration age = ticket.ageAt(now);
        return age.compareTo(options.lateAfter()) >= 0 ? Ticket.Age.LATE
                : age.compareTo(options.warnAfter()) >= 0 ? Ticket.Age.WARNING : Ticket.Age.CALM;
    }

    /**
     * Head office refused a change this board made, later and for good (the outbox set it aside for a
     * manager): the ticket stays where the cook put it, the red line says why. On the FX thread.
     */
    void refusedByHeadOffice(String orderLabel, String reason) {
        refusal.set(new Refusal(Order.shortNumber(orderLabel), reason, true, clock.instant()));
    }

    /** The open orders the ledger knows, at start: the board survives a restart without a chime. */
    public void load(List<Order> open) {
        Instant now = clock.instant();
        List<Ticket> loaded = new ArrayList<>();
        for (Order order : open) {
            loaded.add(new Ticket(order, now, false, false, null));
        }
        loaded.sort(OLDEST_FIRST);
        tickets.setAll(loaded);
        countAllDay();
    }

    /** Each order event from the feed, once, in order; call on the FX thread. */
    public void onOrder(OrderEvent event) {
        Order order = event.order();
        foldTwins(order);
        int index = indexOf(order);
        Instant now = clock.instant();
        if (event.type() == OrderEventType.NEW_ORDER && !isOnline()) {
            receivedSinceDrop.set(receivedSinceDrop.get() + 1);
        }
        if (order.status() == OrderStatus.COMPLETED) {
            if (index >= 0) {
                remember(tickets.remove(index).with(order).withBumping(false));
            }
        } else if (order.status() == OrderStatus.CANCELLED) {
            if (index >= 0) {
                Ticket was = tickets.get(index);
                tickets.set(index, new Ticket(order, was.arrived(), false, false, now));
            }
        } else if (index >= 0) {
            Ticket was = tickets.get(index);
            // a late echo of an older status must not undo a bump made here
            boolean notOlder = was.status() == order.status() || was.status().isBefore(order.status());
            if (notOlder) {
                tickets.set(index, was.with(was.order().withStatus(order.status()).filledFrom(order)));
            }
        } else if (closedHere(order)) {
            // a late echo of an open status for an order served or cancelled on this board: events reach
            // the FX thread after the feed recorded them, so a cook's tap may have closed it meanwhile
            LOG.debug("ignoring {} for order {}: it closed on this board", order.status().wireName(), order.label());
        } else {
            boolean isNew = event.type() == OrderEventType.NEW_ORDER;
            insert(new Ticket(order, now, isNew, false, null));
            if (isNew) {
                ring(now);
            }
        }
        countAllDay();
    }

    public void onFeedStatus(FeedStatus status) {
        boolean wasOnline = isOnline();
        feed.set(status);
        if (wasOnline != isOnline() || isOnline()) {
            receivedSinceDrop.set(0);
        }
    }

    /** One tap, or Enter on the selected ticket: the next status, shown at once, confirmed by the server. */
    public void bump(Ticket shown) {
        int index = indexOf(shown.order());
        if (index < 0) {
            return;
        }
        Ticket ticket = tickets.get(index); // as it is now, whatever the card showed
        OrderStatus next = ticket.status().next();
        if (next == null || ticket.bumping() || ticket.cancelledAt() != null) {
            return;
        }
        Ticket moved = ticket.with(ticket.order().withStatus(next)).withBumping(true).withFresh(false);
        if (next == OrderStatus.COMPLETED) {
            tickets.remove(index);
            remember(moved);
        } else {
            tickets.set(index, moved);
        }
        countAllDay();
        worker.execute(() -> {
            try {
                Order answer = bumps.bump(ticket.order(), next);
                fx.execute(() -> confirm(moved, answer));
            } catch (OrderStatusDesk.ChangeRefused e) {
                LOG.info("bump of order {} to {} refused: {}", ticket.order().orderNumber(), next.wireName(),
                        e.getMessage());
                fx.execute(() -> rollBack(ticket, moved, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("bump of order {} failed", ticket.order().orderNumber(), e);
                fx.execute(() -> rollBack(ticket, moved, String.valueOf(e.getMessage())));
            }
        });
    }

    public void bumpSelected() {
        int index = selected.get();
        if (index >= 0 && index < tickets.size()) {
            bump(tickets.get(index));
        }
    }

    /**
     * Bump-bar number {@code number} (1 is the oldest ticket): it stays picked, so "3, Enter, Enter"
     * moves that ticket two steps; 0 (or a number with no ticket) picks none.
     */
    public void select(int number) {
        int index = number - 1;
        picked = index >= 0 && index < tickets.size() ? tickets.get(index).order() : null;
        followPick();
    }

    private void followPick() {
        int index = picked == null ? -1 : indexOf(picked);
        if (index < 0) {
            picked = null;
        }
        selected.set(index);
    }

    public void toggleRecall() {
        recallShown.set(!recallShown.get());
    }

    public void toggleMute() {
        muted.set(!muted.get());
    }

    /** Once a second: new tickets stop glowing, cancelled ones leave, an old message goes. */
    public void tick() {
        Instant now = clock.instant();
        for (int i = tickets.size() - 1; i >= 0; i--) {
            Ticket ticket = tickets.get(i);
            if (ticket.cancelledAt() != null && !now.isBefore(ticket.cancelledAt().plus(CANCELLED_FOR))) {
                rememberClosed(tickets.remove(i).order());
            } else if (ticket.fresh() && !now.isBefore(ticket.arrived().plus(FRESH_FOR))) {
                tickets.set(i, ticket.withFresh(false));
            }
        }
        Refusal shown = refusal.get();
        if (shown != null && !now.isBefore(shown.at().plus(MESSAGE_FOR))) {
            refusal.set(null);
        }
    }

    private boolean isOnline() {
        return feed.get() == null || feed.get().mode() == FeedMode.ONLINE;
    }

    // confirm and roll back find the ticket by its keys: a feed update may have replaced it meanwhile
    private void confirm(Ticket moved, Order answer) {
        int index = indexOf(moved.order());
        if (index >= 0) {
            Ticket now = tickets.get(index);
            tickets.set(index, now.with(now.order().withStatus(answer.status()).filledFrom(answer)).withBumping(false));
        } else {
            int recall = indexIn(recalled, moved.order());
            if (recall >= 0) {
                recalled.set(recall, recalled.get(recall).withBumping(false));
            }
        }
        countAllDay();
    }

    private void rollBack(Ticket original, Ticket moved, String reason) {
        int index = indexOf(moved.order());
        if (index >= 0) {
            if (tickets.get(index).status() == moved.status()) { // not moved on by another screen meanwhile
                tickets.set(index, original);
            }
        } else {
            int recall = indexIn(recalled, moved.order());
            if (recall >= 0) {
                recalled.remove(recall);
                insert(original);
            }
        }
        refusal.set(new Refusal(original.shortNumber(), reason, false, clock.instant()));
        countAllDay();
    }

    /**
     * One order that reached the board as two tickets before anything linked its keys (the ledger merges
     * the two and announces the order with every key): the older ticket stays, at the further status.
     */
    private void foldTwins(Order order) {
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

    /** Orders that left this board served or cancelled, newest last, so a late echo cannot bring one back. */
    private void rememberClosed(Order order) {
        closed.addLast(order);
        if (closed.size() > CLOSED_KEPT) {
            closed.removeFirst();
        }
    }

    private boolean closedHere(Order order) {
        return closed.stream().anyMatch(gone -> gone.sharesKeyWith(order));
    }

    private void remember(Ticket completed) {
        rememberClosed(completed.order());
        recalled.add(0, completed);
        if (recalled.size() > RECALL_KEPT) {
            recalled.remove(RECALL_KEPT, recalled.size());
        }
    }

    private void ring(Instant now) {
        if (!muted.get() && !now.isBefore(lastChime.plus(CHIME_GAP))) {
            lastChime = now; // a burst of orders rings once, not a hundred times
            chime.run();
        }
    }

    private void insert(Ticket ticket) {
        int at = 0;
        while (at < tickets.size() && OLDEST_FIRST.compare(tickets.get(at), ticket) <= 0) {
            at++;
        }
        tickets.add(at, ticket);
    }

    private int indexOf(Order order) {
        return indexIn(tickets, order);
    }

    private static int indexIn(List<Ticket> list, Order order) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isFor(order)) {
                return i;
            }
        }
        return -1;
    }

    /** Dishes still to cook: items of pending and preparing tickets (ready ones are cooked). */
    private void countAllDay() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Ticket ticket : tickets) {
            if (ticket.cancelledAt() == null && (ticket.status() == OrderStatus.PENDING
                    || ticket.status() == OrderStatus.PREPARING)) {
                for (OrderItem item : ticket.order().items()) {
                    counts.merge(Ticket.dishName(item), item.quantity(), Integer::sum);
                }
            }
        }
        openCount.set((int) tickets.stream().filter(ticket -> ticket.cancelledAt() == null).count());
        List<AllDayLine> lines = new ArrayList<>();
        counts.forEach((dish, count) -> lines.add(new AllDayLine(dish, count)));
        lines.sort(Comparator.comparingInt(AllDayLine::count).reversed().thenComparing(AllDayLine::dish));
        if (!lines.equals(allDay)) {
            allDay.setAll(lines);
        }
    }

    private static final Comparator<Ticket> OLDEST_FIRST = Comparator
            .comparing((Ticket t) -> t.order().createdAt() != null ? t.order().createdAt() : t.arrived())
            .thenComparing(Ticket::arrived);
}
