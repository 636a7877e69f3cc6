package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.testing.RawHttpServer;
import id.outletkiosk.testing.TestClocks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk order this kitchen knows from the store server (local id and client order id) reaches central
 * late; central's frame for it carries central's id only. While central's list cannot be read, the store
 * server's list (its rows carry {@code central_id}) links the two, so the frame is a change to the ticket
 * the kitchen shows, never a second ticket.
 */
class OrderIntakeTest {
    private static final long CENTRAL_ID = 4242;

    @TempDir
    Path folder;

    private final Clock clock = TestClocks.noonInJakarta();
    private final List<OrderEvent> delivered = new CopyOnWriteArrayList<>();
    private RawHttpServer centralListBroken;
    private StoreServerOrders storeServerOrders;
    private StoreServer storeServer;
    private BackendClient centralHttp;
    private BackendClient storeServerHttp;
    private OrderLedger ledger;

    @BeforeEach
    void start() throws Exception {
        centralListBroken = new RawHttpServer((request, socket, out) ->
                RawHttpServer.writeAnswer(out, 503, "text/html", "<h1>Service Unavailable</h1>"));
        storeServerOrders = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("store-server.db")), clock, 1000);
        storeServer = new StoreServer(storeServerOrders, StoreServer.Options.loopback(), clock).start();
        centralHttp = client("backend", Setting.TOKEN, centralListBroken.uri().toString());
        storeServerHttp = client("store server", Setting.LOCAL_TOKEN, storeServer.baseUri().toString());
        ledger = new OrderLedger(Database.open(folder.resolve("kitchen.db")), clock);
    }

    @AfterEach
    void stop() throws Exception {
        ledger.close();
        centralHttp.close();
        storeServerHttp.close();
        storeServer.close();
        storeServerOrders.close();
        centralListBroken.close();
    }

    private static BackendClient client(String name, Setting token, String base) {
        return new BackendClient(name, token, java.net.URI.create(base), null, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20);
    }

    private OrderIntake intake(Duration holdFramesFor) {
        FeedEndpoints endpoints = new FeedEndpoints(1, OrderServerClient.central(centralHttp, clock.getZone()), null,
                null, OrderServerClient.local(storeServerHttp, clock.getZone()), null, null);
        return new OrderIntake(endpoints, ledger, clock, List.of(new FeedListener() {
            @Override
            public void onOrder(OrderEvent event) {
                delivered.add(event);
            }
        }), holdFramesFor);
    }

    /** The kiosk's copy on the store server, read by the kitchen while central was away. */
    private Order kioskCopyOnTheBoard(OrderIntake intake) throws Exception {
        Order copy = storeServerOrders.save(new Order(null, null, "kiosk-7f3a", "K-0007", 1, OrderStatus.PENDING,
                List.of(new OrderItem(3, "Es Teh", 1, new BigDecimal("8000"), null)), new BigDecimal("8000"),
                Instant.now(clock), "Tamu", null, null)).order();
        intake.catchUp(FeedMode.POLLING, CatchUp.POLL);
        assertThat(delivered).extracting(OrderEvent::type).containsExactly(OrderEventType.NEW_ORDER);
        return copy;
    }

    /** The store server, following central, links the kiosk's copy to central's order. */
    private void storeServerLearnsCentralsId(Order copy) {
        storeServerOrders.save(new Order(CENTRAL_ID, null, copy.clientOrderId(), "ORD-2026-004242", 1,
                OrderStatus.PENDING, copy.items(), copy.totalAmount(), copy.createdAt(), null, null, null));
    }

    private static String centralFrame(Order copy, OrderStatus status) {
        Order central = new Order(CENTRAL_ID, null, null, "ORD-2026-004242", 1, status, copy.items(),
                copy.totalAmount(), copy.createdAt(), null, null, null);
        return "{\"type\": \"" + (status == OrderStatus.PENDING ? "new_order" : "order_updated") + "\", \"data\": "
                + OrderCodec.encodeBroadcast(central) + "}";
    }

    private Order knownByCentralId() {
        return ledger.find(new Order(CENTRAL_ID, null, null, null, 1, OrderStatus.PENDING, List.of(), null, null,
                null, null, null));
    }

    @Test
    void theStoreServersListLinksTheFrameAtOnceWhenCentralsListCannotBeRead() throws Exception {
        OrderIntake intake = intake(Duration.ofHours(1)); // a frame held would stay held: only a link can show it
        Order copy = kioskCopyOnTheBoard(intake);
        storeServerLearnsCentralsId(copy);

        intake.onText(FeedMode.ONLINE, centralFrame(copy, OrderStatus.PREPARING));

        assertThat(knownByCentralId()).as("one ledger row with both ids").isNotNull()
                .satisfies(order -> assertThat(order.localId()).isEqualTo(copy.localId()));
        assertThat(delivered).extracting(OrderEvent::type)
                .containsExactly(OrderEventType.NEW_ORDER, OrderEventType.ORDER_UPDATED);
        assertThat(delivered.get(1).order().localId()).as("the change is to the ticket shown").isEqualTo(copy.localId());
        assertThat(ledger.count()).isEqualTo(1);
    }

    @Test
    void beforeAHeldFrameIsShownOnItsOwnTheStoreServerHasALastWord() throws Exception {
        OrderIntake intake = intake(Duration.ZERO); // the hold is over at the next retry
        Order copy = kioskCopyOnTheBoard(intake);
        intake.onText(FeedMode.ONLINE, centralFrame(copy, OrderStatus.PENDING)); // nobody has linked it yet: held
        assertThat(delivered).hasSize(1);
        storeServerLearnsCentralsId(copy); // meanwhile the store server hears central's list

        intake.retryHeldFrames();

        // no second ticket: the one shown learns central's number beside the kiosk's
        assertThat(delivered).extracting(OrderEvent::type).as("no second ticket")
                .containsExactly(OrderEventType.NEW_ORDER, OrderEventType.ORDER_UPDATED);
        assertThat(delivered.get(1).order().callNumber()).isEqualTo("K-0007");
        assertThat(delivered.get(1).order().orderNumber()).isEqualTo("ORD-2026-004242");
        assertThat(knownByCentralId().localId()).isEqualTo(copy.localId());
        assertThat(ledger.count()).isEqualTo(1);
    }

    @Test
    void aCentralOrderNobodyElseKnowsIsShownOnItsOwnWhenTheHoldIsOver() throws Exception {
        OrderIntake intake = intake(Duration.ZERO);
        Order copy = kioskCopyOnTheBoard(intake);
        Order cashiers = new Order(null, null, null, null, 1, OrderStatus.PENDING, copy.items(), copy.totalAmount(),
                copy.createdAt(), null, null, null);
        intake.onText(FeedMode.ONLINE, centralFrame(cashiers, OrderStatus.PENDING)); // an order placed at HQ's till

        intake.retryHeldFrames();

        assertThat(delivered).extracting(OrderEvent::type)
                .containsExactly(OrderEventType.NEW_ORDER, OrderEventType.NEW_ORDER);
        assertThat(ledger.count()).as("never missed: a different order").isEqualTo(2);
    }
}
