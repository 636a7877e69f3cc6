package id.outletkiosk.ui.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.testing.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pickup screen's rules without a screen, on a clock the test steps: numbers move from Preparing to
 * Ready (highlighted, one chime for a burst), served ones leave after a while, cancelled ones at once, a
 * late echo never moves a number back, and a restart shows the ledger's orders quietly.
 */
class PickupBoardViewModelTest {
    private final SteppingClock clock = SteppingClock.atNoonInJakarta();
    private final AtomicInteger chimes = new AtomicInteger();
    private final PickupBoardViewModel board = new PickupBoardViewModel(clock, chimes::incrementAndGet, true);

    @Test
    void newAndCookingOrdersWaitUnderPreparing_theOldestFirst() {
        hear(order(2, OrderStatus.PENDING, 10));
        hear(order(1, OrderStatus.PENDING, 15));
        hear(order(3, OrderStatus.PREPARING, 5));
        hear(order(1, OrderStatus.PREPARING, 15));

        assertThat(numbers(board.preparing())).containsExactly("K-0001", "K-0002", "K-0003");
        assertThat(board.ready()).isEmpty();
        assertThat(chimes).as("nothing is ready yet").hasValue(0);
    }

    @Test
    void aNumberTurningReadyMovesToReady_onTopAndHighlighted_andTheChimeRingsOnce() {
        hear(order(1, OrderStatus.PREPARING, 15));
        hear(order(2, OrderStatus.PREPARING, 10));
        hear(order(1, OrderStatus.READY, 15));
        clock.advance(Duration.ofSeconds(30));
        board.tick();

        hear(order(2, OrderStatus.READY, 10));

        assertThat(board.preparing()).isEmpty();
        assertThat(numbers(board.ready())).as("the newest ready on top").containsExactly("K-0002", "K-0001");
        assertThat(board.ready().get(0).justReady()).isTrue();
        assertThat(board.ready().get(1).justReady()).as("its highlight ended").isFalse();
        assertThat(chimes).hasValue(2);
    }

    @Test
    void aBurstOfNumbersReadyTogetherRingsOnce_theNextOneLaterRingsAgain() {
        for (int n = 1; n <= 4; n++) {
            hear(order(n, OrderStatus.PREPARING, 20 - n));
        }
        hear(order(1, OrderStatus.READY, 19));
        clock.advance(Duration.ofSeconds(2));
        hear(order(2, OrderStatus.READY, 18));
        hear(order(3, OrderStatus.READY, 17));
        assertThat(chimes).as("a cook bumping three plates is one sound").hasValue(1);
        assertThat(board.ready()).allMatch(PickupNumber::justReady);

        clock.advance(PickupBoardViewModel.CHIME_GAP);
        hear(order(4, OrderStatus.READY, 16));
        assertThat(chimes).hasValue(2);
    }

    @Test
    void withTheSoundSettingOffNothingRings_butTheNumberStillStandsOut() {
        PickupBoardViewModel quiet = new PickupBoardViewModel(clock, chimes::incrementAndGet, false);
        quiet.onOrder(event(order(1, OrderStatus.READY, 5)));

        assertThat(chimes).hasValue(0);
        assertThat(quiet.ready()).singleElement().satisfies(number -> assertThat(number.justReady()).isTrue());
    }

