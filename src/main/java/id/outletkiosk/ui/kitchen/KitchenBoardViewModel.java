package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.config.Settings;
import id.outletkiosk.sync.OrderStatusDesk;
import id.outletkiosk.ui.OrderBoard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
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
 * banner, a message when a bump was refused. Which tickets are in view and how the bump bar picks them
 * is {@link BoardPages}'s. Bumps are optimistic and held back: the card moves at once, the change waits
 * {@link HeldBump#HOLD_FOR} so Undo can take it back (only the last bump; a bump of another ticket sends
 * the held one at once; the rules are {@link HeldBump}'s), then the server is asked on {@code worker},
 * and a refusal puts the ticket back ({@link BoardBumps} makes and sends these changes). Tested without a screen.
 */
public final class KitchenBoardViewModel implements OrderBoard {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenBoardViewModel.class);
    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    static final Duration CANCELLED_FOR = Duration.ofSeconds(30);
    static final Duration MESSAGE_FOR = Duration.ofSeconds(10);
    static final Duration CHIME_GAP = Duration.ofMillis(1500);

    /** How a bump is made; {@link OrderStatusDesk#change} in the app (durable, then sent). Blocking. */
    @FunctionalInterface
    public interface Bumps {
        Order bump(Order order, OrderStatus next) throws OrderStatusDesk.ChangeRefused;
    }

    /** How a station's dishes are tapped done; {@code StationDesk#markDishes} in the app (durable, then sent). */
    @FunctionalInterface
    public interface DishTaps {
        Order markDishes(Order order, List<Integer> lines, boolean done) throws OrderStatusDesk.ChangeRefused;

        /** A station has dishes of this order to cook (speed of service counts it from now on). Quick. */
        default void stationHas(Order order, String station) {
        }

        /** A station's dishes of the order are all done. Quick. */
        default void stationDone(Order order, String station) {
        }
    }

    /**
     * A bump refused: which order, and why; {@code byHeadOffice} when central refused it later, for good,
     * after the board had shown it (the ticket stays where the cook put it).
     */
    public record Refusal(String orderNumber, String reason, boolean byHeadOffice, Instant at) {
    }

    private final Settings.KitchenOptions options;
    private final Executor worker;
    private final Clock clock;
    private final Runnable chime;
    private final OpenTickets open = new OpenTickets();
    private final ObservableList<Ticket> tickets = open.list();
    private final Recall recall = new Recall();
    private final ObservableList<AllDayLine> allDay = FXCollections.observableArrayList();
    private final ObjectProperty<Refusal> refusal = new SimpleObjectProperty<>();
    private final BooleanProperty recallShown = new SimpleBooleanProperty();
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final ObjectProperty<FeedStatus> feed = new SimpleObjectProperty<>();
    private final IntegerProperty receivedSinceDrop = new SimpleIntegerProperty();
    private final IntegerProperty openCount = new SimpleIntegerProperty();
    private final BoardPages pages = new BoardPages(tickets);
    private final HeldBump held = new HeldBump();
    private StationLens lens = StationLens.wholeOrders();
    private DishTaps dishTaps = (order, lines, done) -> order; // a whole-order board taps no dishes
    private Instant lastChime = Instant.EPOCH;
    private final BoardBumps moves;
    private final AllDayCounts allDayCounts = new AllDayCounts(tickets, () -> lens);

    /**
     * @param worker runs bumps and ledger reads, off the FX thread
     * @param fx     the FX thread ({@code Platform::runLater} in the app)
     */
    public KitchenBoardViewModel(Bumps bumps, Settings.KitchenOptions options, Executor worker, Executor fx,
            Clock clock, Runnable chime) {
        this.options = options;
        this.worker = worker;
        this.clock = clock;
        this.chime = chime;
        this.muted.set(!options.sound());
        this.moves = new BoardBumps(open, recall, held, bumps, worker, fx, clock, () -> lens, () -> dishTaps,
                refusal::set, this::onOrder, this::countAllDay);
    }

    /**
     * Makes this board a prep station's (its dishes only, tapped done one by one or all at once) or the
     * expo's (whole orders, each station's progress, bumped to ready and served). Before {@link #load}.
     */
    public void useLens(StationLens stationLens, DishTaps taps) {
        this.lens = stationLens;
        this.dishTaps = taps;
    }

    public StationLens lens() {
        return lens;
    }

    /** Open tickets oldest first, then cancelled ones still shown (struck through). */
    public ObservableList<Ticket> tickets() {
        return tickets;
    }

    /** The last completed tickets, newest first. */
    public ObservableList<Ticket> recalled() {
        return recall.served();
    }

    public ObservableList<AllDayLine> allDay() {
        return allDay;
    }

    public ObjectProperty<Refusal> refusalProperty() {
        return refusal;
    }

    /** The tickets in view, the page shown, the pick and the slot keys. */
    public BoardPages pages() {
        return pages;
    }

    /** The bump Undo would take back (null for none); it is sent when its window ends. */
    public ReadOnlyObjectProperty<HeldBump.Hold> heldProperty() {
        return held.property();
    }

    /** Seconds left to undo the held bump, 0 for none. */
    public long undoSecondsLeft() {
        return held.secondsLeft(clock.instant());
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
    @Override
    public void load(List<Order> openOrders) {
        Instant now = clock.instant();
        List<Ticket> loaded = new ArrayList<>();
        for (Order order : openOrders) {
            if (lens.shows(order)) {
                loaded.add(new Ticket(order, now, false, false, null));
            }
        }
        open.setAll(loaded);
        countAllDay();
    }

    /** Each order event from the feed, once, in order; call on the FX thread. */
    @Override
    public void onOrder(OrderEvent event) {
        apply(event);
        countAllDay();
    }

    /** A batch of the feed's events: the all-day counts once, after the last. */
    @Override
    public void onOrders(List<OrderEvent> events) {
        events.forEach(this::apply);
        countAllDay();
    }

    private void apply(OrderEvent event) {
        Order order = event.order();
        HeldBump.Hold rest = held.onNews(order);
        if (rest != null) {
            moves.send(rest, worker);
        }
        open.foldTwins(order);
        int index = open.indexOf(order);
        Instant now = clock.instant();
        if (event.type() == OrderEventType.NEW_ORDER && !isOnline()) {
            receivedSinceDrop.set(receivedSinceDrop.get() + 1);
        }
        if (order.status().isOpen() && !lens.shows(order)) {
            // a station's dishes all done (here or on another screen of the same station): off its screen
            if (index >= 0) {
                recall.serve(tickets.remove(index).with(order).withBumping(false));
                dishTaps.stationDone(order, lens.stationName());
            }
        } else if (order.status() == OrderStatus.COMPLETED) {
            if (index >= 0) {
                recall.serve(tickets.remove(index).with(order).withBumping(false));
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
                Order updated = was.order().withStatus(order.status()).filledFrom(order);
                // the store server's word on the dishes replaces the screen's (a tap can be taken back)
                Order shown = order.dishesDone() == null ? updated : updated.withDishesDone(order.dishesDone());
                tickets.set(index, was.with(shown));
                lens.stationsFinished(was.order(), shown).forEach(station -> dishTaps.stationDone(shown, station));
            }
        } else if (recall.closedHere(order)) {
            // a late echo of an open status for an order served or cancelled on this board: events reach
            // the FX thread after the feed recorded them, so a cook's tap may have closed it meanwhile
            LOG.debug("ignoring {} for order {}: it closed on this board", order.status().wireName(), order.label());
        } else {
            boolean isNew = event.type() == OrderEventType.NEW_ORDER;
            open.insert(new Ticket(order, now, isNew, false, null));
            lens.stationsCooking(order).forEach(station -> dishTaps.stationHas(order, station));
            if (isNew) {
                ring(now);
            }
        }
    }

    @Override
    public void onFeedStatus(FeedStatus status) {
        boolean wasOnline = isOnline();
        feed.set(status);
        if (wasOnline != isOnline() || isOnline()) {
            receivedSinceDrop.set(0);
        }
    }

    /**
     * One tap, or Enter on the picked ticket: the next status, shown at once and held back for Undo; a
     * bump held for another ticket is sent now. On a station's screen: all of the ticket's dishes done.
     */
    public void bump(Ticket shown) {
        moves.bump(shown);
    }

    /** A cook taps one dish of a station's ticket: done, or (tapped again) not done. */
    public void tapDish(Ticket shown, int line) {
        moves.tapDish(shown, line);
    }

    /** The expo learned the store's stations: every ticket shows its progress by them. */
    public void refreshProgress() {
        open.showAllAgain();
    }

    public void bumpSelected() {
        int index = pages.selectedProperty().get();
        if (index >= 0 && index < tickets.size()) {
            bump(tickets.get(index));
        }
    }

    /**
     * Takes the held bump back: the ticket returns to where it was (a served one comes back from recall)
     * and nothing is sent. After the window (the bump was sent) there is nothing to undo.
     */
    public void undo() {
        moves.undo();
    }

    /** Sends the held bump now, as if its window had ended. */
    public void flushHeld() {
        flushHeld(worker);
    }

    /** Sends the held bump now, on {@code on} ({@code Runnable::run} when the board closes); none: nothing. */
    public void flushHeld(Executor on) {
        moves.flushHeld(on);
    }

    public void toggleRecall() {
        recallShown.set(!recallShown.get());
    }

    public void toggleMute() {
        muted.set(!muted.get());
    }

    /** Once a second: new tickets stop glowing, cancelled ones leave, a held bump is sent, an old message goes. */
    public void tick() {
        Instant now = clock.instant();
        for (int i = tickets.size() - 1; i >= 0; i--) {
            Ticket ticket = tickets.get(i);
            if (ticket.cancelledAt() != null && !now.isBefore(ticket.cancelledAt().plus(CANCELLED_FOR))) {
                recall.closed(tickets.remove(i).order());
            } else if (ticket.fresh() && !now.isBefore(ticket.arrived().plus(FRESH_FOR))) {
                tickets.set(i, ticket.withFresh(false));
            }
        }
        if (held.isDue(now)) {
            flushHeld(worker);
        }
        Refusal shown = refusal.get();
        if (shown != null && !now.isBefore(shown.at().plus(MESSAGE_FOR))) {
            refusal.set(null);
        }
    }

    private boolean isOnline() {
        return feed.get() == null || feed.get().mode() == FeedMode.ONLINE;
    }

    private void ring(Instant now) {
        if (!muted.get() && !now.isBefore(lastChime.plus(CHIME_GAP))) {
            lastChime = now; // a burst of orders rings once, not a hundred times
            chime.run();
        }
    }

    /** The all-day counts and the open count, after any change of the tickets. */
    private void countAllDay() {
        openCount.set((int) tickets.stream().filter(ticket -> ticket.cancelledAt() == null).count());
        List<AllDayLine> lines = allDayCounts.lines();
        if (!lines.equals(allDay)) {
            allDay.setAll(lines);
        }
    }

}
