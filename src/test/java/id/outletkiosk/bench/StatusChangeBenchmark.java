package id.outletkiosk.bench;

import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.OrderItem;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.OutboxSender;
import id.outletkiosk.testing.KitchenScreen;
import id.outletkiosk.testing.OrderWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;

/**
 * Order status changes end to end, on loopback:
 * <ol>
 * <li>a status changed on a server until the kitchen's feed delivers it, per tier: on the central socket
 * (frame), while polling the store server (no frame: the poll re-reads the open orders), and after a
 * climb back to central (the change was made on central while the kitchen was on the store server, which
 * did not hear it: only the catch-up of the open orders on the socket's opening can tell);</li>
 * <li>replay of 1,000 bumps queued while central was away, once it returns, against the same PATCHes
 * sent directly (same HTTP client, no outbox);</li>
 * <li>bytes and milliseconds of one poll of the store server that re-reads the open orders, with 10,
 * 100 and 300 open among 2,000 orders of the day, against a poll of new orders only.</li>
 * </ol>
 * The feed runs with the default heartbeat and reconcile settings; polling every {@code POLL} (3 s by
 * default, 1 s here to keep the run short: results are reported against the interval).
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench=StatusChangeBenchmark}
 */
public final class StatusChangeBenchmark {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Settings.FeedTimings TIMINGS = new Settings.FeedTimings(Duration.ofSeconds(2),
            Duration.ofSeconds(4), POLL, POLL, Duration.ofSeconds(15), Duration.ofMillis(800));

    private final Map<Long, Long> heardAt = new ConcurrentHashMap<>();
    private final Map<Long, OrderStatus> heardStatus = new ConcurrentHashMap<>();
    private volatile long onlineAt;

    public static void main(String[] args) throws Exception {
        new StatusChangeBenchmark().run();
        System.exit(0);
    }

    /** {@code -Dsections=tiers,replay,poll} runs some only; all by default. */
    private void run() throws Exception {
        Path work = Files.createTempDirectory("bench-status");
        String sections = System.getProperty("sections", "tiers,replay,poll");
        System.out.printf("# order status changes (loopback, %s)%n%n", Instant.now());
        if (sections.contains("tiers")) {
            tiers(work.resolve("tiers"));
        }
        if (sections.contains("replay")) {
            for (int run = 0; run < Integer.getInteger("replays", 3); run++) {
                replay(work.resolve("replay-" + run));
            }
        }
        if (sections.contains("poll")) {
            pollCost(work.resolve("poll"));
        }
    }

