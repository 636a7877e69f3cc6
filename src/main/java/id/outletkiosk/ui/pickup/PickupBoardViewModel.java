package id.outletkiosk.ui.pickup;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.ui.OrderBoard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pickup screen's state, on the FX thread: the numbers being prepared (new and cooking, oldest
 * first) and the numbers ready (newest first, standing out for {@link #HIGHLIGHT_FOR}; then the served
 * ones, dimmed, until {@link #SERVED_FOR} has passed). A number turning ready rings the chime, once for
 * a burst; a cancelled one leaves at once; a late echo of an older status never moves a number back,
 * nor brings back one that left. Each change touches only the numbers it concerns, so the screen moves
 * one tile per event. Tested without a screen.
 */
public final class PickupBoardViewModel implements OrderBoard {
    /** How long a number that just turned ready stands out. */
    static final Duration HIGHLIGHT_FOR = Duration.ofSeconds(10);
    /**
     * How long a served number stays, dimmed: the customer who just collected sees it go through, and
     * one looking up from their phone a moment late still finds it; after that it only takes room.
     */
    static final Duration SERVED_FOR = Duration.ofSeconds(45);
    /** Numbers turning ready this soon after the last chime ring no more: a cook bumping three plates is one sound. */
    static final Duration CHIME_GAP = Duration.ofSeconds(5);
    /** Closed orders remembered, so an echo of an open status (or the ledger read at start) cannot bring one back. */
    static final int CLOSED_REMEMBERED = 500;

    /** What customers are told about the connection: nothing, numbers may come late, or the screen is not updating. */
    public enum Delay { NONE, LATE, NOT_UPDATING }

    private final Clock clock;
    private final Runnable chime;
    private final boolean sound;
    private final ObservableList<PickupNumber> preparing = FXCollections.observableArrayList();
    private final ObservableList<PickupNumber> ready = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Delay> delay = new ReadOnlyObjectWrapper<>(Delay.NONE);
    private final Deque<Order> closed = new ArrayDeque<>();
    private Instant lastChime = Instant.EPOCH;

    /**
     * @param chime played when numbers turn ready (its own thread: it never blocks)
     * @param sound the {@code new-order-sound} setting: off, the screen is silent
     */
    public PickupBoardViewModel(Clock clock, Runnable chime, boolean sound) {
        this.clock = clock;
        this.chime = chime;
        this.sound = sound;
    }

    /** New and cooking orders, oldest first. */
    public ObservableList<PickupNumber> preparing() {
        return preparing;
    }

    /** Ready orders, the newest ready first; then the served ones still shown, the last served first. */
    public ObservableList<PickupNumber> ready() {
        return ready;
    }

    public ReadOnlyObjectProperty<Delay> delayProperty() {
        return delay.getReadOnlyProperty();
    }

    /** The ledger's open orders at start: shown as they stand, with no chime and no highlight. */
    @Override
    public void load(List<Order> open) {
        for (Order order : open) {
            place(order, false);
        }
    }

    @Override
    public void onOrder(OrderEvent event) {
        place(event.order(), true);
    }

    /** Following the kitchen board: whenever the screen is not on the central socket, customers are told, calmly. */
    @Override
    public void onFeedStatus(FeedStatus status) {
        FeedMode mode = status == null ? FeedMode.ONLINE : status.mode();
        delay.set(switch (mode) {
            case ONLINE -> Delay.NONE;
            case LOCAL, POLLING -> Delay.LATE;
            case OFFLINE -> Delay.NOT_UPDATING;
        });
    }

    /** Once a second: highlights end, served numbers whose time is up leave. */
    public void tick() {
        Instant now = clock.instant();
        for (int i = ready.size() - 1; i >= 0; i--) {
            PickupNumber number = ready.get(i);
            if (number.served() && !now.isBefore(number.servedAt().plus(SERVED_FOR))) {
                leave(ready, i);
            } else if (number.justReady() && !now.isBefore(number.since().plus(HIGHLIGHT_FOR))) {
                ready.set(i, number.calmed());
            }
        }
    }

    /** {@code news}: heard from the feed now (a highlight and the chime), not read from the ledger at start. */
    private void place(Order order, boolean news) {
        foldTwins(order);
        int inPreparing = indexOf(preparing, order);
        int inReady = indexOf(ready, order);
        if (inPreparing < 0 && inReady < 0) {
            arrive(order, news);
        } else if (inPreparing >= 0) {
            moveOn(inPreparing, order, news);
        } else {
            PickupNumber known = ready.get(inReady);
            if (order.status() == OrderStatus.CANCELLED) {
                leave(ready, inReady);
            } else if (order.status() == OrderStatus.COMPLETED && !known.served()) {
                ready.remove(inReady);
                insertReady(new PickupNumber(known.order().withStatus(OrderStatus.COMPLETED).filledFrom(order),
                        known.since(), false, clock.instant()));
            } else if (order.status() == known.status()) {
                refresh(ready, inReady, order);
            } // else a late echo of an older status: the number stays where it is
        }
    }

    /** An order this screen does not show yet: open, it takes its place; closed, it is only remembered. */
    private void arrive(Order order, boolean news) {
        if (!order.status().isOpen()) {
            remember(order);
            return;
        }
        if (wasClosed(order)) {
            return; // an echo of an order that already left
        }
        Instant now = clock.instant();
        if (order.status() == OrderStatus.READY) {
            insertReady(new PickupNumber(order, news ? now : placedAt(order, now), news, null));
            if (news) {
                ring(now);
            }
        } else {
            insertPreparing(new PickupNumber(order, now, false, null));
        }
    }

    /** A number in the Preparing column: still cooking, ready now, collected, or cancelled. */
    private void moveOn(int index, Order order, boolean news) {
        PickupNumber known = preparing.get(index);
        Instant now = clock.instant();
        switch (order.status()) {
            case PENDING, PREPARING -> {
                if (known.status() == order.status() || known.status().isBefore(order.status())) {
                    refresh(preparing, index, order);
                }
            }
            case READY -> {
                preparing.remove(index);
                insertReady(new PickupNumber(order.filledFrom(known.order()), news ? now : known.placed(), news, null));
                if (news) {
                    ring(now);
                }
            }
            // served before this screen heard it was ready: shown collected, dimmed, for a while
            case COMPLETED -> {
                preparing.remove(index);
                insertReady(new PickupNumber(order.filledFrom(known.order()), now, false, now));
            }
            case CANCELLED -> leave(preparing, index);
        }
    }

    /** The same status heard again: the number it shows may have come meanwhile (a kiosk's reference). */
    private static void refresh(List<PickupNumber> column, int index, Order order) {
        PickupNumber known = column.get(index);
        Order fuller = known.order().withStatus(known.status().isBefore(order.status()) ? order.status()
                : known.status()).filledFrom(order);
        if (!fuller.equals(known.order())) {
            column.set(index, known.with(fuller));
        }
    }

    /**
     * One order that reached the screen as two numbers before anything linked its keys (the ledger merges
     * them and announces the order with every key): the one further along stays.
     */
    private void foldTwins(Order order) {
        List<PickupNumber> twins = Stream.concat(preparing.stream(), ready.stream()).filter(n -> n.isFor(order))
                .toList();
        if (twins.size() < 2) {
            return;
        }
        PickupNumber kept = twins.stream().reduce((a, b) -> a.status().isBefore(b.status()) ? b : a).orElseThrow();
        for (PickupNumber twin : twins) {
            if (twin != kept) {
                preparing.remove(twin);
                ready.remove(twin);
            }
        }
    }

    private void leave(List<PickupNumber> column, int index) {
        remember(column.remove(index).order());
    }

    private void remember(Order order) {
        closed.addFirst(order);
        if (closed.size() > CLOSED_REMEMBERED) {
            closed.removeLast();
        }
    }

    private boolean wasClosed(Order order) {
        return closed.stream().anyMatch(order::sharesKeyWith);
    }

    private void ring(Instant now) {
        if (sound && !now.isBefore(lastChime.plus(CHIME_GAP))) {
            lastChime = now;
            chime.run();
        }
    }

    private void insertPreparing(PickupNumber number) {
        insert(preparing, number, OLDEST_FIRST);
    }

    private void insertReady(PickupNumber number) {
        insert(ready, number, READY_ORDER);
    }

    private static void insert(List<PickupNumber> column, PickupNumber number, Comparator<PickupNumber> order) {
        int at = 0;
        while (at < column.size() && order.compare(column.get(at), number) <= 0) {
            at++;
        }
        column.add(at, number);
    }

    private static int indexOf(List<PickupNumber> column, Order order) {
        for (int i = 0; i < column.size(); i++) {
            if (column.get(i).isFor(order)) {
                return i;
            }
        }
        return -1;
    }

    private static Instant placedAt(Order order, Instant now) {
        return order.createdAt() != null ? order.createdAt() : now;
    }

    private static final Comparator<PickupNumber> OLDEST_FIRST = Comparator.comparing(PickupNumber::placed)
            .thenComparing(PickupNumber::since);

    /** Waiting ones first, the newest ready on top; then the served ones, the last served first. */
    private static final Comparator<PickupNumber> READY_ORDER = Comparator.comparing(PickupNumber::served)
            .thenComparing(number -> number.served() ? number.servedAt() : number.since(), Comparator.reverseOrder());
}
