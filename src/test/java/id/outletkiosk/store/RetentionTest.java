package id.outletkiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.testing.SteppingClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closed orders go after the retention period, from every store; open ones stay whatever their age. The store
 * server forgets a terminal it has not heard from for as long, and keeps one that still reports.
 */
class RetentionTest {
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    private static final List<OrderItem> ONE_NASI = List.of(new OrderItem(1, "Nasi Goreng", 1,
            new BigDecimal("25000"), null));

    @TempDir
    Path folder;

    private static Order order(long centralId, String clientOrderId, OrderStatus status, SteppingClock clock) {
        return new Order(centralId, null, clientOrderId, "ORD-" + centralId, 1, status, ONE_NASI,
                new BigDecimal("25000"), clock.instant(), "Ani", null, null);
    }

    private static TerminalReport report(String terminal, SteppingClock clock) {
        return new TerminalReport(terminal, "kiosk", "1.0", "online", clock.instant(), 7, clock.instant(), 0, 0,
                List.of(), clock.instant());
    }

    @Test
    void theTerminalsOutboxAndLedger_andTheStoreServer_forgetClosedOrdersAndSilentTerminalsAfterThirtyDays() {
        SteppingClock clock = SteppingClock.atNoonInJakarta();
        try (Database terminal = Database.open(folder.resolve("terminal.db"));
                StoreServerOrders server = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("server.db")),
                        clock, 1000)) {
            Outbox outbox = new Outbox(terminal, clock);
            OrderLedger ledger = new OrderLedger(terminal, clock);
            var sent = outbox.place(new NewOrder(1, "c-sent", "Ani", ONE_NASI, null), java.util.Arrays.asList((Long) null),
                    new BigDecimal("25000"), 1);
            outbox.markSent(sent.seq(), order(11, "c-sent", OrderStatus.PENDING, clock), false);
            var waiting = outbox.place(new NewOrder(1, "c-waiting", "Budi", ONE_NASI, null),
                    java.util.Arrays.asList((Long) null), new BigDecimal("25000"), 1);
            ledger.record(order(11, "c-sent", OrderStatus.COMPLETED, clock));
            ledger.record(order(12, "c-open", OrderStatus.PREPARING, clock));
            server.save(order(11, "c-sent", OrderStatus.COMPLETED, clock));
            server.save(order(12, "c-open", OrderStatus.PREPARING, clock));
            server.terminals().record(report("K-old", clock));
            server.terminals().record(report("K2", clock));
            List<Retention.Purge> purges = new java.util.ArrayList<>(List.of(
                    new Retention.Purge("outbox orders", outbox::purgeClosedBefore),
                    new Retention.Purge("orders heard of", ledger::purgeClosedBefore)));
            purges.addAll(server.retentionPurges());
            Retention retention = new Retention(THIRTY_DAYS, clock, purges);

            clock.advance(THIRTY_DAYS.minusMinutes(1));
            assertThat(retention.purge()).isZero();
            server.terminals().record(report("K2", clock));

            clock.advance(Duration.ofMinutes(2));
            assertThat(retention.purge()).isEqualTo(4);

            assertThat(outbox.all()).extracting(entry -> entry.clientOrderId()).containsExactly("c-waiting");
            assertThat(outbox.entry(waiting.seq()).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
            assertThat(ledger.openOrders(1)).extracting(Order::clientOrderId).containsExactly("c-open");
            assertThat(ledger.count()).isEqualTo(1);
            assertThat(server.since(1, 0)).extracting(Order::clientOrderId).containsExactly("c-open");
            assertThat(server.terminals().reportedSince(Instant.EPOCH)).extracting(TerminalReport::terminal)
                    .containsExactly("K2");
        }
    }
}
