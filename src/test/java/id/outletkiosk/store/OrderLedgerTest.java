package id.outletkiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One order, several keys, several transports: the ledger says new, changed or already known. */
class OrderLedgerTest {
    @TempDir
    Path folder;

    private OrderLedger ledger;

    @BeforeEach
    void open() {
        ledger = new OrderLedger(Database.open(folder.resolve("l.db")), Clock.systemUTC());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        ledger.close();
    }

    private static Order order(Long central, Long local, String key, OrderStatus status) {
        return new Order(central, local, key, central == null ? null : "ORD-" + central, 1, status,
                List.of(new OrderItem(12, "Es Teh", 2, new BigDecimal("6000"), null)), new BigDecimal("12000"),
                Instant.parse("2026-11-25T05:00:00Z"), "Budi", null, null);
    }

    @Test
    void anOrderServedHereThatTheCounterCancelledEndsCancelledOnlyOnCentralsWord() {
        ledger.record(order(101L, 7L, "k-1", OrderStatus.COMPLETED)); // the cook served it

        assertThat(ledger.record(order(null, 7L, "k-1", OrderStatus.CANCELLED)).outcome())
                .as("the store server's word does not reopen a closed order's outcome")
                .isEqualTo(OrderLedger.Outcome.DUPLICATE);
        OrderLedger.Recorded central = ledger.recordFromCentral(order(101L, null, null, OrderStatus.CANCELLED));

        assertThat(central.outcome()).isEqualTo(OrderLedger.Outcome.CHANGED);
        assertThat(ledger.find(order(101L, null, null, OrderStatus.PENDING)).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ledger.recordFromCentral(order(101L, null, null, OrderStatus.PREPARING)).outcome())
                .as("nor does central move a closed order back open").isEqualTo(OrderLedger.Outcome.DUPLICATE);
    }

    @Test
    void anOrderClosedOnTheStoreServersWordIsReReadFromCentralUntilCentralSaysHowItClosed() {
        ledger.record(order(101L, 7L, "k-1", OrderStatus.PENDING));
        ledger.record(order(102L, 8L, "k-2", OrderStatus.PENDING));
        ledger.record(order(101L, 7L, "k-1", OrderStatus.COMPLETED)); // served, as the store server says

        assertThat(ledger.oldestOpenId(1, OrderCodec.Origin.CENTRAL)).isEqualTo(101L);
        assertThat(ledger.oldestOpenId(1, OrderCodec.Origin.LOCAL)).as("the store server's own word").isEqualTo(8L);

        ledger.recordList(List.of(order(101L, null, "k-1", OrderStatus.CANCELLED)), "CENTRAL", 102L, true);

        assertThat(ledger.find(order(101L, null, null, OrderStatus.PENDING)).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ledger.oldestOpenId(1, OrderCodec.Origin.CENTRAL)).isEqualTo(102L);
    }

    @Test
    void twoEntriesOfOneOrderMergeAtTheFurthestStatusEitherReached() {
        ledger.record(order(null, 7L, "k-1", OrderStatus.PENDING)); // from the store server
        ledger.record(order(101L, null, null, OrderStatus.PENDING)); // central's frame, nothing links it yet
        ledger.record(order(101L, null, null, OrderStatus.READY)); // a cook bumped the second entry

        OrderLedger.Recorded linked = ledger.record(order(101L, null, "k-1", OrderStatus.PREPARING));

        assertThat(linked.order().status()).as("one row now, never moved back").isEqualTo(OrderStatus.READY);
        assertThat(linked.outcome()).as("announced, so a screen folds its two tickets").isEqualTo(OrderLedger.Outcome.MERGED);
        assertThat(ledger.count()).isEqualTo(1);
    }

    @Test
    void theSameOrderUnderAnyKeyIsKnownOnce() {
        assertThat(ledger.record(order(null, 7L, "k-1", OrderStatus.PENDING)).outcome())
                .isEqualTo(OrderLedger.Outcome.NEW);
        // the central frame has no client order id; the catch-up row links both, and central's number joins
        assertThat(ledger.record(order(101L, null, "k-1", OrderStatus.PENDING)).outcome())
                .isEqualTo(OrderLedger.Outcome.RENUMBERED);
        assertThat(ledger.record(order(101L, null, null, OrderStatus.PENDING)).outcome())
                .isEqualTo(OrderLedger.Outcome.DUPLICATE);
        OrderLedger.Recorded merged = ledger.record(order(null, 7L, null, OrderStatus.PENDING));
        assertThat(merged.order().centralId()).isEqualTo(101L);
        assertThat(merged.order().localId()).isEqualTo(7L);
        assertThat(merged.order().orderNumber()).isEqualTo("ORD-101");
        assertThat(ledger.count()).isEqualTo(1);
    }

