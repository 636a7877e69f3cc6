package id.outletkiosk.ui.kitchen;

import java.util.Optional;

import java.util.Map;

import id.outletkiosk.model.OutboxState;

import id.outletkiosk.model.StatusChangeEntry;

import id.outletkiosk.config.Settings;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.model.Category;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.sync.OrderStatusDesk;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.testing.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The board's rules without a screen: oldest first, each order once, optimistic bumps that roll back
 * on a refusal, recall, cancelled tickets leaving, the all-day counts, the chime and the banner count.
 * Bumps run inline unless a test holds them back to look at the optimistic state.
 */
class KitchenBoardViewModelTest {
    private final SteppingClock clock = SteppingClock.atNoonInJakarta();
    private final AtomicInteger chimes = new AtomicInteger();
    private final List<Runnable> heldBumps = new ArrayList<>();
    private final List<String> serverSaw = new ArrayList<>();
    private String refuseWith;
    private boolean holdBumps;

    private final Map<Long, String> menu = Map.of(1L, "Nasi Goreng", 2L, "Es Teh");
    private final KitchenBoardViewModel board = new KitchenBoardViewModel(this::serverBump,
            new Settings.KitchenOptions(Duration.ofMinutes(5), Duration.ofMinutes(10), true, null), task -> {
                if (holdBumps) {
                    heldBumps.add(task);
                } else {
                    task.run();
                }
            }, Runnable::run, clock, chimes::incrementAndGet);
    private final BoardFeed feed = new BoardFeed(board, productId -> Optional.ofNullable(menu.get(productId)),
            Runnable::run, Runnable::run);

    private Order serverBump(Order order, OrderStatus next) throws OrderStatusDesk.ChangeRefused {
        if (refuseWith != null) {
            throw new OrderStatusDesk.ChangeRefused(refuseWith);
        }
        serverSaw.add(order.orderNumber() + "->" + next.wireName());
        return order.withStatus(next);
    }