    @Test
    void theHighlightEndsAfterItsTime() {
        hear(order(1, OrderStatus.READY, 5));
        clock.advance(PickupBoardViewModel.HIGHLIGHT_FOR.minusSeconds(1));
        board.tick();
        assertThat(board.ready().get(0).justReady()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(board.ready().get(0).justReady()).isFalse();
    }

    @Test
    void aServedNumberStaysDimmedAfterTheWaitingOnes_thenLeavesAfterItsTime() {
        hear(order(1, OrderStatus.READY, 20));
        hear(order(2, OrderStatus.READY, 15));
        hear(order(2, OrderStatus.COMPLETED, 15));

        assertThat(numbers(board.ready())).as("the waiting number first").containsExactly("K-0001", "K-0002");
        assertThat(board.ready().get(1).served()).isTrue();
        assertThat(board.ready().get(1).justReady()).isFalse();

        clock.advance(PickupBoardViewModel.SERVED_FOR.minusSeconds(1));
        board.tick();
        assertThat(numbers(board.ready())).containsExactly("K-0001", "K-0002");
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(numbers(board.ready())).containsExactly("K-0001");
    }

    @Test
    void aNumberServedBeforeTheScreenHeardItWasReadyIsShownServed_notRung() {
        hear(order(1, OrderStatus.PREPARING, 10));
        hear(order(1, OrderStatus.COMPLETED, 10));

        assertThat(board.preparing()).isEmpty();
        assertThat(board.ready()).singleElement().satisfies(number -> assertThat(number.served()).isTrue());
        assertThat(chimes).hasValue(0);
    }

    @Test
    void aCancelledNumberLeavesAtOnce_fromEitherColumn() {
        hear(order(1, OrderStatus.PREPARING, 10));
        hear(order(2, OrderStatus.READY, 5));
        hear(order(1, OrderStatus.CANCELLED, 10));
        hear(order(2, OrderStatus.CANCELLED, 5));

        assertThat(board.preparing()).isEmpty();
        assertThat(board.ready()).isEmpty();
    }

    @Test
    void aLateEchoOfAnOlderStatusNeverMovesANumberBack_norBringsBackOneThatLeft() {
        hear(order(1, OrderStatus.READY, 10));
        hear(order(1, OrderStatus.PREPARING, 10));
        assertThat(board.preparing()).isEmpty();
        assertThat(numbers(board.ready())).containsExactly("K-0001");

        hear(order(1, OrderStatus.COMPLETED, 10));
        hear(order(1, OrderStatus.READY, 10));
        assertThat(board.ready().get(0).served()).as("served stays served").isTrue();

        clock.advance(PickupBoardViewModel.SERVED_FOR);
        board.tick();
        hear(order(1, OrderStatus.READY, 10));
        board.load(List.of(order(1, OrderStatus.READY, 10))); // the ledger read before it was served
        assertThat(board.ready()).isEmpty();
        assertThat(chimes).hasValue(1);

        hear(order(2, OrderStatus.CANCELLED, 3)); // cancelled before this screen saw it
        hear(order(2, OrderStatus.PENDING, 3));
        assertThat(board.preparing()).isEmpty();
    }

    @Test
    void aRestartShowsTheLedgersOpenOrdersAsTheyStand_withoutAChimeOrAHighlight() {
        board.load(List.of(order(3, OrderStatus.PREPARING, 5), order(1, OrderStatus.READY, 20),
                order(2, OrderStatus.READY, 12), order(4, OrderStatus.PENDING, 2)));

        assertThat(numbers(board.preparing())).containsExactly("K-0003", "K-0004");
        assertThat(numbers(board.ready())).as("the last placed on top").containsExactly("K-0002", "K-0001");
        assertThat(board.ready()).noneMatch(PickupNumber::justReady);
        assertThat(chimes).hasValue(0);
    }

    @Test
    void anOrderHeardUnderTwoKeysIsOneNumber_furthestAlong() {
        Order viaStoreServer = new Order(null, 70L, "kiosk-1", null, 1, OrderStatus.PREPARING, List.of(), null,
                minutesAgo(10), null, "K-0001", null);
        Order viaCentral = new Order(1L, null, null, "ORD-2026-000001", 1, OrderStatus.READY, List.of(), null,
                minutesAgo(10), null, null, null);
        hear(viaStoreServer);
        hear(viaCentral);
        assertThat(board.preparing()).hasSize(1);
        assertThat(board.ready()).hasSize(1);

        // the ledger linked the keys: the order with every key
        hear(new Order(1L, 70L, "kiosk-1", "ORD-2026-000001", 1, OrderStatus.READY, List.of(), null, minutesAgo(10),
                null, "K-0001", null));

        assertThat(board.preparing()).isEmpty();
        assertThat(numbers(board.ready())).containsExactly("K-0001");
    }

    @Test
    void aCounterOrderIsCalledByCentralsShortNumber_andAnUnnumberedOneByItsId() {
        hear(new Order(42L, null, null, "ORD-2026-000042", 1, OrderStatus.PENDING, List.of(), null, minutesAgo(3),
                null, null, null));
        hear(new Order(null, 9L, "kiosk-9", null, 1, OrderStatus.PENDING, List.of(), null, minutesAgo(2), null,
                null, null));

        assertThat(numbers(board.preparing())).containsExactly("42", "9");
    }

    @Test
    void theCustomersAreToldCalmlyWhenTheScreenIsNotOnHeadOfficesSocket() {
        assertThat(board.delayProperty().get()).isEqualTo(PickupBoardViewModel.Delay.NONE);
        board.onFeedStatus(status(FeedMode.LOCAL));
        assertThat(board.delayProperty().get()).isEqualTo(PickupBoardViewModel.Delay.LATE);
        board.onFeedStatus(status(FeedMode.POLLING));
        assertThat(board.delayProperty().get()).isEqualTo(PickupBoardViewModel.Delay.LATE);
        board.onFeedStatus(status(FeedMode.OFFLINE));
        assertThat(board.delayProperty().get()).isEqualTo(PickupBoardViewModel.Delay.NOT_UPDATING);
        board.onFeedStatus(status(FeedMode.ONLINE));
        assertThat(board.delayProperty().get()).isEqualTo(PickupBoardViewModel.Delay.NONE);
    }

    @Test
    void aChangeTouchesOnlyTheNumbersItConcerns() {
        for (int n = 1; n <= 30; n++) {
            hear(order(n, OrderStatus.PREPARING, 60 - n));
        }
        AtomicInteger touched = new AtomicInteger();
        board.preparing().addListener((javafx.collections.ListChangeListener<PickupNumber>) change -> {
            while (change.next()) {
                touched.addAndGet(change.getRemovedSize() + change.getAddedSize());
            }
        });

        hear(order(7, OrderStatus.READY, 53));
        hear(order(8, OrderStatus.PREPARING, 52)); // heard again, nothing new

        assertThat(touched).as("one number left Preparing; nothing rebuilt").hasValue(1);
    }

    private void hear(Order order) {
        board.onOrder(event(order));
    }

    private static OrderEvent event(Order order) {
        OrderEventType type = order.status() == OrderStatus.PENDING ? OrderEventType.NEW_ORDER
                : OrderEventType.forStatusChange(order.status());
        return new OrderEvent(type, order, FeedMode.ONLINE);
    }

    /** Kiosk order {@code n}, called "K-000n", placed {@code minutes} ago. */
    private Order order(long n, OrderStatus status, int minutes) {
        return new Order(n, null, "kiosk-" + n, String.format("ORD-2026-%06d", n), 1, status,
                List.of(new OrderItem(1, "Nasi Goreng", 1, BigDecimal.TEN, null)), BigDecimal.TEN, minutesAgo(minutes),
                "Tamu", Order.kioskReference("K", n), null);
    }

    private Instant minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }

    private FeedStatus status(FeedMode mode) {
        return new FeedStatus(mode, clock.instant(), mode == FeedMode.ONLINE, mode == FeedMode.LOCAL,
                mode == FeedMode.POLLING, false, null, 0, null, null, 0);
    }

    private static List<String> numbers(List<PickupNumber> column) {
        return column.stream().map(PickupNumber::number).toList();
    }
}