    private void tiers(Path folder) throws Exception {
        BenchTable table = new BenchTable("tier", "samples", "p50 ms", "p99 ms", "max ms", "note");
        try (OrderWorld world = new OrderWorld(folder.resolve("world"), TIMINGS);
                KitchenScreen kitchen = new KitchenScreen(world, folder.resolve("kitchen"), "KDS", 1)) {
            kitchen.feed.addListener(new FeedListener() {
                @Override
                public void onOrder(OrderEvent event) {
                    Long central = event.order().centralId();
                    if (central != null) {
                        heardStatus.put(central, event.order().status());
                        heardAt.put(central, System.nanoTime());
                    }
                }

                @Override
                public void onStatus(FeedStatus status) {
                    if (status.mode() == FeedMode.ONLINE && onlineAt == 0) {
                        onlineAt = System.nanoTime();
                    }
                }
            });
            until(() -> kitchen.mode() == FeedMode.ONLINE, 10_000);

            List<Double> socket = new ArrayList<>();
            for (int n = 0; n < 250; n++) {
                Order order = placeAndSee(world, kitchen);
                long start = System.nanoTime();
                world.orders.changeStatus(order.centralId(), OrderStatus.PREPARING);
                until(() -> heardStatus.get(order.centralId()) == OrderStatus.PREPARING, 5_000);
                if (n >= 50) { // the first 50 warm the path up
                    socket.add((heardAt.get(order.centralId()) - start) / 1e6);
                }
            }
            row(table, "central socket (frame)", socket, "change on central, order_updated frame");

            world.centralProxy.refuse();
            world.localWsProxy.refuse();
            until(() -> kitchen.mode() == FeedMode.POLLING, 10_000);
            List<Double> polling = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                Order order = placeAndSee(world, kitchen);
                Order onStore = world.storeServerOrders.since(1, 0).stream()
                        .filter(o -> order.centralId().equals(o.centralId())).findFirst().orElseThrow();
                long start = System.nanoTime();
                world.storeServerOrders.changeStatus(onStore.localId(), OrderStatus.READY);
                until(() -> heardStatus.get(order.centralId()) == OrderStatus.READY, 10_000);
                polling.add((heardAt.get(order.centralId()) - start) / 1e6);
            }
            row(table, "store server, polling every " + POLL.toMillis() + " ms", polling,
                    "change on the store server, no frame; within two intervals is the target");

            world.localWsProxy.pass();
            until(() -> kitchen.mode() == FeedMode.LOCAL, 10_000);
            world.stopFollowingCentral();
            List<Double> climb = new ArrayList<>();
            List<Double> climbed = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                world.centralProxy.pass();
                Order order = placeAndSee(world, kitchen);
                world.centralProxy.refuse();
                until(() -> kitchen.mode() == FeedMode.LOCAL, 10_000);
                world.orders.changeStatus(order.centralId(), OrderStatus.CANCELLED);
                onlineAt = 0;
                long start = System.nanoTime();
                world.centralProxy.pass();
                until(() -> heardStatus.get(order.centralId()) == OrderStatus.CANCELLED, 60_000);
                until(() -> onlineAt != 0, 60_000);
                climb.add((heardAt.get(order.centralId()) - start) / 1e6);
                climbed.add((onlineAt - start) / 1e6);
            }
            row(table, "climb back: link healed to the feed on the central socket", climbed,
                    "the climb's backoff wait, connect, catch-up");
            row(table, "climb back: link healed to the change shown", climb,
                    "shown by the catch-up of open orders before the socket is promoted");
        }
        table.print();
    }

    private Order placeAndSee(OrderWorld world, KitchenScreen kitchen) throws Exception {
        Order placed = world.placeCentrally(OrderWorld.newOrder(1 + (int) (System.nanoTime() % 10)));
        until(() -> heardStatus.containsKey(placed.centralId()), 10_000);
        return placed;
    }

    private void replay(Path folder) throws Exception {
        int changes = 1_000;
        try (OrderWorld world = new OrderWorld(folder.resolve("world"), TIMINGS);
                KitchenScreen kitchen = new KitchenScreen(world, folder.resolve("kitchen"), "KDS", 2)) {
            OrderServerClient direct = OrderServerClient.central(world.client("backend", Setting.TOKEN,
                    world.backend.baseUri().toString()), Clock.systemUTC().getZone());
            List<Order> forDirect = new ArrayList<>();
            List<Order> forReplay = new ArrayList<>();
            for (int n = 0; n < 2 * changes + 200; n++) {
                Order order = direct.place(newOrder(n), Instant.now());
                (n < changes + 200 ? forDirect : forReplay).add(order);
            }
            for (Order order : forDirect.subList(0, 200)) { // warm-up of the PATCH path
                direct.changeStatus(order.centralId(), OrderStatus.PREPARING);
            }
            long start = System.nanoTime();
            for (Order order : forDirect.subList(200, forDirect.size())) {
                direct.changeStatus(order.centralId(), OrderStatus.PREPARING);
            }
            double baselineMs = (System.nanoTime() - start) / 1e6;

            until(() -> kitchen.known(forReplay.get(forReplay.size() - 1)) != null, 30_000);
            world.centralProxy.refuse();
            for (Order order : forReplay) {
                kitchen.bump(kitchen.known(order), OrderStatus.PREPARING);
            }
            OutboxSender sender = kitchen.sender;
            // (their copies to the store server trickle in at its per-address limit, 50 a second: not waited for)
            until(() -> kitchen.outbox.openStatusChanges().size() == changes, 60_000);
            world.centralProxy.pass();
            start = System.nanoTime();
            OutboxSender.PassResult pass;
            do {
                pass = sender.sendQueued();
            } while (!pass.allDelivered());
            double replayMs = (System.nanoTime() - start) / 1e6;
            long onCentral = forReplay.stream().filter(order -> world.orders.since(1, order.centralId() - 1).get(0)
                    .status() == OrderStatus.PREPARING).count();

            System.out.printf("## replay of %d status changes queued while central was away%n%n", changes);
            BenchTable table = new BenchTable("case", "total ms", "changes/s", "ratio to baseline");
            table.row("baseline: the same PATCHes sent directly, no outbox", BenchTable.ms(baselineMs),
                    String.format("%.0f", changes / (baselineMs / 1000)), "1.00");
            table.row("outbox replay: find the order in the ledger, PATCH, mark delivered, per change",
                    BenchTable.ms(replayMs), String.format("%.0f", changes / (replayMs / 1000)),
                    String.format("%.2f", replayMs / baselineMs));
            table.print();
            if (onCentral != changes) {
                throw new IllegalStateException(onCentral + " of " + changes + " on central");
            }
        }
    }

    private void pollCost(Path folder) throws Exception {
        System.out.println("## one poll of the store server with the open orders re-read (2,000 orders today)");
        System.out.println();
        BenchTable table = new BenchTable("open orders", "list from", "bytes", "HTTP median ms",
                "whole poll median ms (read, decode, match in the ledger)", "ratio to new-only poll");
        for (int open : new int[] {10, 100, 300}) {
            // a server of its own with the per-address limit out of the way: one client polls in a tight loop
            try (StoreServerOrders orders = new StoreServerOrders(Database.openStoreServerDatabase(
                    Files.createDirectories(folder).resolve("store-" + open + ".db")), Clock.systemUTC(), 10_000);
                    StoreServer server = new StoreServer(orders, StoreServer.Options.loopback()
                            .withLimits(1_000_000, 200, Duration.ofMinutes(2)), Clock.systemUTC()).start();
                    BackendClient http = new BackendClient("store server", Setting.LOCAL_TOKEN,
                            server.baseUri(), null, Duration.ofSeconds(2), Duration.ofSeconds(2),
                            Duration.ofSeconds(4), 1 << 24)) {
                List<Order> day = new ArrayList<>();
                for (int n = 0; n < 2_000; n++) {
                    NewOrder placed = newOrder(n);
                    day.add(orders.save(new Order(null, null, placed.clientOrderId(), "K-" + n, 1, OrderStatus.PENDING,
                            List.of(new OrderItem(1 + n % 10, "Es Teh", 1,
                                    new java.math.BigDecimal("5000"), null)), new java.math.BigDecimal("5000"),
                            Instant.now(), "Tamu", null, null)).order());
                }
                for (Order order : day.subList(0, day.size() - open)) {
                    orders.changeStatus(order.localId(), OrderStatus.COMPLETED);
                }
                long newest = day.get(day.size() - 1).localId();
                long oldestOpen = day.get(day.size() - open).localId();
                try (OrderLedger ledger = new OrderLedger(Database.open(folder.resolve("kitchen-" + open + ".db")),
                        Clock.systemUTC())) {
                    OrderServerClient client = OrderServerClient.local(http, Clock.systemUTC().getZone());
                    ledger.recordList(client.ordersSince(1, 0), "LOCAL", newest); // the kitchen knows the day
                    double[] newOnly = measurePoll(http, newest);
                    double[] withOpen = measurePoll(http, oldestOpen - 1);
                    double wholeNew = measureCatchUp(client, ledger, newest, newest);
                    double wholeOpen = measureCatchUp(client, ledger, oldestOpen - 1, newest);
                    table.row(open, "newest id (new orders only)", (long) newOnly[0], BenchTable.ms(newOnly[1]),
                            BenchTable.ms(wholeNew), "1.00");
                    table.row(open, "oldest open id", (long) withOpen[0], BenchTable.ms(withOpen[1]),
                            BenchTable.ms(wholeOpen), String.format("%.2f", wholeOpen / wholeNew));
                }
            }
        }
        table.print();
    }

    /** The kitchen's whole poll: read the list, decode it, match every row in the ledger (median of 100 after 50). */
    private static double measureCatchUp(OrderServerClient client, OrderLedger ledger, long sinceId, long newest)
            throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int n = 0; n < 150; n++) {
            long start = System.nanoTime();
            ledger.recordList(client.ordersSince(1, sinceId), "LOCAL", newest);
            if (n >= 50) {
                samples.add((System.nanoTime() - start) / 1e6);
            }
        }
        return BenchTable.median(samples);
    }

    /** @return bytes of the answer and the median milliseconds of 200 polls after 100 of warm-up */
    private static double[] measurePoll(BackendClient http, long sinceId) throws Exception {
        HttpUrl url = http.apiUrl("orders").newBuilder().addQueryParameter("outlet_id", "1")
                .addQueryParameter("since_id", Long.toString(sinceId)).build();
        List<Double> samples = new ArrayList<>();
        long bytes = 0;
        for (int n = 0; n < 300; n++) {
            long start = System.nanoTime();
            bytes = http.getJson(url, null).byteCount();
            if (n >= 100) {
                samples.add((System.nanoTime() - start) / 1e6);
            }
        }
        return new double[] {bytes, BenchTable.median(samples)};
    }

    private static void row(BenchTable table, String tier, List<Double> samples, String note) {
        List<Double> sorted = samples.stream().sorted().toList();
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        table.row(tier, samples.size(), BenchTable.ms(BenchTable.median(samples)), BenchTable.ms(p99),
                BenchTable.ms(sorted.get(sorted.size() - 1)), note);
    }

    private static NewOrder newOrder(int n) {
        return OrderWorld.newOrder(1 + n % 10);
    }

    private static void until(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not met in " + timeoutMillis + " ms");
            }
            Thread.onSpinWait();
        }
    }
}
