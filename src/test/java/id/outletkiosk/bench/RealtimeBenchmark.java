package id.outletkiosk.bench;

import id.outletkiosk.config.Setting;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.sync.Backoff;
import id.outletkiosk.sync.FeedEndpoints;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.RealtimeFeed;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.OrderBook;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.testing.OrderWorld;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The realtime feed on loopback: event latency from the reference backend's broadcast to the feed's
 * listener (against a bare WebSocket client as the baseline), failover time from a clean close to the
 * first successful poll, and detection time of a half-open socket with the default heartbeat.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench=RealtimeBenchmark}
 */
public final class RealtimeBenchmark {
    private static final int EVENTS = 10_000;
    private static final int WARMUP_EVENTS = 1_000;
    private static final int FAILOVERS = 20;
    private static final int HALF_OPENS = 24;
    private static final Settings.FeedTimings DEFAULTS = new Settings.FeedTimings(Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(15),
            Duration.ofMillis(800));

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("bench-realtime");
        System.out.printf("# realtime feed on loopback, default heartbeat: ping every %s, pong within %s%n%n",
                DEFAULTS.heartbeatInterval(), DEFAULTS.pongTimeout());
        boolean halfOpenOnly = "half-open".equals(System.getenv("BENCH_PART"));
        if (!halfOpenOnly) {
            latency(work);
        }
        // a fresh outlet for the switches: the latency run leaves 22,000 open orders no real store has
        try (OrderWorld world = new OrderWorld(Files.createDirectories(work.resolve("switches")), DEFAULTS)) {
            if (!halfOpenOnly) {
                failover(world, work);
            }
            halfOpen(world, work);
        }
        System.exit(0);
    }

    private static NewOrder order(int n) {
        return new NewOrder(1, "bench-" + n + "-" + System.nanoTime(), null, List.of(new OrderItem(1 + n % 10, null, 1,
                null, null)), null);
    }

    /**
     * Broadcast to listener, one event at a time, the next sent when the last arrived: the backend and
     * one listener alone in the JVM (no store server, no proxy), as a kitchen screen meets the backend.
     */
    private static void latency(Path work) throws Exception {
        MasterDataRepository menu = new MasterDataRepository();
        SampleMenu.seed(menu, Clock.systemUTC());
        OrderBook orders = new OrderBook(menu, Clock.systemUTC());
        try (ReferenceBackend backend = new ReferenceBackend(menu, orders, ReferenceBackend.Options.loopback()).start();
                BackendClient http = new BackendClient(backend.baseUri(), null, Duration.ofSeconds(2),
                        Duration.ofSeconds(4), Duration.ofSeconds(8), 1 << 24)) {
            latency(backend, orders, http, work);
        }
    }

    private static void latency(ReferenceBackend backend, OrderBook orders, BackendClient http, Path work)
            throws Exception {
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(16);
        WebSocketClient bare = new WebSocketClient(URI.create("ws://127.0.0.1:" + backend.port() + "/ws/outlet/1/")) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                arrivals.offer(System.nanoTime());
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        bare.connectBlocking(5, TimeUnit.SECONDS);
        List<Double> baseline = measure(orders, arrivals, 0);
        bare.closeBlocking();

        Path dir = Files.createDirectories(work.resolve("latency"));
        Clock clock = Clock.systemUTC();
        RealtimeFeed feed = new RealtimeFeed(new FeedEndpoints(1, OrderServerClient.central(http, clock.getZone()),
                FeedEndpoints.centralSocketFor(backend.baseUri(), 1), null, null, null, null), DEFAULTS,
                Duration.ofSeconds(2), new OrderLedger(Database.open(dir.resolve("feed.db")), clock), clock,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), new Random(3)));
        feed.addListener(new FeedListener() {
            @Override
            public void onOrder(OrderEvent event) {
                arrivals.offer(System.nanoTime());
            }

        });
        feed.start();
        awaitMode(feed, FeedMode.ONLINE);
        List<Double> feedLatency = measure(orders, arrivals, 1_000_000);
        feed.close();

        BenchTable table = new BenchTable("broadcast to listener, " + EVENTS + " events", "p50 ms", "p99 ms",
                "max ms", "p99 ratio to baseline");
        double baseP99 = percentile(baseline, 99);
        table.row("baseline: bare Java-WebSocket client, frame received", ms(percentile(baseline, 50)), ms(baseP99),
                ms(Collections.max(baseline)), "1.00");
        table.row("RealtimeFeed: frame, order list read (keys), ledger (SQLite) write, listener",
                ms(percentile(feedLatency, 50)), ms(percentile(feedLatency, 99)), ms(Collections.max(feedLatency)),
                String.format("%.2f", percentile(feedLatency, 99) / baseP99));
        table.print();
    }

    private static List<Double> measure(OrderBook orders, BlockingQueue<Long> arrivals, int offset) throws Exception {
        List<Double> samples = new ArrayList<>(EVENTS);
        for (int n = 0; n < WARMUP_EVENTS + EVENTS; n++) {
            arrivals.clear();
            long sent = System.nanoTime();
            orders.place(order(offset + n));
            Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
            if (arrived == null) {
                throw new IllegalStateException("event " + n + " (offset " + offset + ") never arrived");
            }
            if (n >= WARMUP_EVENTS) {
                samples.add((arrived - sent) / 1e6);
            }
        }
        return samples;
    }

    /** Clean close of the central socket, local socket absent: time until the first poll has succeeded. */
    private static void failover(OrderWorld world, Path work) throws Exception {
        RealtimeFeed feed = feed(world, work, "failover", true);
        BlockingQueue<FeedStatus> changes = new ArrayBlockingQueue<>(64);
        feed.addListener(new FeedListener() {
            @Override
            public void onStatus(FeedStatus status) {
                changes.offer(status);
            }
        });
        feed.start();
        List<Double> samples = new ArrayList<>();
        for (int round = 0; round < FAILOVERS; round++) {
            awaitMode(feed, FeedMode.ONLINE);
            changes.clear();
            long closed = System.nanoTime();
            world.backend.closeSockets();
            waitFor(changes, FeedMode.POLLING);
            samples.add((System.nanoTime() - closed) / 1e6);
        }
        feed.close();
        BenchTable table = new BenchTable("failover, clean close to first successful poll (" + FAILOVERS + " times)",
                "median ms", "max ms");
        table.row("old web client: fixed wait before polling (seed document)", "5000", "5000");
        table.row("RealtimeFeed", ms(BenchTable.median(samples)), ms(Collections.max(samples)));
        table.print();
    }

    /** The central link goes silent with TCP open: time until the heartbeat gives up on it. */
    private static void halfOpen(OrderWorld world, Path work) throws Exception {
        RealtimeFeed feed = feed(world, work, "half-open", false);
        java.util.concurrent.atomic.AtomicLong leftOnlineAt = new java.util.concurrent.atomic.AtomicLong();
        feed.addListener(new FeedListener() {
            @Override
            public void onStatus(FeedStatus status) {
                if (status.mode() != FeedMode.ONLINE) {
                    leftOnlineAt.compareAndSet(0, System.nanoTime());
                }
            }
        });
        feed.start();
        awaitMode(feed, FeedMode.ONLINE);
        // the ping rate over a quiet minute online: the price of the quick verdict
        long pingsBefore = world.backend.pingsAnswered();
        long quietFrom = System.nanoTime();
        LockSupport.parkNanos(Duration.ofSeconds(60).toNanos());
        long pings = world.backend.pingsAnswered() - pingsBefore;
        double quietSeconds = (System.nanoTime() - quietFrom) / 1e9;
        int sockets = world.backend.openSockets(); // the world's own kitchen feed pings central too
        List<Double> samples = new ArrayList<>();
        Random moments = new Random(16);
        for (int round = 0; round < HALF_OPENS; round++) {
            awaitMode(feed, FeedMode.ONLINE);
            // a random moment of the ping cycle (two whole cycles long), not a wait for anything
            LockSupport.parkNanos(Duration.ofMillis(moments.nextInt(4_000)).toNanos());
            leftOnlineAt.set(0);
            long silent = System.nanoTime();
            world.centralProxy.blackhole();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> leftOnlineAt.get() != 0);
            samples.add((leftOnlineAt.get() - silent) / 1e6);
            world.centralProxy.pass();
        }
        feed.close();
        BenchTable table = new BenchTable("half-open central socket to detection (" + HALF_OPENS
                + " freezes at random moments)", "median ms", "min ms", "max ms");
        table.row("Java-WebSocket's own lost-connection timer (default, not used)", "60000", "-", "-");
        table.row("RealtimeFeed, ping every " + DEFAULTS.heartbeatInterval().toMillis() + " ms, dead when one is "
                + "unanswered for " + DEFAULTS.pongTimeout().toMillis() + " ms", ms(BenchTable.median(samples)),
                ms(Collections.min(samples)), ms(Collections.max(samples)));
        table.print();
        System.out.printf("pings answered by central over a quiet minute online: %d in %.1f s from %d sockets, one "
                + "every %.2f s per socket%n", pings, quietSeconds, sockets, quietSeconds * sockets / Math.max(1, pings));
    }

    private static RealtimeFeed feed(OrderWorld world, Path work, String name, boolean withoutLocalSocket)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Clock clock = Clock.systemUTC();
        FeedEndpoints endpoints = new FeedEndpoints(1,
                OrderServerClient.central(world.client("backend", Setting.TOKEN,
                        world.centralProxy.http().toString()), clock.getZone()),
                world.centralProxy.ws("/ws/outlet/1/"), null,
                OrderServerClient.local(world.client("store server", Setting.LOCAL_TOKEN,
                        world.storeServer.baseUri().toString()), clock.getZone()),
                withoutLocalSocket ? null : world.storeServer.socketUri(), null);
        return new RealtimeFeed(endpoints, DEFAULTS, Duration.ofSeconds(2),
                new OrderLedger(Database.open(dir.resolve("feed.db")), clock), clock,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), new Random(3)));
    }

    private static void awaitMode(RealtimeFeed feed, FeedMode mode) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(5)).until(() -> feed.status().mode() == mode);
    }

    private static void waitFor(BlockingQueue<FeedStatus> changes, FeedMode mode) throws InterruptedException {
        while (true) {
            FeedStatus status = changes.poll(10, TimeUnit.SECONDS);
            if (status == null) {
                throw new IllegalStateException("no switch to " + mode);
            }
            if (status.mode() == mode) {
                return;
            }
        }
    }

    static double percentile(List<Double> samples, int p) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String ms(double millis) {
        return String.format("%.2f", millis);
    }
}
