package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.model.Product;
import id.outletkiosk.testing.KioskTerminal;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Orders placed in every network state reach the backend exactly once, and the kitchen at once. */
@Timeout(60)
class OutboxSenderTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    private OrderWorld world;
    private KioskTerminal kiosk;

    @BeforeEach
    void start() throws Exception {
        world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST);
        world.startKitchen(3);
        kiosk = new KioskTerminal(world, folder.resolve("kiosk"));
        await().atMost(PATIENCE).until(() -> world.mode() == FeedMode.ONLINE);
    }

    @AfterEach
    void stop() throws Exception {
        kiosk.close();
        world.close();
        TempFolders.deleteWhenQuiet(folder);
    }

    private void awaitSent(OutboxEntry entry) {
        await().atMost(PATIENCE).until(() -> kiosk.entry(entry.seq()).state() == OutboxState.SENT);
    }

    private void assertOnBackendOnceAndKitchenOnce(List<OutboxEntry> entries) {
        for (OutboxEntry entry : entries) {
            Order central = world.orders.byClientOrderId(entry.clientOrderId()).orElseThrow();
            assertThat(kiosk.entry(entry.seq()).centralId()).isEqualTo(central.centralId());
            await().atMost(PATIENCE).until(() -> world.newOrderCount.containsKey(entry.clientOrderId()));
        }
        assertThat(world.orders.count()).isEqualTo(entries.size());
        assertThat(world.newOrderCount).allSatisfy((id, count) -> assertThat(count.get()).as(id).isEqualTo(1));
    }

    @Test
    void online_theOrderIsSentOnceWithTheBackendsNumberAndTotal() throws Exception {
        OutboxEntry entry = kiosk.order(1, 2);

        assertThat(entry.reference()).isEqualTo("K-0001");
        awaitSent(entry);
        OutboxEntry sent = kiosk.entry(entry.seq());
        assertThat(sent.orderNumber()).startsWith("ORD-");
        assertThat(sent.serverTotal()).isEqualByComparingTo(sent.kioskTotal());
        assertThat(sent.totalMismatch()).isFalse();
        // every kiosk order is on the store server too, under the number the customer holds
        await().atMost(PATIENCE).until(() -> kiosk.entry(entry.seq()).localCopy());
        assertOnBackendOnceAndKitchenOnce(List.of(entry));
    }

    @Test
    void centralDown_theKitchenSeesItAtOnceThroughTheLocalServer_andCentralGetsItLater() throws Exception {
        world.centralProxy.refuse();
        OutboxEntry entry = kiosk.order(2, 1);

        await().atMost(PATIENCE).until(() -> kiosk.entry(entry.seq()).localCopy());
        assertThat(kiosk.entry(entry.seq()).state()).isEqualTo(OutboxState.QUEUED);
        await().atMost(PATIENCE).until(() -> world.newOrderCount.containsKey(entry.clientOrderId()));
        assertThat(world.orders.count()).isZero();

        world.centralProxy.pass();
        awaitSent(entry);
        assertOnBackendOnceAndKitchenOnce(List.of(entry));
    }

    @Test
    void bothDown_theCustomerStillGetsAReferenceAndTheOrderWaits() throws Exception {
        world.centralProxy.refuse();
        world.localHttpProxy.refuse();
        OutboxEntry entry = kiosk.order(3, 1);

        assertThat(entry.reference()).isNotBlank();
        await().atMost(PATIENCE).until(() -> kiosk.entry(entry.seq()).attempts() >= 2);
        assertThat(kiosk.outbox.status().queued()).isEqualTo(1);
        assertThat(kiosk.outbox.status().oldestQueuedAge()).isPositive();

        world.localHttpProxy.pass();
        world.centralProxy.pass();
        awaitSent(entry);
        assertOnBackendOnceAndKitchenOnce(List.of(entry));
    }

    @Test
    void centralReturnsAfterAHundredQueuedOrders_allGoInTheOrderTheyWerePlaced() throws Exception {
        world.centralProxy.refuse();
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            entries.add(kiosk.order(1 + i % 10, 1));
        }
        await().atMost(PATIENCE).until(() -> kiosk.outbox.queued().stream().allMatch(OutboxEntry::localCopy));

        world.centralProxy.pass();
        await().atMost(PATIENCE).until(() -> kiosk.outbox.status().queued() == 0);
        List<Long> centralIds = entries.stream().map(e -> kiosk.entry(e.seq()).centralId()).toList();
        assertThat(centralIds).isSorted().doesNotHaveDuplicates();
        assertOnBackendOnceAndKitchenOnce(entries);
    }

    @Test
    void aRefusalNeedsAttentionAndLaterOrdersStillGo() throws Exception {
        world.menu.delete(EntityKind.PRODUCTS, 4); // head office withdrew it after the kiosk's last sync
        OutboxEntry refused = kiosk.order(4, 1);
        OutboxEntry next = kiosk.order(5, 1);

        await().atMost(PATIENCE).until(() -> kiosk.entry(refused.seq()).state() == OutboxState.ATTENTION);
        assertThat(kiosk.entry(refused.seq()).lastError()).contains("HTTP 400").contains("does not exist");
        awaitSent(next);
        assertThat(kiosk.outbox.needingAttention()).extracting(OutboxEntry::clientOrderId)
                .containsExactly(refused.clientOrderId());
        assertThat(kiosk.outbox.status().attention()).isEqualTo(1);
    }

    @Test
    void aManagerRetriesARefusedOrderOnceTheCauseIsFixed_andDiscardsAnother() throws Exception {
        var withdrawn = world.menu.live(EntityKind.PRODUCTS, 4).orElseThrow();
        world.menu.delete(EntityKind.PRODUCTS, 4);
        OutboxEntry retried = kiosk.order(4, 1);
        OutboxEntry discarded = kiosk.order(4, 2);
        await().atMost(PATIENCE).until(() -> kiosk.outbox.needingAttention().size() == 2);

        assertThat(kiosk.outbox.discard(discarded.seq(), "customer refunded at the till")).isTrue();
        world.menu.put(EntityKind.PRODUCTS, withdrawn); // head office put the dish back
        assertThat(kiosk.outbox.retry(retried.seq())).isTrue();
        kiosk.sender.wake();

        awaitSent(retried);
        assertThat(kiosk.entry(discarded.seq()).state()).isEqualTo(OutboxState.DISCARDED);
        assertThat(world.orders.byClientOrderId(discarded.clientOrderId())).isEmpty();
        assertThat(world.orders.count()).isEqualTo(1);
        // what is done stays done: no retry of a discarded or sent order, no discard of a sent one
        assertThat(kiosk.outbox.retry(discarded.seq())).isFalse();
        assertThat(kiosk.outbox.retry(retried.seq())).isFalse();
        assertThat(kiosk.outbox.discard(retried.seq(), "too late")).isFalse();
        assertThat(kiosk.outbox.status().attention()).isZero();
    }

    @Test
    void aStormOfServerErrorsEndsWithEachOrderOnce() throws Exception {
        world.backend.failNextOrders(25);
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(kiosk.order(1 + i, 1));
        }
        await().atMost(PATIENCE).until(() -> kiosk.outbox.status().queued() == 0);
        assertOnBackendOnceAndKitchenOnce(entries);
        assertThat(entries.stream().mapToInt(e -> kiosk.entry(e.seq()).attempts()).sum()).isGreaterThan(10);
    }

    @Test
    void aServerTotalUnlikeTheKiosksIsFlagged() throws Exception {
        world.menu.update(EntityKind.PRODUCTS, 8, row -> { // a noodle dish: no promotion on it
            Product p = (Product) row;
            return new Product(p.id(), p.name(), p.categoryId(), p.price().add(new BigDecimal("1000")), p.description(),
                    p.imageUrl(), p.available(), p.active(), p.version(), p.updatedAt());
        });
        OutboxEntry entry = kiosk.order(8, 1);

        awaitSent(entry);
        OutboxEntry sent = kiosk.entry(entry.seq());
        assertThat(sent.totalMismatch()).isTrue();
        assertThat(sent.serverTotal().subtract(sent.kioskTotal())).isEqualByComparingTo("1000");
        assertThat(kiosk.outbox.status().mismatches()).isEqualTo(1);
    }
}
