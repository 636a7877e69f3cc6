package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.CentralKitchenStatus;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.WantedKitchenStatus;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kitchen's busy switch reaches a kiosk's feed on every tier: central's socket (through the central
 * adapter, or by the store server's word at the reconcile when central has no route), the store
 * server's socket, and polling. The kitchen's desk keeps its setting until the store server is back.
 */
class KitchenStatusTiersTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CENTRAL_ROUTE = "/admin/api/kitchen-status/";

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    private OrderWorld world;
    private final List<KitchenState> kioskHeard = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        world.close();
        TempFolders.deleteWhenQuiet(folder);
    }

    /** A kiosk's feed over every tier the world has; what it hears of the kitchen is kept. */
    private RealtimeFeed kiosk() throws Exception {
        OrderLedger ledger = new OrderLedger(Database.open(folder.resolve("kiosk.db")), Clock.systemUTC());
        opened.add(ledger);
        world.kitchen = world.kitchenFeed(ledger, 3, new FeedListener() {
            @Override
            public void onKitchenStatus(KitchenState state) {
                kioskHeard.add(state);
            }
        });
        return world.kitchen;
    }

    /** The kitchen's desk in its own store: the store server through its proxy, central as {@code centralRoute} says. */
    private KitchenStatusDesk kitchenDesk(String store, String centralRoute) {
        Database database = Database.open(folder.resolve(store));
        BackendClient central = world.client("backend", Setting.TOKEN, world.centralProxy.http().toString());
        KitchenStatusDesk desk = new KitchenStatusDesk(new WantedKitchenStatus(database),
                world.storeServerViaProxy().kitchenStatus(), new CentralKitchenStatus(central, centralRoute), 1,
                "KITCHEN", Clock.systemUTC(), new ExecutorTaskScheduler("kitchen-status-test"),
                new Backoff(Duration.ofMillis(30), Duration.ofMillis(300), new Random(7)));
        desk.start();
        opened.add(desk);
        opened.add(database);
        return desk;
    }

    private void awaitHeard(KitchenState.Status status, Integer wait) {
        await().atMost(PATIENCE).until(() -> !kioskHeard.isEmpty()
                && kioskHeard.get(kioskHeard.size() - 1).looksLike(new KitchenState(status, wait, null, null)));
    }

    private void awaitMode(FeedMode mode) {
        await().atMost(PATIENCE).until(() -> world.mode() == mode);
    }

    @Test
    void aKioskOnCentralsSocketHearsTheRushThroughCentralsRoute() throws Exception {
        kiosk();
        awaitMode(FeedMode.ONLINE);
        world.localHttpProxy.refuse(); // the store server cannot tell it: only central's frame can

        kitchenDesk("kitchen.db", CENTRAL_ROUTE).set(KitchenState.Status.BUSY, 15);

        awaitHeard(KitchenState.Status.BUSY, 15);
        assertThat(world.mode()).isEqualTo(FeedMode.ONLINE);
    }

    @Test
    void aKioskOnCentralsSocketLearnsAPauseOnlyTheStoreServerHeardAtTheNextReconcile() throws Exception {
        kiosk();
        awaitMode(FeedMode.ONLINE);

        kitchenDesk("kitchen.db", null).set(KitchenState.Status.PAUSED, null);

        awaitHeard(KitchenState.Status.PAUSED, null);
        assertThat(world.mode()).isEqualTo(FeedMode.ONLINE);
    }

    @Test
    void aKioskOnTheStoreServersSocketHearsTheRushAtOnce() throws Exception {
        world.centralProxy.refuse();
        kiosk();
        awaitMode(FeedMode.LOCAL);

        kitchenDesk("kitchen.db", null).set(KitchenState.Status.BUSY, 20);

        awaitHeard(KitchenState.Status.BUSY, 20);
        assertThat(world.mode()).isEqualTo(FeedMode.LOCAL);
    }

    @Test
    void aKioskPollingTheStoreServerLearnsThePauseAtTheNextPoll() throws Exception {
        world.centralProxy.refuse();
        world.localWsProxy.refuse();
        kiosk();
        awaitMode(FeedMode.POLLING);

        kitchenDesk("kitchen.db", null).set(KitchenState.Status.PAUSED, null);

        awaitHeard(KitchenState.Status.PAUSED, null);
        assertThat(world.mode()).isEqualTo(FeedMode.POLLING);
    }

    @Test
    void aKioskHearsEachChangeOnceNotEveryPoll() throws Exception {
        world.centralProxy.refuse();
        world.localWsProxy.refuse();
        kiosk();
        awaitMode(FeedMode.POLLING);
        KitchenStatusDesk desk = kitchenDesk("kitchen.db", null);
        desk.set(KitchenState.Status.BUSY, 10);
        awaitHeard(KitchenState.Status.BUSY, 10);
        desk.set(KitchenState.Status.OPEN, null);
        awaitHeard(KitchenState.Status.OPEN, null);

        assertThat(kioskHeard).extracting(KitchenState::toString).containsExactly("open", "busy (10 min)", "open");
    }

    @Test
    void theKitchensLatestSettingWaitsForTheStoreServerAndNoOlderOneFollowsIt() throws Exception {
        world.localHttpProxy.refuse();
        KitchenStatusDesk desk = kitchenDesk("kitchen.db", null);
        desk.set(KitchenState.Status.BUSY, 10);
        desk.set(KitchenState.Status.PAUSED, null);
        desk.close();
        List<String> frames = new CopyOnWriteArrayList<>();
        java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(world.storeServer.socketUri(), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket webSocket,
                            CharSequence data, boolean last) {
                        frames.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        opened.add(() -> socket.abort());

        KitchenStatusDesk restarted = kitchenDesk("kitchen.db", null); // the board restarted meanwhile
        world.localHttpProxy.pass();

        await().atMost(PATIENCE).until(restarted::allHeld);
        assertThat(world.storeServerOrders.kitchen().current(1).status()).isEqualTo(KitchenState.Status.PAUSED);
        assertThat(frames).as("the busy setting, replaced before it was sent, is never told")
                .noneMatch(frame -> frame.contains("busy"));
        assertThat(restarted.lastSet().orElseThrow().status()).isEqualTo(KitchenState.Status.PAUSED);
    }
}