    @Test
    void statusOnlyMovesForward() {
        ledger.record(order(5L, null, null, OrderStatus.PENDING));
        assertThat(ledger.record(order(5L, null, null, OrderStatus.READY)).outcome())
                .isEqualTo(OrderLedger.Outcome.CHANGED);
        assertThat(ledger.record(order(5L, null, null, OrderStatus.PREPARING)).outcome())
                .isEqualTo(OrderLedger.Outcome.DUPLICATE);
        assertThat(ledger.record(order(5L, null, null, OrderStatus.CANCELLED)).outcome())
                .isEqualTo(OrderLedger.Outcome.CHANGED);
        assertThat(ledger.record(order(5L, null, null, OrderStatus.COMPLETED)).outcome())
                .isEqualTo(OrderLedger.Outcome.DUPLICATE);
    }

    @Test
    void twoRowsOfOneOrderAreMergedWhenALaterRowLinksThem() {
        ledger.record(order(101L, null, null, OrderStatus.PENDING)); // frame alone: catch-up failed
        ledger.record(order(null, 7L, "k-1", OrderStatus.PREPARING)); // local poll, not yet linked
        assertThat(ledger.count()).isEqualTo(2);

        OrderLedger.Recorded linked = ledger.record(order(101L, 7L, "k-1", OrderStatus.PREPARING));

        assertThat(ledger.count()).isEqualTo(1);
        assertThat(linked.order().status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(ledger.openOrders(1)).singleElement().satisfies(o -> {
            assertThat(o.centralId()).isEqualTo(101L);
            assertThat(o.localId()).isEqualTo(7L);
            assertThat(o.clientOrderId()).isEqualTo("k-1");
            assertThat(o.items()).hasSize(1);
        });
    }

    @Test
    void cursorsOnlyMoveForward() {
        assertThat(ledger.cursor("CENTRAL")).isZero();
        ledger.recordList(List.of(), "CENTRAL", 10);
        ledger.recordList(List.of(), "CENTRAL", 4);
        assertThat(ledger.cursor("CENTRAL")).isEqualTo(10);
        assertThat(ledger.cursor("LOCAL")).isZero();
    }

    @Test
    void theOldestOpenOrderIsFoundPerServerSoItsListCanBeReadAgain() {
        assertThat(ledger.oldestOpenId(1, OrderCodec.Origin.CENTRAL)).isNull();
        assertThat(ledger.hasOpenOrders(1)).isFalse();
        ledger.recordFromCentral(order(3L, null, "k-3", OrderStatus.COMPLETED)); // closed, central says: nothing to learn
        ledger.record(order(5L, 40L, "k-5", OrderStatus.READY));
        ledger.record(order(9L, null, "k-9", OrderStatus.PENDING)); // central only: no local id yet
        ledger.record(order(null, 31L, "k-31", OrderStatus.PREPARING)); // placed on the store server only

        assertThat(ledger.oldestOpenId(1, OrderCodec.Origin.CENTRAL)).isEqualTo(5L);
        assertThat(ledger.oldestOpenId(1, OrderCodec.Origin.LOCAL)).isEqualTo(31L);
        assertThat(ledger.oldestOpenId(2, OrderCodec.Origin.CENTRAL)).as("another outlet").isNull();
        assertThat(ledger.hasOpenOrders(1)).isTrue();

        ledger.recordFromCentral(order(5L, null, null, OrderStatus.CANCELLED));
        assertThat(ledger.oldestOpenId(1, OrderCodec.Origin.CENTRAL)).isEqualTo(9L);
    }

    @Test
    void dishesTappedOnTheStoreServerAreNewsOnceAndCentralsListWithoutThemKeepsThem() {
        Order fromCentral = order(101L, null, "k-1", OrderStatus.PENDING);
        ledger.recordFromCentral(fromCentral);
        Order storeCopy = order(101L, 7L, "k-1", OrderStatus.PENDING);

        assertThat(ledger.record(storeCopy.withDishesDone(DishesDone.NONE)).outcome())
                .as("none tapped yet is no news").isEqualTo(OrderLedger.Outcome.DUPLICATE);
        OrderLedger.Recorded tapped = ledger.record(storeCopy.withDishesDone(new DishesDone(List.of(0))));
        assertThat(tapped.outcome()).isEqualTo(OrderLedger.Outcome.PROGRESSED);
        assertThat(ledger.record(storeCopy.withDishesDone(new DishesDone(List.of(0)))).outcome())
                .isEqualTo(OrderLedger.Outcome.DUPLICATE);
        assertThat(ledger.recordList(List.of(fromCentral), "central", 101, true).get(0).outcome())
                .isEqualTo(OrderLedger.Outcome.DUPLICATE);
        assertThat(ledger.find(fromCentral).dishesDone().lines()).containsExactly(0);
        assertThat(ledger.record(storeCopy.withDishesDone(DishesDone.NONE)).outcome())
                .as("a tap taken back").isEqualTo(OrderLedger.Outcome.PROGRESSED);
        assertThat(ledger.openOrders(1).get(0).dishesDone()).isEqualTo(DishesDone.NONE);
    }
}
