package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.testing.KitchenScreen;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cook's bump in every network state: durable first, on central once, on the store server at once
 * while central is away, replayed when central returns, and done when central is already further.
 */
@Timeout(60)
class StatusChangeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    private OrderWorld world;
    private KitchenScreen kitchen;

    @BeforeEach
    void start() throws Exception {
        world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST);
        kitchen = new KitchenScreen(world, folder.resolve("kitchen"), "KDS", 5);
        await().atMost(PATIENCE).until(() -> kitchen.mode() == FeedMode.ONLINE);
    }

    @AfterEach
    void stop() throws Exception {
        kitchen.close();
        world.close();
        TempFolders.deleteWhenQuiet(folder);
    }

    /** An order placed on central, once the kitchen's ledger knows it under its central id. */
    private Order orderOnTheBoard() throws Exception {
        Order placed = world.placeCentrally(OrderWorld.newOrder(3));
        await().atMost(PATIENCE).until(() -> kitchen.known(placed) != null);
        return kitchen.known(placed);
    }

    private StatusChangeEntry lastChange() {
        return kitchen.outbox.allStatusChanges().stream().max(Comparator.comparingLong(StatusChangeEntry::seq))
                .orElseThrow();
    }

    private OrderStatus onCentral(Order order) {
        return world.orders.byClientOrderId(order.clientOrderId()).orElseThrow().status();
    }

    private OrderStatus onStoreServer(Order order) {
        return world.storeServerOrders.since(1, 0).stream().filter(o -> order.clientOrderId().equals(o.clientOrderId()))
                .findFirst().orElseThrow().status();
    }

    @Test
    void online_aBumpIsOnCentralOnceAndTheEchoIsNoNews() throws Exception {
        Order order = orderOnTheBoard();
        Order moved = kitchen.desk.change(order, OrderStatus.PREPARING);

        assertThat(moved.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(kitchen.known(order).status()).as("durable on this screen at once")
                .isEqualTo(OrderStatus.PREPARING);
        await().atMost(PATIENCE).until(() -> lastChange().state() == OutboxState.SENT);
        assertThat(onCentral(order)).isEqualTo(OrderStatus.PREPARING);
        await().atMost(PATIENCE).until(() -> onStoreServer(order) == OrderStatus.PREPARING);
        assertThat(kitchen.movedBack).as("the late echo of the old status is no news").isEmpty();
    }

    @Test
    void centralAway_theStoreServerHasItAtOnceAndCentralGetsItWhenBack() throws Exception {
        Order order = orderOnTheBoard();
        world.centralProxy.refuse();

        kitchen.desk.change(order, OrderStatus.PREPARING);
        kitchen.desk.change(order, OrderStatus.READY);

        await().atMost(PATIENCE).until(() -> onStoreServer(order) == OrderStatus.READY);
        assertThat(kitchen.outbox.status().statusChangesQueued()).isEqualTo(2);
        assertThat(onCentral(order)).isEqualTo(OrderStatus.PENDING);

        world.centralProxy.pass();

        await().atMost(PATIENCE).until(() -> kitchen.outbox.status().statusChangesQueued() == 0);
        assertThat(onCentral(order)).isEqualTo(OrderStatus.READY);
        assertThat(kitchen.outbox.allStatusChanges()).allSatisfy(
                change -> assertThat(change.state()).isEqualTo(OutboxState.SENT));
        // the store server showed READY only from this kitchen's copy (central did not have it); the PREPARING
        // before it may have gone uncopied: a copy waits until the kitchen knows the store server's id for the
        // order, which it can learn between the two copies of one pass (CI once, under load), and READY overtakes it
        assertThat(lastChange().target()).isEqualTo(OrderStatus.READY);
        assertThat(lastChange().localCopy()).isTrue();
    }

    @Test
    void centralAlreadyFurther_aCancellationMadeThereMeanwhileCountsAsDelivered() throws Exception {
        Order order = orderOnTheBoard();
        world.centralProxy.refuse();
        kitchen.desk.change(order, OrderStatus.PREPARING);
        world.orders.changeStatus(order.centralId(), OrderStatus.CANCELLED); // the cashier cancels on central

        world.centralProxy.pass();

        await().atMost(PATIENCE).until(() -> lastChange().state() == OutboxState.SENT);
        assertThat(onCentral(order)).isEqualTo(OrderStatus.CANCELLED);
        await().atMost(PATIENCE).until(() -> kitchen.known(order).status() == OrderStatus.CANCELLED);
        assertThat(kitchen.outbox.status().attention()).isZero();
    }

    @Test
    void centralRefuses_theChangeWaitsForAManagerWithCentralsReason() throws Exception {
        Order order = orderOnTheBoard();
        world.backend.refuseNextStatusChanges(1);

        kitchen.desk.change(order, OrderStatus.PREPARING);

        await().atMost(PATIENCE).until(() -> lastChange().state() == OutboxState.ATTENTION);
        assertThat(lastChange().lastError()).contains("locked this order");
        assertThat(kitchen.outbox.openStatusChanges()).hasSize(1);
        assertThat(kitchen.outbox.status().statusChangesAttention()).as("counted as a status change").isEqualTo(1);
        assertThat(kitchen.outbox.status().attention()).as("not as a refused order").isZero();
        assertThat(onCentral(order)).isEqualTo(OrderStatus.PENDING);

        assertThat(kitchen.outbox.retry(lastChange().seq())).isTrue(); // the manager's Retry
        kitchen.sender.wake();
        await().atMost(PATIENCE).until(() -> lastChange().state() == OutboxState.SENT);
        assertThat(onCentral(order)).isEqualTo(OrderStatus.PREPARING);
    }

    @Test
    void anOrderCentralHasNotHeardOf_waitsThenGoesOnceCentralKnowsIt() throws Exception {
        var kioskOrder = OrderWorld.newOrder(4);
        Order onStore = world.placeLocally(kioskOrder); // a kiosk cut off from central left it here
        await().atMost(PATIENCE).until(() -> kitchen.known(onStore) != null);
        Order seen = kitchen.known(onStore);

        kitchen.desk.change(seen, OrderStatus.PREPARING);

        await().atMost(PATIENCE).until(() -> onStoreServer(seen) == OrderStatus.PREPARING);
        assertThat(lastChange().state()).isEqualTo(OutboxState.QUEUED);
        assertThat(lastChange().lastError()).contains("has not heard of order");

        world.placeCentrally(kioskOrder); // the kiosk's outbox reaches central later: same client order id

        await().atMost(PATIENCE).until(() -> lastChange().state() == OutboxState.SENT);
        assertThat(onCentral(seen)).isEqualTo(OrderStatus.PREPARING);
    }

    @Test
    void aStepBackIsRefusedAtTheDeskAndNothingIsQueued() throws Exception {
        Order order = orderOnTheBoard();
        kitchen.desk.change(order, OrderStatus.READY);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kitchen.desk.change(order, OrderStatus.PREPARING))
                .isInstanceOf(OrderStatusDesk.ChangeRefused.class).hasMessageContaining("is ready already");
        assertThat(kitchen.outbox.allStatusChanges()).hasSize(1);
    }
}
