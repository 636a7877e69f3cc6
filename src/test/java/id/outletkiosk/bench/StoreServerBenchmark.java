package id.outletkiosk.bench;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import io.javalin.Javalin;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store server under polling load: 50 kitchen screens and old web kiosks polling
 * {@code GET /api/orders?outlet_id=1&since_id=...} as fast as they can over keep-alive connections,
 * against a store of 200 orders (100 open). Baseline: the same HTTP stack answering the same route with
 * a constant body (no SQLite), in the same run. Client and server share the machine's two cores.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench=StoreServerBenchmark}
 */
public final class StoreServerBenchmark {
    private static final int CLIENTS = 50;
    private static final Duration WARMUP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("bench-local");
        StoreServerOrders store = new StoreServerOrders(Database.openStoreServerDatabase(work.resolve("local.db")),
                Clock.systemUTC(), 100);
        long newest = 0;
        for (int n = 1; n <= 200; n++) {
            Order order = store.save(new Order(null, null, "bench-" + n, null, 1, OrderStatus.PENDING,
                    List.of(new OrderItem(1 + n % 40, "Menu " + n, 1 + n % 3, new BigDecimal("15000"), null)),
                    new BigDecimal("15000"), Instant.now(), "Tamu " + n, null, null)).order();
            if (n <= 100) {
                store.save(order.withStatus(OrderStatus.COMPLETED));
            }
            newest = order.localId();
        }
        String constant = "[]";
        Javalin plain = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.routes.get("/api/orders", ctx -> ctx.contentType("application/json").result(constant));
        }).start("127.0.0.1", 0);
        try (StoreServer server = new StoreServer(store, StoreServer.Options.loopback(), Clock.systemUTC())
                .start()) {
            String query = "/api/orders?outlet_id=1&since_id=" + (newest - 3);
            load(URI.create("http://127.0.0.1:" + plain.port() + query)); // JIT warm-up for both servers' stack
            Result durable = load(URI.create(server.baseUri() + query));
            // a very busy kitchen: a new order every 100 ms, each one invalidating the cached answers
            java.util.concurrent.ScheduledExecutorService kiosk = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor();
            AtomicLong placed = new AtomicLong();
            kiosk.scheduleAtFixedRate(() -> store.save(new Order(null, null, "busy-" + placed.incrementAndGet(), null,
                    1, OrderStatus.PENDING, List.of(new OrderItem(1, "Menu", 1, new BigDecimal("15000"), null)),
                    new BigDecimal("15000"), Instant.now(), null, null, null)), 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
            Result busy = load(URI.create(server.baseUri() + query));
            kiosk.shutdownNow();
            Result baseline = load(URI.create("http://127.0.0.1:" + plain.port() + query));
            System.out.printf("# store server, %d clients polling since_id (3 orders per answer), %d s after %d s"
                    + " warm-up each; the baseline measured last, JIT warm%n%n", CLIENTS, MEASURE.toSeconds(), WARMUP.toSeconds());
            BenchTable table = new BenchTable("server", "requests/s", "p50 ms", "p99 ms", "errors",
                    "throughput ratio to baseline");
            table.row("baseline: same HTTP stack, constant answer, no store", String.format("%.0f", baseline.perSecond()),
                    ms(baseline.p(50)), ms(baseline.p(99)), baseline.errors, "1.00");
            table.row("StoreServer (SQLite, answers kept until the next write)",
                    String.format("%.0f", durable.perSecond()), ms(durable.p(50)), ms(durable.p(99)), durable.errors,
                    String.format("%.2f", durable.perSecond() / baseline.perSecond()));
            table.row("StoreServer while a kiosk adds an order every 100 ms (" + placed.get() + " orders)",
                    String.format("%.0f", busy.perSecond()), ms(busy.p(50)), ms(busy.p(99)), busy.errors,
                    String.format("%.2f", busy.perSecond() / baseline.perSecond()));
            table.print();
        } finally {
            plain.stop();
        }
        System.exit(0);
    }

    private record Result(long requests, long errors, List<Double> latencies, Duration took) {
        double perSecond() {
            return requests / (took.toNanos() / 1e9);
        }

        double p(int percentile) {
            return RealtimeBenchmark.percentile(latencies, percentile);
        }
    }

    private static Result load(URI uri) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/json").build();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<List<Double>> perClient = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long measureFrom = start + WARMUP.toNanos();
        long end = measureFrom + MEASURE.toNanos();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                List<Double> latencies = new ArrayList<>();
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        boolean ok;
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            ok = response.statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long received = System.nanoTime();
                        if (sent >= measureFrom && received <= end) {
                            requests.incrementAndGet();
                            latencies.add((received - sent) / 1e6);
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    perClient.add(latencies);
                    done.countDown();
                }
            }, "poller-" + c);
            client.setDaemon(true);
            client.start();
        }
        done.await();
        List<Double> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return new Result(requests.get(), errors.get(), all, MEASURE);
    }

    private static String ms(double millis) {
        return String.format("%.2f", millis);
    }
}
