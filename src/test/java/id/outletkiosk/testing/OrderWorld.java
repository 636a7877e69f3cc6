package id.outletkiosk.testing;

import id.outletkiosk.api.BackendException;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.OrderBook;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.sync.Backoff;
import id.outletkiosk.sync.FeedEndpoints;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.RealtimeFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole outlet on loopback: the reference backend and the store server (following it), each
 * behind a {@link TcpFaultProxy}, and a kitchen terminal's {@link RealtimeFeed} that records what it
 * delivers. Servers can be restarted on their ports with their data, like real ones.
 */
public final class OrderWorld implements AutoCloseable {
    public static final Settings.FeedTimings FAST = new Settings.FeedTimings(Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(500),
            Duration.ofMillis(300));

    public final MasterDataRepository menu = new MasterDataRepository();
    public final OrderBook orders;
    public final StoreServerOrders storeServerOrders;
    public volatile ReferenceBackend backend;
    public volatile StoreServer storeServer;
    public final TcpFaultProxy centralProxy;
    public final TcpFaultProxy localWsProxy;
    public final TcpFaultProxy localHttpProxy;
    private RealtimeFeed follower;
    private OrderLedger kitchenLedger;
    private final BackendClient centralDirect;
    private final BackendClient localDirect;
    private final Path folder;
    private final Clock clock = Clock.systemUTC();
    private final Settings.FeedTimings timings;
    private final List<AutoCloseable> closeLater = new CopyOnWriteArrayList<>();

    /** Every event the kitchen's feed delivered, in order. */
    public final List<OrderEvent> delivered = new CopyOnWriteArrayList<>();
    /** NEW_ORDER deliveries per order identity (client order id, else central id, else local id). */
    public final Map<String, AtomicInteger> newOrderCount = new ConcurrentHashMap<>();
    public RealtimeFeed kitchen;