    @Test
    void ticketsStandOldestFirstAndAnOrderHeardTwiceIsOneTicket() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 10, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(3, 20, OrderStatus.PENDING)));
        // the same order again from the store server: known by its client order id
        Order viaLocal = order(null, 77L, "client-1", null, OrderStatus.PENDING, items(1), minutesAgo(5), "Budi");
        board.onOrder(event(OrderEventType.NEW_ORDER, viaLocal));

        assertThat(board.tickets()).extracting(Ticket::shortNumber).containsExactly("3", "2", "1");
        assertThat(board.tickets().get(2).order().localId()).isEqualTo(77L);
        assertThat(board.tickets().get(2).order().centralId()).isEqualTo(1L);
        assertThat(board.tickets()).allMatch(Ticket::fresh);
    }

    @Test
    void aBumpShowsAtOnceAndTheServerHearsItWhenItsUndoWindowEnds() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        holdBumps = true;

        board.bump(board.tickets().get(0));

        assertThat(board.tickets().get(0).status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(board.tickets().get(0).bumping()).as("held: nothing sent yet").isFalse();
        assertThat(heldBumps).isEmpty();
        clock.advance(HeldBump.HOLD_FOR.minusSeconds(1));
        board.tick();
        assertThat(heldBumps).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.tickets().get(0).bumping()).isTrue();
        assertThat(board.heldProperty().get()).isNull();
        heldBumps.remove(0).run();
        assertThat(board.tickets().get(0).bumping()).isFalse();
        assertThat(serverSaw).containsExactly("ORD-2026-000001->preparing");

        // a late echo of the old status does not undo it
        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(1, 5, OrderStatus.PENDING)));
        assertThat(board.tickets().get(0).status()).isEqualTo(OrderStatus.PREPARING);
    }

    @Test
    void aRefusedBumpPutsTheTicketBackAndSaysWhy() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.READY)));
        refuseWith = "order 1 is cancelled";

        board.bump(board.tickets().get(0));
        assertThat(board.recalled()).hasSize(1);
        board.flushHeld(Runnable::run);

        assertThat(board.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.status()).isEqualTo(OrderStatus.READY);
            assertThat(ticket.bumping()).isFalse();
        });
        assertThat(board.recalled()).isEmpty();
        assertThat(board.refusalProperty().get().reason()).isEqualTo("order 1 is cancelled");
        clock.advance(Duration.ofSeconds(11));
        board.tick();
        assertThat(board.refusalProperty().get()).isNull();
    }

    @Test
    void servedTicketsCanBeRecalledAndCancelledOnesLeaveAfterAWhile() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.READY)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 4, OrderStatus.PENDING)));
        board.bump(board.tickets().get(0));
        assertThat(board.tickets()).extracting(Ticket::shortNumber).containsExactly("2");
        assertThat(board.recalled()).extracting(Ticket::shortNumber).containsExactly("1");

        board.onOrder(event(OrderEventType.ORDER_CANCELLED, order(2, 4, OrderStatus.CANCELLED)));
        assertThat(board.tickets()).singleElement().satisfies(t -> assertThat(t.cancelledAt()).isNotNull());
        board.bump(board.tickets().get(0)); // a cancelled ticket cannot be bumped
        board.flushHeld(Runnable::run);
        assertThat(serverSaw).containsExactly("ORD-2026-000001->completed");
        clock.advance(Duration.ofSeconds(29));
        board.tick();
        assertThat(board.tickets()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.tickets()).isEmpty();

        board.onOrder(event(OrderEventType.ORDER_COMPLETED, order(3, 2, OrderStatus.COMPLETED)));
        assertThat(board.recalled()).hasSize(1); // completed elsewhere and never on this board: nothing to recall
    }

    @Test
    void aLateEchoOfAnOpenStatusNeverBringsBackAnOrderThatClosedHere() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.READY)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 4, OrderStatus.PENDING)));
        board.bump(board.tickets().get(0)); // served by the cook
        board.onOrder(event(OrderEventType.ORDER_CANCELLED, order(2, 4, OrderStatus.CANCELLED)));
        clock.advance(KitchenBoardViewModel.CANCELLED_FOR);
        board.tick();
        assertThat(board.tickets()).isEmpty();

        // the feed recorded these before the tap and the cancellation; they reach the FX thread after
        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(1, 5, OrderStatus.READY)));
        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(2, 4, OrderStatus.PREPARING)));

        assertThat(board.tickets()).isEmpty();
        assertThat(board.recalled()).extracting(Ticket::shortNumber).containsExactly("1");
    }

    @Test
    void aTicketTurnsAmberAtTheWarnTimeAndRedAtTheLateTimeCountedFromWhenTheOrderWasPlaced() {
        Ticket placedNow = new Ticket(order(1, 0, OrderStatus.PENDING), clock.instant(), false, false, null);
        assertThat(board.ageOf(placedNow, clock.instant())).isEqualTo(Ticket.Age.CALM);
        assertThat(board.ageOf(placedNow, clock.instant().plus(Duration.ofMinutes(5)).minusMillis(1)))
                .isEqualTo(Ticket.Age.CALM);
        assertThat(board.ageOf(placedNow, clock.instant().plus(Duration.ofMinutes(5)))).isEqualTo(Ticket.Age.WARNING);
        assertThat(board.ageOf(placedNow, clock.instant().plus(Duration.ofMinutes(10)).minusMillis(1)))
                .isEqualTo(Ticket.Age.WARNING);
        assertThat(board.ageOf(placedNow, clock.instant().plus(Duration.ofMinutes(10)))).isEqualTo(Ticket.Age.LATE);

        Ticket heardLate = new Ticket(order(2, 12, OrderStatus.PENDING), clock.instant(), false, false, null);
        assertThat(board.ageOf(heardLate, clock.instant())).as("placed 12 minutes ago, heard just now")
                .isEqualTo(Ticket.Age.LATE);
        Ticket fromAFastClock = new Ticket(order(3, -3, OrderStatus.PENDING), clock.instant(), false, false, null);
        assertThat(board.ageOf(fromAFastClock, clock.instant())).as("a till whose clock runs ahead").isEqualTo(Ticket.Age.CALM);
        Order withoutTime = order(4, 0, OrderStatus.PENDING);
        withoutTime = order(4L, null, "client-4", "ORD-4", OrderStatus.PENDING, withoutTime.items(), null, null);
        Ticket untimed = new Ticket(withoutTime, clock.instant().minus(Duration.ofMinutes(6)), false, false, null);
        assertThat(board.ageOf(untimed, clock.instant())).as("counted from when the board saw it").isEqualTo(Ticket.Age.WARNING);
    }

    @Test
    void theOpenCountLeavesOutCancelledTicketsStillShown() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 4, OrderStatus.READY)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(3, 3, OrderStatus.PENDING)));
        assertThat(board.openCountProperty().get()).isEqualTo(3);

        board.onOrder(event(OrderEventType.ORDER_CANCELLED, order(3, 3, OrderStatus.CANCELLED)));
        assertThat(board.tickets()).hasSize(3);
        assertThat(board.openCountProperty().get()).isEqualTo(2);
        board.bump(board.tickets().get(1)); // #2 served
        assertThat(board.openCountProperty().get()).isEqualTo(1);
    }

    @Test
    void ordersWithoutDishNamesAreNamedFromTheMenuBeforeTheyReachTheBoard() {
        Order fromStoreServer = order(null, 7L, "client-7", null, OrderStatus.PENDING,
                List.of(new OrderItem(2, null, 2, null, null), new OrderItem(99, null, 1, null, null)),
                minutesAgo(1), null);
        feed.loadOpen(() -> List.of(order(null, 8L, "client-8", null, OrderStatus.PREPARING,
                List.of(new OrderItem(1, null, 1, null, null)), minutesAgo(2), null)));
        feed.listener().onOrder(event(OrderEventType.NEW_ORDER, fromStoreServer));

        assertThat(board.tickets()).extracting(ticket -> ticket.order().items().get(0).productName())
                .containsExactlyInAnyOrder("Es Teh", "Nasi Goreng");
        assertThat(Ticket.dishName(board.tickets().stream().filter(t -> t.order().localId() == 7L).findFirst()
                .orElseThrow().order().items().get(1))).as("a dish the menu no longer has").isEqualTo("#99");
    }

    @Test
    void aChangeHeadOfficeRefusedForGoodIsSaidOnTheBoardAndTheTicketStays() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.bump(board.tickets().get(0));
        board.flushHeld(Runnable::run);
        StatusChangeEntry refused = new StatusChangeEntry(12, 1, OrderStatus.PREPARING, 1L, null, "client-1",
                "ORD-2026-000001", clock.instant(), OutboxState.ATTENTION, 1, "order is locked", false);

        feed.onSetAside(refused, "order is locked");

        assertThat(board.refusalProperty().get()).satisfies(refusal -> {
            assertThat(refusal.orderNumber()).isEqualTo("1");
            assertThat(refusal.byHeadOffice()).isTrue();
            assertThat(refusal.reason()).isEqualTo("order is locked");
        });
        assertThat(board.tickets().get(0).status()).isEqualTo(OrderStatus.PREPARING);
    }

    @Test
    void anOrderThatReachedTheBoardTwiceBeforeItsKeysWereLinkedBecomesOneTicket() {
        Order kioskCopy = order(null, 7L, "k-7", "K-0007", OrderStatus.PENDING, items(7), minutesAgo(3), "Tamu");
        Order centralAlone = order(107L, null, null, "ORD-2026-000107", OrderStatus.PENDING, kioskCopy.items(),
                minutesAgo(3), null);
        board.onOrder(event(OrderEventType.NEW_ORDER, kioskCopy)); // from the store server
        board.onOrder(event(OrderEventType.NEW_ORDER, centralAlone)); // central's frame, nothing linked it yet
        board.bump(board.tickets().get(1)); // a cook started the second ticket
        assertThat(board.tickets()).hasSize(2);

        Order linked = order(107L, 7L, "k-7", "ORD-2026-000107", OrderStatus.PREPARING, kioskCopy.items(),
                minutesAgo(3), "Tamu"); // the ledger merged the rows and announces the order
        board.onOrder(event(OrderEventType.ORDER_UPDATED, linked));

        assertThat(board.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.status()).isEqualTo(OrderStatus.PREPARING);
            assertThat(ticket.order().localId()).isEqualTo(7L);
            assertThat(ticket.order().centralId()).isEqualTo(107L);
        });
        assertThat(board.openCountProperty().get()).isEqualTo(1);
    }

    @Test
    void allDayCountsWhatIsStillToCook() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 4, OrderStatus.PREPARING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(3, 3, OrderStatus.READY)));

        // order 1: 1 Nasi Goreng and 1 Es Teh; order 2: 2 and 1; order 3 is ready, so cooked already
        assertThat(board.allDay()).containsExactly(new AllDayLine("Nasi Goreng", 3),
                new AllDayLine("Es Teh", 2));
        board.bump(board.tickets().get(1)); // order 2: preparing -> ready
        assertThat(board.allDay()).containsExactly(new AllDayLine("Es Teh", 1),
                new AllDayLine("Nasi Goreng", 1));
    }

    @Test
    void allDayCountsStayRightThroughABurstWithBumpsCancelsAndUndo() {
        // the counts follow each ticket that comes and goes instead of recounting every open one: after
        // every step they must be what a recount of the board's tickets gives
        Random random = new Random(16);
        for (int n = 1; n <= 80; n++) {
            board.onOrder(event(OrderEventType.NEW_ORDER, order(n, 90 - n, OrderStatus.PENDING)));
            switch (random.nextInt(6)) {
                case 0, 1 -> board.bump(board.tickets().get(random.nextInt(board.tickets().size())));
                case 2 -> {
                    long cancelled = 1 + random.nextInt(n);
                    board.onOrder(event(OrderEventType.ORDER_CANCELLED, order(cancelled, 90 - (int) cancelled,
                            OrderStatus.CANCELLED)));
                }
                case 3 -> board.undo();
                case 4 -> {
                    clock.advance(Duration.ofSeconds(20)); // the Undo window and struck-through tickets run out
                    board.tick();
                }
                default -> {
                }
            }
            assertThat(board.allDay()).as("after order %d", n).containsExactlyElementsOf(countedAfresh());
        }
        assertThat(board.allDay()).as("the burst left dishes to cook").isNotEmpty();
    }

    @Test
    void theBarsCountsFollowItsTapsAndAMenuThatMovesADishToTheBar() {
        asTheBar(new ArrayList<>());
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 4, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(3, 3, OrderStatus.PENDING)));
        assertThat(board.allDay()).containsExactly(new AllDayLine("Es Teh", 3));
        board.tapDish(board.tickets().get(0), 1); // order 1's drink done: off the bar's screen
        assertThat(board.allDay()).containsExactly(new AllDayLine("Es Teh", 2));

        // the menu now puts Nasi Goreng with the drinks: the tickets already shown count it too
        board.lens().setMenu(Map.of(1L, new Category(7, "Minuman", 70, true, 1), 2L,
                new Category(7, "Minuman", 70, true, 1)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(4, 2, OrderStatus.PENDING)));

        assertThat(board.allDay()).containsExactly(new AllDayLine("Nasi Goreng", 2 + 3 + 4),
                new AllDayLine("Es Teh", 3));
        assertThat(board.allDay()).containsExactlyElementsOf(countedAfresh());
    }

    /** The all-day rule written out plainly: every open ticket's dishes still to cook, counted again. */
    private List<AllDayLine> countedAfresh() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Ticket ticket : board.tickets()) {
            if (ticket.cancelledAt() == null && (ticket.status() == OrderStatus.PENDING
                    || ticket.status() == OrderStatus.PREPARING)) {
                DishesDone done = ticket.order().dishesDone() == null ? DishesDone.NONE : ticket.order().dishesDone();
                for (int line : board.lens().linesFor(ticket.order())) {
                    if (!done.isDone(line)) {
                        OrderItem item = ticket.order().items().get(line);
                        counts.merge(item.productName(), item.quantity(), Integer::sum);
                    }
                }
            }
        }
        List<AllDayLine> lines = new ArrayList<>();
        counts.forEach((dish, count) -> lines.add(new AllDayLine(dish, count)));
        lines.sort(java.util.Comparator.comparingInt(AllDayLine::count).reversed().thenComparing(AllDayLine::dish));
        return lines;
    }

    @Test
    void aBurstOfNewOrdersChimesOnceAndMutedNotAtAll() {
        for (int i = 1; i <= 5; i++) {
            board.onOrder(event(OrderEventType.NEW_ORDER, order(i, 1, OrderStatus.PENDING)));
        }
        assertThat(chimes).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(6, 0, OrderStatus.PENDING)));
        assertThat(chimes).hasValue(2);
        board.toggleMute();
        clock.advance(Duration.ofSeconds(2));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(7, 0, OrderStatus.PENDING)));
        assertThat(chimes).hasValue(2);
        // what was on the ledger at start is not new
        board.load(List.of(order(8, 30, OrderStatus.PENDING)));
        assertThat(chimes).hasValue(2);
        assertThat(board.tickets().get(0).shortNumber()).isEqualTo("8");
        clock.advance(Duration.ofSeconds(10));
        board.tick();
        assertThat(board.tickets()).noneMatch(Ticket::fresh);
    }

    @Test
    void theBannerCountsNewOrdersSinceTheCentralSocketDropped() {
        board.onFeedStatus(status(FeedMode.ONLINE));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 1, OrderStatus.PENDING)));
        board.onFeedStatus(status(FeedMode.LOCAL));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 1, OrderStatus.PENDING)));
        board.onFeedStatus(status(FeedMode.POLLING));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(3, 1, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(3, 1, OrderStatus.PREPARING)));
        assertThat(board.receivedSinceDropProperty().get()).isEqualTo(2);
        board.onFeedStatus(status(FeedMode.ONLINE));
        assertThat(board.receivedSinceDropProperty().get()).isZero();
    }

    @Test
    void theBumpBarPicksByLetterAndEnterBumps_twiceIsTwoStepsSentInOrder() {
        for (int i = 1; i <= 3; i++) {
            board.onOrder(event(OrderEventType.NEW_ORDER, order(i, 10 - i, OrderStatus.PENDING)));
        }
        assertThat(board.pages().pickKey('B')).isTrue();
        board.bumpSelected();
        board.bumpSelected();
        assertThat(board.tickets().get(1).status()).isEqualTo(OrderStatus.READY);
        // the oldest ticket is served elsewhere: the pick follows its ticket, now the first
        board.onOrder(event(OrderEventType.ORDER_COMPLETED, order(1, 9, OrderStatus.COMPLETED)));
        assertThat(board.pages().selectedProperty().get()).isZero();
        board.bumpSelected(); // served: it leaves, and the pick with it
        assertThat(board.pages().selectedProperty().get()).isEqualTo(-1);
        assertThat(board.pages().pickKey('H')).as("a slot key with no ticket in view picks none").isTrue();
        assertThat(board.pages().selectedProperty().get()).isEqualTo(-1);
        board.bumpSelected();
        board.flushHeld(Runnable::run);
        assertThat(serverSaw).containsExactly("ORD-2026-000002->preparing", "ORD-2026-000002->ready",
                "ORD-2026-000002->completed");
    }

    @Test
    void undoWithinTheWindowPutsTheTicketBackAndNothingIsSent() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 4, OrderStatus.READY)));

        board.bump(board.tickets().get(1)); // #2 served: it leaves for recall at once
        assertThat(board.tickets()).extracting(Ticket::shortNumber).containsExactly("1");
        assertThat(board.heldProperty().get().shownStatus()).isEqualTo(OrderStatus.COMPLETED);
        clock.advance(Duration.ofSeconds(9));
        board.tick();
        assertThat(board.undoSecondsLeft()).isEqualTo(1);
        board.undo();

        assertThat(board.tickets()).extracting(Ticket::shortNumber).containsExactly("1", "2");
        assertThat(board.tickets().get(1).status()).isEqualTo(OrderStatus.READY);
        assertThat(board.recalled()).isEmpty();
        assertThat(board.heldProperty().get()).isNull();
        clock.advance(Duration.ofMinutes(1));
        board.tick();
        assertThat(serverSaw).isEmpty();
        // its echo is not taken for a late one of an order that closed here: it came back
        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(2, 4, OrderStatus.READY)));
        assertThat(board.tickets()).hasSize(2);
    }

    @Test
    void afterTheWindowTheBumpIsSentAndUndoIsGone() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.bump(board.tickets().get(0));

        clock.advance(HeldBump.HOLD_FOR);
        board.tick();
        board.undo();

        assertThat(serverSaw).containsExactly("ORD-2026-000001->preparing");
        assertThat(board.tickets().get(0).status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(board.heldProperty().get()).isNull();
        assertThat(board.undoSecondsLeft()).isZero();
    }

    @Test
    void aBumpOfAnotherTicketSendsTheHeldOneAtOnce_onlyTheLastIsUndone() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 4, OrderStatus.PENDING)));
        board.bump(board.tickets().get(0));
        assertThat(serverSaw).isEmpty();

        board.bump(board.tickets().get(1));
        assertThat(serverSaw).containsExactly("ORD-2026-000001->preparing");
        board.undo();

        assertThat(board.tickets()).extracting(Ticket::status).containsExactly(OrderStatus.PREPARING,
                OrderStatus.PENDING);
        board.undo(); // nothing more to take back
        assertThat(board.tickets().get(0).status()).isEqualTo(OrderStatus.PREPARING);
        clock.advance(Duration.ofMinutes(1));
        board.tick();
        assertThat(serverSaw).containsExactly("ORD-2026-000001->preparing");
    }

    @Test
    void aBumpStillHeldWhenTheBoardClosesIsSentNotLost() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PREPARING)));
        board.bump(board.tickets().get(0));
        List<Runnable> onClosingThread = new ArrayList<>();

        board.flushHeld(onClosingThread::add); // what KitchenWindow.close does, on its own thread
        onClosingThread.forEach(Runnable::run);

        assertThat(serverSaw).containsExactly("ORD-2026-000001->ready");
        assertThat(board.heldProperty().get()).isNull();
    }

    @Test
    void newsOfTheHeldOrderFromTheServerEndsTheHold_sendingOnlyTheStepsTheServerLacks() {
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.bump(board.tickets().get(0));
        board.bump(board.tickets().get(0)); // Enter, Enter: new -> cooking -> ready, one hold
        assertThat(board.heldProperty().get().steps()).containsExactly(OrderStatus.PREPARING, OrderStatus.READY);
        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(1, 5, OrderStatus.PENDING))); // an echo: no news
        assertThat(board.heldProperty().get()).isNotNull();

        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(1, 5, OrderStatus.PREPARING))); // another screen

        assertThat(board.heldProperty().get()).isNull();
        assertThat(serverSaw).containsExactly("ORD-2026-000001->ready");
        assertThat(board.tickets().get(0).status()).isEqualTo(OrderStatus.READY);

        board.onOrder(event(OrderEventType.NEW_ORDER, order(2, 4, OrderStatus.PENDING)));
        board.bump(board.tickets().get(1));
        board.onOrder(event(OrderEventType.ORDER_CANCELLED, order(2, 4, OrderStatus.CANCELLED)));
        assertThat(board.heldProperty().get()).isNull();
        assertThat(serverSaw).as("a cancelled order is not bumped").hasSize(1);
    }

    @Test
    void theAgeReadsInMinutesThenHoursThenDays_neverNegativeNorCutOff() {
        Messages english = Messages.english();
        assertThat(Ticket.ageText(Duration.ZERO, english)).isEqualTo("0 min");
        assertThat(Ticket.ageText(Duration.ofMinutes(-3), english)).as("a server clock ahead").isEqualTo("0 min");
        assertThat(Ticket.ageText(Duration.ofMinutes(99).plusSeconds(59), english)).isEqualTo("99 min");
        assertThat(Ticket.ageText(Duration.ofMinutes(100), english)).isEqualTo("2 h");
        assertThat(Ticket.ageText(Duration.ofHours(26), english)).isEqualTo("26 h");
        assertThat(Ticket.ageText(Duration.ofDays(5), english)).isEqualTo("5 d");
        assertThat(Ticket.ageText(Duration.ofMinutes(6950), english)).isEqualTo("5 d");
        assertThat(Ticket.ageText(Duration.ofDays(400), english)).isEqualTo("99+ d");
        assertThat(Ticket.ageText(Duration.ofHours(26), Messages.indonesian())).isEqualTo("26 jam");
        // placed five days ago by a server whose clock is off: the header says so in a few characters
        Ticket skewed = new Ticket(order(1, 5 * 24 * 60, OrderStatus.PENDING), clock.instant(), false, false, null);
        assertThat(Ticket.ageText(skewed.ageAt(clock.instant()), english)).isEqualTo("5 d");
    }

    private Instant minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }

    /** Order n: central id n, client id "client-n", n x Nasi Goreng and 1 x Es Teh, made minutes ago. */
    /** The bar's screen over this board: Es Teh (product 2) is a drink, Nasi Goreng (product 1) is food. */
    private List<String> asTheBar(List<String> finished) {
        List<String> taps = new ArrayList<>();
        StationLens bar = new StationLens(KitchenDuty.parse("Bar: Minuman"));
        bar.setMenu(Map.of(1L, new Category(1, "Nasi", 10, true, 1), 2L, new Category(7, "Minuman", 70, true, 1)));
        board.useLens(bar, new KitchenBoardViewModel.DishTaps() {
            @Override
            public Order markDishes(Order order, List<Integer> lines, boolean done)
                    throws OrderStatusDesk.ChangeRefused {
                if (refuseWith != null) {
                    throw new OrderStatusDesk.ChangeRefused(refuseWith);
                }
                taps.add(order.orderNumber() + " " + lines + (done ? " done" : " not done"));
                return order;
            }

            @Override
            public void stationDone(Order order, String station) {
                finished.add(order.orderNumber() + " " + station);
            }
        });
        return taps;
    }

    @Test
    void theBarSeesOnlyItsDrinks_aTapTicksOne_andTheTicketLeavesWhenTheyAreDone() {
        List<String> finished = new ArrayList<>();
        List<String> taps = asTheBar(finished);
        Order foodOnly = order(2, 3, OrderStatus.PENDING).withItems(List.of(items(2).get(0)));
        board.onOrder(event(OrderEventType.NEW_ORDER, foodOnly));
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        assertThat(board.tickets()).extracting(ticket -> ticket.order().orderNumber())
                .as("nothing for the bar in order 2").containsExactly("ORD-2026-000001");
        assertThat(board.allDay()).containsExactly(new AllDayLine("Es Teh", 1));

        board.tapDish(board.tickets().get(0), 1);

        assertThat(taps).containsExactly("ORD-2026-000001 [1] done");
        assertThat(board.tickets()).as("its drinks done: off the bar's screen").isEmpty();
        assertThat(board.recalled()).hasSize(1);
        assertThat(finished).containsExactly("ORD-2026-000001 Bar");
        assertThat(board.allDay()).isEmpty();
    }

    @Test
    void aTapTheStationCannotMakePutsTheTicketBackAndSaysWhy() {
        asTheBar(new ArrayList<>());
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        refuseWith = "the local store cannot be written: disk full";

        board.bump(board.tickets().get(0)); // "All done": every drink of the ticket

        assertThat(board.tickets()).singleElement().satisfies(ticket ->
                assertThat(ticket.order().dishesDone()).as("as it was").isNull());
        assertThat(board.recalled()).isEmpty();
        assertThat(board.refusalProperty().get().reason()).contains("disk full");
    }

    @Test
    void anotherScreensTapReachesTheBarAndTheStoreServersWordStands() {
        asTheBar(new ArrayList<>());
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PENDING)));
        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(1, 5, OrderStatus.PREPARING)
                .withDishesDone(new DishesDone(List.of(0)))));
        assertThat(board.tickets()).as("the kitchen's dish done; the bar's drink still to make").hasSize(1);

        board.onOrder(event(OrderEventType.ORDER_UPDATED, order(1, 5, OrderStatus.PREPARING)
                .withDishesDone(new DishesDone(List.of(0, 1)))));
        assertThat(board.tickets()).as("the other bar screen made the drink").isEmpty();
    }

    @Test
    void theExpoHandsOverStraightToReadyThenServed() {
        board.useLens(new StationLens(KitchenDuty.parse("expo")), (order, lines, done) -> order);
        board.onOrder(event(OrderEventType.NEW_ORDER, order(1, 5, OrderStatus.PREPARING)));

        board.bump(board.tickets().get(0));
        assertThat(board.tickets().get(0).status()).isEqualTo(OrderStatus.READY);
        board.bump(board.tickets().get(0));
        board.flushHeld(Runnable::run);

        assertThat(serverSaw).containsExactly("ORD-2026-000001->ready", "ORD-2026-000001->completed");
        assertThat(board.tickets()).isEmpty();
    }

    private Order order(long n, int minutesAgo, OrderStatus status) {
        return order(n, null, "client-" + n, String.format("ORD-2026-%06d", n), status, items(n), minutesAgo(minutesAgo),
                "Tamu " + n);
    }

    private static List<OrderItem> items(long n) {
        return List.of(new OrderItem(1, "Nasi Goreng", (int) Math.max(1, n), new BigDecimal("25000"), null),
                new OrderItem(2, "Es Teh", 1, new BigDecimal("8000"), "less ice"));
    }

    /** The one place this test builds an {@link Order} (outlet 1, total 10). */
    static Order order(Long centralId, Long localId, String clientId, String number, OrderStatus status,
            List<OrderItem> items, Instant createdAt, String customer) {
        return new Order(centralId, localId, clientId, number, 1, status, items, BigDecimal.TEN, createdAt, customer, null, null);
    }

    private static OrderEvent event(OrderEventType type, Order order) {
        return new OrderEvent(type, order, FeedMode.ONLINE);
    }

    private FeedStatus status(FeedMode mode) {
        return new FeedStatus(mode, clock.instant(), mode == FeedMode.ONLINE, mode == FeedMode.LOCAL,
                mode == FeedMode.POLLING, false, null, 0, null, null, 0);
    }
}
