package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.testing.ContractStoreServer;
import id.outletkiosk.testing.KioskTerminal;
import id.outletkiosk.testing.KitchenScreen;
import id.outletkiosk.testing.ManualTaskScheduler;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One number per order: the customer holds the kiosk's reference ("K-0001"), and the kitchen's ticket
 * and the store server call the order by it too, whether central took the order at once or only later;
 * central's own number joins it, smaller, once central has the order.
 */
class OneNumberPerOrderTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    private OrderWorld world;
    private KitchenScreen kitchen;
    private KioskTerminal kiosk;

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        if (kitchen != null) {
            kitchen.close();
        }
        if (world != null) {
            world.close();
        }
        TempFolders.deleteWhenQuiet(folder);
    }

    private void openStore() throws Exception {
        world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST);
        kitchen = new KitchenScreen(world, folder.resolve("kitchen"), "kitchen", 1);
        kiosk = new KioskTerminal(world, folder.resolve("kiosk"));
    }

    private Optional<Order> onTheKitchensBoard(OutboxEntry placed) {
        return kitchen.ledger.openOrders(1).stream()
                .filter(order -> placed.clientOrderId().equals(order.clientOrderId())).findFirst();
    }

    private Optional<Order> onTheStoreServer(OutboxEntry placed) {
        return world.storeServerOrders.since(1, 0).stream()
                .filter(order -> placed.clientOrderId().equals(order.clientOrderId())).findFirst();
    }

    @Test
    void anOrderCentralTookAtOnceIsCalledByTheKiosksReferenceOnTheTicketAndTheStoreServer() throws Exception {
        openStore();
        OutboxEntry placed = kiosk.order(1, 1);

        Awaitility.await().atMost(PATIENCE).until(() -> onTheKitchensBoard(placed)
                .filter(order -> order.centralId() != null && order.reference() != null).isPresent());
        Order ticket = onTheKitchensBoard(placed).orElseThrow();
        assertThat(ticket.callNumber()).isEqualTo(placed.reference()).isEqualTo("K-0001");
        assertThat(ticket.orderNumber()).startsWith("ORD-"); // central's number, kept beside it
        Awaitility.await().atMost(PATIENCE).until(() -> onTheStoreServer(placed)
                .filter(order -> order.centralId() != null).isPresent());
        assertThat(onTheStoreServer(placed).orElseThrow().callNumber()).isEqualTo("K-0001");
        assertThat(world.storeServerOrders.sinceJson(1, 0)).contains("\"order_number\":\"K-0001\"");
        assertThat(kitchen.newOrderCount.get(world.identity(ticket)).get()).isEqualTo(1);
    }

    @Test
    void anOrderPlacedWhileCentralIsAwayKeepsItsNumberWhenCentralNumbersIt() throws Exception {
        openStore();
        world.centralProxy.refuse();
        OutboxEntry placed = kiosk.order(1, 2);

        Awaitility.await().atMost(PATIENCE).until(() -> onTheKitchensBoard(placed).isPresent());
        assertThat(onTheKitchensBoard(placed).orElseThrow().callNumber()).isEqualTo(placed.reference());
        assertThat(onTheKitchensBoard(placed).orElseThrow().centralId()).isNull();

        world.centralProxy.pass();
        Awaitility.await().atMost(PATIENCE).until(() -> onTheKitchensBoard(placed)
                .filter(order -> order.centralId() != null && order.orderNumber() != null).isPresent());
        Order ticket = onTheKitchensBoard(placed).orElseThrow();
        assertThat(ticket.callNumber()).isEqualTo(placed.reference());
        assertThat(ticket.orderNumber()).startsWith("ORD-");
        assertThat(kitchen.newOrderCount.get(world.identity(ticket)).get()).isEqualTo(1);
    }

    @Test
    void anOrderCentralTookWhileTheStoreServerWasAwayGetsItsNumberOnEveryScreenOnceItIsBack() throws Exception {
        openStore();
        world.localHttpProxy.refuse();
        OutboxEntry placed = kiosk.order(1, 3);
        Awaitility.await().atMost(PATIENCE).until(() -> onTheKitchensBoard(placed)
                .filter(order -> order.centralId() != null).isPresent());
        assertThat(onTheKitchensBoard(placed).orElseThrow().reference()).as("no copy to read it from yet").isNull();

        world.localHttpProxy.pass();
        kiosk.sender.sendQueued(); // the next pass copies what the store server missed, with central's id

        Awaitility.await().atMost(PATIENCE).until(() -> onTheStoreServer(placed)
                .filter(order -> placed.reference().equals(order.reference()) && order.centralId() != null).isPresent());
        Awaitility.await().atMost(PATIENCE).until(() -> onTheKitchensBoard(placed)
                .filter(order -> placed.reference().equals(order.reference())).isPresent());
        Order ticket = onTheKitchensBoard(placed).orElseThrow();
        assertThat(ticket.callNumber()).isEqualTo(placed.reference());
        assertThat(kitchen.newOrderCount.get(world.identity(ticket)).get()).isEqualTo(1);
    }

    /**
     * The old store server invents a number from its own counter for an order that has none: its
     * "ORD-2026-001" was another order than central's ORD-2026-001. The kiosk's copy carries its
     * reference, so that server keeps it, and every screen reading that server calls the order by it.
     */
    @Test
    void aStoreServerThatFollowsTheContractToTheLetterKeepsTheKiosksReference() throws Exception {
        Clock clock = Clock.systemUTC();
        try (ContractStoreServer contractServer = new ContractStoreServer();
                BackendClient centralAway = client("backend", Setting.TOKEN, URI.create("http://127.0.0.1:9/"));
                BackendClient storeServerHttp = client("store server", Setting.LOCAL_TOKEN, contractServer.uri())) {
            Database database = Database.open(folder.resolve("kiosk.db"));
            Outbox outbox = new Outbox(database, clock, "K2");
            OrderServerClient storeServer = OrderServerClient.local(storeServerHttp, clock.getZone());
            try (OutboxSender sender = new OutboxSender(outbox, OrderServerClient.central(centralAway, clock.getZone()),
                    storeServer, new OrderLedger(database, clock), new ManualTaskScheduler(),
                    Backoff.forOutbox(new Random(1)))) {
                OutboxEntry placed = outbox.place(new NewOrder(1, "kiosk-1", "Ani",
                        List.of(new OrderItem(3, "Es Teh", 1, new BigDecimal("8000"), null)), null), List.of(),
                        new BigDecimal("8000"), 1);

                sender.sendQueued();

                List<ObjectNode> stored = contractServer.stored();
                assertThat(stored).hasSize(1);
                assertThat(stored.get(0).path("order_number").asText()).isEqualTo(placed.reference())
                        .isEqualTo("K2-0001");
                Order read = storeServer.ordersSince(1, 0).get(0);
                assertThat(read.reference()).isEqualTo("K2-0001");
                assertThat(read.orderNumber()).isNull();
                assertThat(read.callNumber()).isEqualTo("K2-0001");
            } finally {
                outbox.close();
            }
        }
    }

    private static BackendClient client(String name, Setting token, URI base) {
        return new BackendClient(name, token, base, null, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), 1 << 20);
    }
}