    public OrderWorld(Path folder, Settings.FeedTimings timings) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.timings = timings;
        SampleMenu.seed(menu, clock);
        orders = new OrderBook(menu, clock);
        backend = new ReferenceBackend(menu, orders, ReferenceBackend.Options.loopback()).start();
        storeServerOrders = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("local-server.db")), clock, 100);
        storeServer = new StoreServer(storeServerOrders, StoreServer.Options.loopback(), clock).start();
        centralProxy = new TcpFaultProxy(backend.port());
        localWsProxy = new TcpFaultProxy(storeServer.port());
        localHttpProxy = new TcpFaultProxy(storeServer.port());
        centralDirect = client("backend", Setting.TOKEN, backend.baseUri().toString());
        localDirect = client("store server", Setting.LOCAL_TOKEN, storeServer.baseUri().toString());
        startFollower();
    }

    /** The store server follows the backend directly (its own link is not what these tests break). */
    private void startFollower() throws IOException {
        Path followerDir = Files.createDirectories(folder.resolve("follower-" + System.nanoTime()));
        BackendClient http = client("backend", Setting.TOKEN, backend.baseUri().toString());
        OrderLedger ledger = new OrderLedger(Database.open(followerDir.resolve("f.db")), clock);
        follower = new RealtimeFeed(new FeedEndpoints(1, OrderServerClient.central(http, clock.getZone()),
                FeedEndpoints.centralSocketFor(backend.baseUri(), 1), null, null, null, null), timings,
                Duration.ofSeconds(1), ledger, clock, new Backoff(Duration.ofMillis(50), Duration.ofMillis(500),
                        new Random(1)));
        follower.addListener(FeedListener.ofOrders(event -> storeServer.recordFromCentral(event.order())));
        follower.start();
        closeLater.add(follower);
        closeLater.add(ledger);
    }

    /**
     * The store server stops hearing the backend: from now on a change made on central is known to
     * central only (a store whose own link to the backend is down).
     */
    public void stopFollowingCentral() {
        follower.close();
    }

    public BackendClient client(String name, Setting tokenSetting, String base) {
        BackendClient http = new BackendClient(name, tokenSetting, java.net.URI.create(base), null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 24);
        closeLater.add(http);
        return http;
    }

    /** The kitchen terminal: central through its proxy, local WebSocket and HTTP through theirs. */
    public RealtimeFeed startKitchen(long seed) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("kitchen"));
        OrderLedger ledger = new OrderLedger(Database.open(dir.resolve("kitchen.db")), clock);
        closeLater.add(ledger);
        kitchenLedger = ledger;
        kitchen = kitchenFeed(ledger, seed, new FeedListener() {
            @Override
            public void onOrder(OrderEvent event) {
                delivered.add(event);
                if (event.type() == OrderEventType.NEW_ORDER) {
                    newOrderCount.computeIfAbsent(identity(event.order()), k -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        return kitchen;
    }

    /**
     * A kitchen terminal's feed on its own ledger: central through its proxy, the store server's socket
     * and HTTP through theirs. Started with {@code listener}; closed with the world.
     */
    public RealtimeFeed kitchenFeed(OrderLedger ledger, long seed, FeedListener listener) {
        FeedEndpoints endpoints = new FeedEndpoints(1, centralViaProxy(), centralProxy.ws("/ws/outlet/1/"), null,
                storeServerViaProxy(), localWsProxy.ws("/?outlet_id=1"), null);
        RealtimeFeed feed = new RealtimeFeed(endpoints, timings, Duration.ofSeconds(1), ledger, clock,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), new Random(seed)));
        feed.addListener(listener);
        feed.start();
        closeLater.add(feed);
        return feed;
    }

    /**
     * The settings of a terminal of this outlet in {@code role}: central, the store server's HTTP and its
     * socket, each through its proxy, and its own data folder. A mutable map: add the timings a test wants.
     */
    public Map<Setting, String> terminalSettings(Path dataDir, String role) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.BACKEND, centralProxy.http().toString());
        flags.put(Setting.LOCAL_HTTP, localHttpProxy.http().toString());
        flags.put(Setting.LOCAL_WS, localWsProxy.ws("/").toString());
        flags.put(Setting.DATA_DIR, dataDir.toString());
        flags.put(Setting.ROLE, role);
        return flags;
    }

    /** Central's order routes as a terminal reaches them: through the central proxy. */
    public OrderServerClient centralViaProxy() {
        return OrderServerClient.central(client("backend", Setting.TOKEN, centralProxy.http().toString()),
                clock.getZone());
    }

    /** The store server's order routes as a terminal reaches them: through the store server's HTTP proxy. */
    public OrderServerClient storeServerViaProxy() {
        return OrderServerClient.local(client("store server", Setting.LOCAL_TOKEN,
                localHttpProxy.http().toString()), clock.getZone());
    }

    /** One name per order whatever keys an event carried: the central frames lack the client order id. */
    public String identity(Order order) {
        if (order.clientOrderId() != null) {
            return order.clientOrderId();
        }
        if (order.centralId() != null) {
            return orders.since(order.outletId(), order.centralId() - 1).stream()
                    .filter(o -> o.centralId().equals(order.centralId())).findFirst()
                    .map(Order::clientOrderId).orElse("c:" + order.centralId());
        }
        return "l:" + order.localId();
    }

    public static NewOrder newOrder(int product) {
        return new NewOrder(1, UUID.randomUUID().toString(), "Tamu",
                List.of(new OrderItem(product, null, 1, null, null)), null);
    }

    /** A kiosk that cannot reach the backend posts to the store server (directly, not through the proxies). */
    public Order placeLocally(NewOrder order) throws BackendException {
        return OrderServerClient.local(localDirect, clock.getZone()).place(order, Instant.now());
    }

    /** A kiosk online posts to the backend (directly). */
    public Order placeCentrally(NewOrder order) throws BackendException {
        return OrderServerClient.central(centralDirect, clock.getZone()).place(order, Instant.now());
    }

    public synchronized void restartBackend() {
        int port = backend.port();
        backend.close();
        backend = new ReferenceBackend(menu, orders, ReferenceBackend.Options.loopback().withPort(port)).start();
    }

    public synchronized void restartLocalServer() {
        int port = storeServer.port();
        storeServer.close();
        storeServer = new StoreServer(storeServerOrders, StoreServer.Options.loopback().withPort(port), clock).start();
        // the follower's listener reaches the server through the field: the new one hears central from now on
    }

    /** What the kitchen of {@link #startKitchen} has recorded. */
    public OrderLedger kitchenLedger() {
        return kitchenLedger;
    }

    public FeedMode mode() {
        return kitchen.status().mode();
    }

    @Override
    public void close() throws Exception {
        // last made, first closed, as try-with-resources does: the kitchen's feed writes to the ledger made before
        // it, and closing the ledger first had the feed's intake log "database connection closed" at every close
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
        centralProxy.close();
        localWsProxy.close();
        localHttpProxy.close();
        storeServer.close();
        backend.close();
        storeServerOrders.close();
    }
}
