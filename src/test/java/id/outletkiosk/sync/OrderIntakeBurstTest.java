package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.testing.RawHttpServer;
import id.outletkiosk.testing.TestClocks;
import id.outletkiosk.wire.OrderCodec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst: central's frames for orders this screen does not know yet come faster than the intake thread takes
 * them. The frames already queued when one of them sends the intake to central's list cost that one read (the
 * list has every order whose frame was sent before it was read); the rest are known by then. Each order is
 * delivered once, in central's order.
 */
class OrderIntakeBurstTest {
    private static final int BURST = 30;

    @TempDir
    Path folder;

    private final Clock clock = TestClocks.noonInJakarta();
    private final List<OrderEvent> delivered = new CopyOnWriteArrayList<>();
    private final List<Order> onCentral = new CopyOnWriteArrayList<>();
    private RawHttpServer central;
    private BackendClient centralHttp;
    private OrderLedger ledger;

    @BeforeEach
    void start() throws Exception {
        central = new RawHttpServer((request, socket, out) -> {
            long since = Long.parseLong(request.target().replaceAll(".*since_id=(\\d+).*", "$1"));
            RawHttpServer.writeJson(out, 200, onCentral.stream().filter(order -> order.centralId() > since)
                    .map(order -> OrderCodec.encodeBroadcast(order).toString()).collect(Collectors.joining(",", "[", "]")));
        });
        centralHttp = new BackendClient("backend", Setting.TOKEN, central.uri(), null, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20);
        ledger = new OrderLedger(Database.open(folder.resolve("kitchen.db")), clock);
    }

    @AfterEach
    void stop() throws Exception {
        ledger.close();
        centralHttp.close();
        central.close();
    }

    private OrderIntake intake() {
        FeedEndpoints endpoints = new FeedEndpoints(1, OrderServerClient.central(centralHttp, clock.getZone()), null,
                null, null, null, null);
        return new OrderIntake(endpoints, ledger, clock, List.of(new FeedListener() {
            @Override
            public void onOrder(OrderEvent event) {
                delivered.add(event);
            }
        }), Duration.ofSeconds(20));
    }

    private Order placedOnCentral(long id) {
        Order order = new Order(id, null, null, String.format("ORD-2026-%06d", id), 1, OrderStatus.PENDING,
                List.of(new OrderItem(3, "Nasi Goreng", 1 + (int) (id % 3), new BigDecimal("25000"), null)),
                new BigDecimal("25000"), Instant.now(clock), "Tamu " + id, null, null);
        onCentral.add(order);
        return order;
    }

    private static String newOrderFrame(Order order) {
        return "{\"type\": \"new_order\", \"data\": " + OrderCodec.encodeBroadcast(order) + "}";
    }

    private long listReads() {
        return central.requests().stream().filter(request -> request.path().contains("orders")).count();
    }

    @Test
    void framesQueuedBeforeTheListIsReadCostOneReadAndEachOrderComesOnce() {
        OrderIntake intake = intake();
        List<String> queued = new java.util.ArrayList<>();
        for (long id = 1; id <= BURST; id++) {
            queued.add(newOrderFrame(placedOnCentral(id))); // central stores, then broadcasts
        }

        queued.forEach(frame -> intake.onText(FeedMode.ONLINE, frame)); // the intake thread takes its queue in order

        assertThat(listReads()).as("one read of central's list for the whole queue").isEqualTo(1);
        assertThat(delivered).extracting(OrderEvent::type).containsOnly(OrderEventType.NEW_ORDER);
        assertThat(delivered).extracting(event -> event.order().centralId())
                .containsExactlyElementsOf(onCentral.stream().map(Order::centralId).toList());
        assertThat(ledger.count()).isEqualTo(BURST);

        // the next order, sent after the read: one more read; the queue's frames again: nothing new, no read
        intake.onText(FeedMode.ONLINE, newOrderFrame(placedOnCentral(BURST + 1)));
        queued.forEach(frame -> intake.onText(FeedMode.ONLINE, frame));

        assertThat(listReads()).isEqualTo(2);
        assertThat(delivered).hasSize(BURST + 1);
        assertThat(delivered.get(BURST).order().centralId()).isEqualTo(BURST + 1);
    }
}
