package id.outletkiosk.bench;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.OrderBook;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.testing.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A whole service day without drift (issue 16): a compressed day, 3,000 kiosk orders at five a second,
 * each started, made ready and served by a cook on the kitchen board, while terminals poll the store
 * server 100,000 times; every part in a process of its own with its launcher's options, as in a store:
 * <ul>
 * <li>central: the reference backend with the demo menu, in this (the driver's) JVM;</li>
 * <li>the store server: the app's {@code store-server} command (SQLite in the run's folder), following
 * central, with the app launcher's options (jpackage.cfg);</li>
 * <li>the kiosk: the real kiosk window and a customer per order tapping through its view model
 * ({@link ServiceDayKiosk}), app launcher's options;</li>
 * <li>the kitchen board: the real board and a cook bumping each ticket through its view model
 * ({@link ServiceDayKitchen}), the kitchen launcher's options (packaging/kitchen-launcher.properties);</li>
 * <li>the pollers ({@link StorePollers}), in this JVM.</li>
 * </ul>
 * Every ten seconds it looks at the store server, the kiosk and the board from outside
 * ({@link ProcessProbe}: resident memory, threads, open files and sockets, live heap after a full
 * collection) and reports them after warm-up, at a third, two thirds and all of the day's orders, and
 * once the last order is served; with the growth from a third to the end (target: under 10 %).
 *
 * <p>Run: {@code nice -n 19 mvn -B -o -q -Pbench test-compile exec:exec -Dbench=ServiceDayBenchmark}; the
 * environment gives {@code BENCH_RUNS} (default 2), {@code BENCH_ORDERS} (3000),
 * {@code BENCH_ORDERS_PER_SECOND} (5), {@code BENCH_AT_THE_SCREEN} (5: one customer in five at the
 * kiosk's screen) and {@code BENCH_POLLS} (100000). Logs and class histograms:
 * {@code target/service-day-run-N-*}.
 */
public final class ServiceDayBenchmark {
    static final List<String> KITCHEN_JVM_OPTIONS = KitchenBoardBenchmark.KITCHEN_JVM_OPTIONS;
    static final List<String> APP_JVM_OPTIONS = KioskStartupBenchmark.APP_JVM_OPTIONS;
    static final List<String> PARTS = List.of(DayPart.STORE_SERVER, DayPart.KIOSK, DayPart.KITCHEN);
    private static final int POLLERS = 3;
    private static final long SAMPLE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int orders = Integer.parseInt(System.getenv().getOrDefault("BENCH_ORDERS", "3000"));
    private final double perSecond = Double.parseDouble(System.getenv().getOrDefault("BENCH_ORDERS_PER_SECOND", "5"));
    /** One customer in this many taps through the kiosk's screen (see {@link ServiceDayKiosk}). */
    private final int atTheScreen = Integer.parseInt(System.getenv().getOrDefault("BENCH_AT_THE_SCREEN", "5"));
    private final long pollsWanted = Long.parseLong(System.getenv().getOrDefault("BENCH_POLLS", "100000"));
    private final Map<String, DayPart> parts = new LinkedHashMap<>();
    private OrderBook centralOrders;

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "2"));
        List<ServiceDayReport> reports = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            ServiceDayReport report = new ServiceDayBenchmark().run(run);
            report.print();
            reports.add(report);
        }
        ServiceDayReport.summarise(reports);
        System.exit(0); // the sockets' threads of central would keep the JVM
    }

    /** The milestones: warm-up (a fifteenth of the day: 200 of 3,000), a third, two thirds, all. */
    List<Integer> milestones() {
        return List.of(orders / 15, orders / 3, orders * 2 / 3, orders);
    }

    private ServiceDayReport run(int run) throws Exception {
        Path home = Files.createTempDirectory("bench-service-day");
        ServiceDayReport report = new ServiceDayReport(run, orders, milestones());
        MasterDataRepository menu = new MasterDataRepository();
        Clock clock = Clock.systemDefaultZone();
        SampleMenu.seed(menu, clock);
        centralOrders = new OrderBook(menu, clock);
        System.out.printf("run %d: %d orders at %.1f a second (one in %d at the kiosk's screen), %d polls (logs:"
                + " target/service-day-run-%d-*)%n", run, orders, perSecond, atTheScreen, pollsWanted, run);
        try (ReferenceBackend central = new ReferenceBackend(menu, centralOrders, ReferenceBackend.Options.loopback())
                .start()) {
            int port = freePort();
            URI storeHttp = URI.create("http://127.0.0.1:" + port);
            URI storeWs = URI.create("ws://127.0.0.1:" + port + "/");
            // the store server as its service starts it; every terminal here is 127.0.0.1, where a store's
            // PCs each have an address (and a request budget) of their own
            start(DayPart.STORE_SERVER, run, ForkedJvm.command(APP_JVM_OPTIONS, "id.outletkiosk.Main", "store-server",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--requests-per-second", "5000",
                    "--backend", central.baseUri().toString(), "--data-dir", home.resolve("store-server").toString()));
            awaitStoreServer(storeHttp);
            List<String> terminal = List.of("-Dbench.home=" + home, "-Dbench.central=" + central.baseUri(),
                    "-Dbench.localHttp=" + storeHttp, "-Dbench.localWs=" + storeWs);
            start(DayPart.KITCHEN, run, ForkedJvm.command(options(KITCHEN_JVM_OPTIONS, terminal), ServiceDayKitchen.class));
            start(DayPart.KIOSK, run, ForkedJvm.command(options(APP_JVM_OPTIONS, terminal), ServiceDayKiosk.class));
            parts.get(DayPart.KITCHEN).awaitReady(180);
            parts.get(DayPart.KIOSK).awaitReady(180);

            long dayNanos = (long) (orders / perSecond * 1e9);
            try (StorePollers pollers = new StorePollers(storeHttp, POLLERS, pollsWanted * 1e9 / dayNanos / POLLERS)
                    .start()) {
                long start = System.nanoTime();
                parts.get(DayPart.KIOSK).send("go " + orders + " " + perSecond + " " + atTheScreen);
                List<Integer> due = new ArrayList<>(milestones());
                long nextSample = start;
                while (!due.isEmpty() || pollers.polls() < pollsWanted) {
                    LockSupport.parkNanos(nextSample - System.nanoTime());
                    nextSample += SAMPLE_EVERY_NANOS;
                    DaySample sample = sample(start, pollers);
                    report.add(sample);
                    while (!due.isEmpty() && sample.placed() >= due.get(0)) {
                        report.milestone(due.remove(0), sample);
                        if (report.isFirstOrLast(sample)) {
                            histograms(run, sample);
                        }
                    }
                    parts.values().forEach(DayPart::checkAlive);
                    if (System.nanoTime() - start > dayNanos * 2 + TimeUnit.MINUTES.toNanos(5)) {
                        throw new IllegalStateException("the day did not end in twice its length");
                    }
                }
                report.pollFailures(pollers.failures());
                // closing time: the last orders are served, then one more look at every part
                long closing = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (served() < orders && System.nanoTime() < closing) {
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
                DaySample closed = sample(start, pollers);
                report.closed(closed);
                histograms(run, closed);
            }
            report.databases(ProcessProbe.fileSizes(home, ".db"));
        } finally {
            for (DayPart part : parts.values()) {
                part.close();
            }
            TempFolders.deleteWhenQuiet(home);
        }
        return report;
    }

    private static List<String> options(List<String> launcher, List<String> terminal) {
        List<String> all = new ArrayList<>(launcher);
        all.addAll(ForkedJvm.MONOCLE_HEADLESS);
        all.addAll(terminal);
        return all;
    }

    private void start(String name, int run, List<String> command) throws IOException {
        Path log = Path.of("target", "service-day-run-" + run + "-" + name.replace(' ', '-') + ".log").toAbsolutePath();
        parts.put(name, new DayPart(name, command, log));
    }

    /** Orders placed and served, polls, and each part from outside (a full collection in each). */
    private DaySample sample(long start, StorePollers pollers) throws IOException, InterruptedException {
        Map<String, ProcessProbe.Sample> seen = new LinkedHashMap<>();
        int placed = parts.get(DayPart.KIOSK).placed();
        int served = served();
        long polls = pollers.polls();
        for (String name : PARTS) {
            DayPart part = parts.get(name);
            seen.put(name, ProcessProbe.sample(part.pid(), part.histogram()));
        }
        DaySample sample = new DaySample((System.nanoTime() - start) / 1e9, placed, served, polls, seen);
        System.out.println(sample);
        return sample;
    }

    private int served() {
        return (int) centralOrders.since(1, 0).stream().filter(order -> order.status() == OrderStatus.COMPLETED).count();
    }

    /** Each part's largest classes (what holds the memory) at a milestone, into the run's histogram file. */
    private void histograms(int run, DaySample at) throws IOException, InterruptedException {
        Path file = Path.of("target", "service-day-run-" + run + "-histograms.txt");
        List<String> lines = new ArrayList<>(List.of("== " + at.placed() + " orders placed, " + at.served() + " served"));
        for (String name : PARTS) {
            lines.add("-- " + name);
            lines.addAll(ProcessProbe.top(parts.get(name).histogram(), 25));
        }
        Files.write(file, lines, Files.exists(file) ? java.nio.file.StandardOpenOption.APPEND
                : java.nio.file.StandardOpenOption.CREATE);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitStoreServer(URI storeHttp) {
        try (BackendClient http = new BackendClient("store server", Setting.LOCAL_TOKEN, storeHttp, null,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20)) {
            OrderServerClient client = OrderServerClient.local(http, ZoneId.systemDefault());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                try {
                    client.ordersSince(1, 0);
                    return;
                } catch (BackendException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new UncheckedIOException(new IOException("the store server did not answer in 90 s", notYet));
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                }
            }
        }
    }
}
