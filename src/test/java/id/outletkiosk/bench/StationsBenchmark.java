package id.outletkiosk.bench;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.config.Role;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.Category;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.Product;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.OrderBook;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.PickupRole;
import id.outletkiosk.ui.app.RunningTerminal;
import id.outletkiosk.ui.kitchen.KitchenWindow;
import id.outletkiosk.ui.kitchen.Ticket;
import id.outletkiosk.ui.pickup.PickupNumber;
import id.outletkiosk.ui.pickup.PickupWindow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * Prep stations at lunch (issue 15): central (the reference backend, demo menu), the store server, a
 * kiosk, three prep stations (the kitchen "Dapur", the drinks bar "Bar", the desserts "Manis"), the
 * expo and the pickup screen, each screen a real window (its scene built at 1920x1080 on a headless
 * Monocle screen) over a terminal of its own; plus a whole-order kitchen board (no station) over the
 * same orders, the baseline. With 300 open mixed orders on the screens (as each new order is on every
 * screen, the oldest is served, so 300 stay open) it measures:
 * <ul>
 * <li>order event to card: from the moment a screen's feed hands a new kiosk order to its listeners to
 * the moment the order's card (on the pickup screen: its number's tile) is in that screen's scene graph;
 * orders paced one every 45 ms (each on every screen before the next), then a burst placed back to back;</li>
 * <li>a cook's dish tap to the expo: from {@code tapDish} on the station's view model (its FX thread) to
 * the expo's card showing the new progress ("Bar ✔ · ..."): the station's outbox and sender, the store
 * server's {@code POST /api/orders/dishes} and its {@code order_updated} frame, the expo's second socket
 * to the store server ({@code DishWatch}), its feed and its board. Baseline: the same POST made directly
 * by an HTTP client: its round trip, and the time until the expo's card shows it.</li>
 * </ul>
 * As in a store, every screen runs in a JVM of its own with its launcher's options (the kitchen's for the
 * boards, the app's for the pickup screen); central, the store server and the kiosk share the run's JVM
 * (the driver). Times cross JVMs only for the taps (station to expo), on {@link System#nanoTime}, the
 * machine's monotonic clock on Linux. {@code BENCH_SCREENS=one-jvm} puts all six screens in the driver's
 * JVM instead (one FX thread and one renderer for all: see BENCHMARKS.md). Each run starts fresh JVMs;
 * the parent prints each run's table, then the medians and ranges over the runs.
 *
 * <p>Run: {@code mvn -B -o -q -Pbench test-compile exec:exec -Dbench=StationsBenchmark}; the environment
 * gives {@code BENCH_RUNS} (default 3), {@code BENCH_SCREENS}, {@code BENCH_ON_SCREEN} and
 * {@code BENCH_SCREEN_JVM_OPTIONS} (more options for each screen's JVM, {@code {screen}} its name: a flight
 * recording, say), since exec:exec passes no {@code -D} to the benchmark's JVM. Logs:
 * {@code target/stations-benchmark-run-N*.log}.
 */
public final class StationsBenchmark {
    /** The kitchen display's launcher (packaging/kitchen-launcher.properties): every board's JVM. */
    static final List<String> KITCHEN_JVM_OPTIONS = KitchenBoardBenchmark.KITCHEN_JVM_OPTIONS;
    /** The app's own launcher (jpackage.cfg), which a pickup screen runs with {@code --role pickup}. */
    static final List<String> PICKUP_JVM_OPTIONS = KioskStartupBenchmark.APP_JVM_OPTIONS;
    /** The driver: central, the store server and the kiosk (other machines in a store). */
    static final List<String> STORE_JVM_OPTIONS = List.of("-XX:+UseG1GC", "-Xmx1g");
    /** Six screens in one JVM: the kitchen's collector and compiler, with a heap for six boards. */
    static final List<String> ONE_JVM_OPTIONS = List.of("-XX:+UseG1GC", "-Xms512m", "-Xmx2g",
            "-XX:MaxGCPauseMillis=20", "-XX:TieredStopAtLevel=1");
    static final boolean ONE_JVM = "one-jvm".equals(System.getenv("BENCH_SCREENS"));
    /** Whether the windows stand on the headless screen (composed there) or past its edge; see {@link ScreenSide#show}. */
    static final boolean ON_SCREEN = Boolean.parseBoolean(System.getenv().getOrDefault("BENCH_ON_SCREEN", "false"));

    private static final int OPEN = 300;
    private static final int PACED = 150;
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(45);
    private static final int BURST = 50;
    private static final int ALONE = 100;
    private static final int TAPS = 99; // 33 on each station
    private static final int RAW_POSTS = 100; // on 50 orders: a dish done, then taken back
    private static final long TAP_PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** The demo menu's categories over three stations (the demo's own kitchen cooks the desserts too). */
    static final String DAPUR = "Dapur: Nasi, Mie & Bakso, Ayam & Bebek, Sup & Soto, Sayur & Lauk, Camilan";
    static final String BAR = "Bar: Minuman";
    static final String MANIS = "Manis: Pencuci Mulut";
    static final List<String> STATIONS = List.of("Dapur", "Bar", "Manis");
    static final String WHOLE = "Kitchen (whole orders)";
    static final String EXPO = "Expo";
    static final String PICKUP = "Pickup";
    /** The screens, in the order of the tables; the whole-order kitchen is the baseline. */
    static final List<String> SCREENS = List.of(WHOLE, "Dapur", "Bar", "Manis", EXPO, PICKUP);

    public static void main(String[] args) throws Exception {
        if (System.getProperty("bench.screen") != null) {
            screenMain();
        } else if (Boolean.getBoolean("bench.child")) {
            runMain(Path.of(System.getProperty("bench.out")), Integer.getInteger("bench.run", 1));
        } else {
            parentMain();
        }
    }

    // ================================================================ the parent: fresh JVMs per run

    private static void parentMain() throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "3"));
        List<Properties> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path out = Files.createTempFile("stations-benchmark", ".properties");
            Path log = Path.of("target", "stations-benchmark-run-" + run + ".log").toAbsolutePath();
            List<String> options = new ArrayList<>(ONE_JVM ? ONE_JVM_OPTIONS : STORE_JVM_OPTIONS);
            options.addAll(List.of("-Dbench.child=true", "-Dbench.run=" + run, "-Dbench.out=" + out));
            List<String> command = ForkedJvm.command(options, StationsBenchmark.class);
            System.out.printf("run %d of %d (log: %s)%n", run, runs, log);
            // the terminals log at INFO as in a store (to a file there): here to the run's log, off the console
            Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(log.toFile()).start();
            if (!child.waitFor(10, TimeUnit.MINUTES)) {
                child.destroyForcibly(); // a run takes a few minutes: one that hangs is stopped, not waited for
                child.waitFor();
            }
            if (child.exitValue() != 0) {
                System.out.println("run " + run + " failed (exit " + child.exitValue() + "), see " + log);
                System.exit(1);
            }
            Properties result = new Properties();
            try (Reader reader = Files.newBufferedReader(out)) {
                result.load(reader);
            }
            Files.delete(out);
            results.add(result);
        }
        summarise(results);
    }

    // ================================================================ one run: the store and the driver

    /** One kiosk order: its client order id and, line by line, the station that cooks it. */
    private record Placed(String id, List<String> lineStations) {
        boolean has(String station) {
            return lineStations.contains(station);
        }
    }

    /** A change of an order's dishes the expo showed (or its feed heard): the lines done, when, and whether the card's text changed. */
    record DishSeen(List<Integer> lines, long nanos, boolean textChanged) {
    }

    /** What a screen tells the driver, from its own JVM or from the driver's. */
    interface Sink {
        void heard(String id, long nanos);

        void shown(String id, long nanos);

        /** The expo's card for {@code id} shows these dishes done now. */
        void dish(String id, List<Integer> lines, long nanos, boolean textChanged);

        /** The expo's feed handed over the order with these dishes done. */
        void dishHeard(String id, List<Integer> lines, long nanos);
    }

    /** The driver's side of one screen: what it reported, and how to ask it things. */
    private static final class Screen implements Sink {
        final String name;
        final Map<String, Long> heardAt = new ConcurrentHashMap<>();
        final Map<String, Long> shownAt = new ConcurrentHashMap<>();
        final Map<String, List<DishSeen>> dishes = new ConcurrentHashMap<>();
        final Map<String, List<DishSeen>> dishesHeard = new ConcurrentHashMap<>();
        ScreenHandle handle;

        Screen(String name) {
            this.name = name;
        }

        @Override
        public void heard(String id, long nanos) {
            heardAt.putIfAbsent(id, nanos);
        }

        @Override
        public void shown(String id, long nanos) {
            shownAt.putIfAbsent(id, nanos);
        }

        @Override
        public void dish(String id, List<Integer> lines, long nanos, boolean textChanged) {
            dishes.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(new DishSeen(lines, nanos, textChanged));
        }

        @Override
        public void dishHeard(String id, List<Integer> lines, long nanos) {
            dishesHeard.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(new DishSeen(lines, nanos, false));
        }

        /** Whether this screen shows the order: a station only with dishes of its own. */
        boolean shows(Placed order) {
            return !STATIONS.contains(name) || order.has(name);
        }

        boolean showsAll(List<Placed> orders) {
            return orders.stream().filter(this::shows).allMatch(order -> shownAt.containsKey(order.id()));
        }

        List<Double> latencies(List<Placed> orders) {
            List<Double> millis = new ArrayList<>();
            for (Placed order : orders) {
                if (shows(order)) {
                    Long heard = heardAt.get(order.id());
                    if (heard == null) {
                        throw new IllegalStateException(name + " showed order " + order.id() + " its feed never gave");
                    }
                    millis.add((shownAt.get(order.id()) - heard) / 1e6);
                }
            }
            return millis;
        }

        /** The first change at or after {@code since} that has {@code line} done (or not), from {@code seen}. */
        static DishSeen first(List<DishSeen> seen, long since, int line, boolean done) {
            if (seen == null) {
                return null;
            }
            return seen.stream().filter(each -> each.nanos() >= since && each.lines().contains(line) == done)
                    .findFirst().orElse(null);
        }
    }

    /** Asking a screen, wherever it runs. */
    interface ScreenHandle extends AutoCloseable {
        /** Taps the order's first dish of this station; answers {line, nanos when tapped}. */
        long[] tap(String id) throws Exception;

        /** No card glows as new (a new card glows for ten seconds, then a tick calms it). */
        boolean calm() throws Exception;

        /** The progress line of the expo's card for the order. */
        String progress(String id) throws Exception;

        /** Fails unless the order's card (or number) is in the screen's scene graph, looked up by its id. */
        void check(String id) throws Exception;
    }

    private final Map<String, Screen> screens = new LinkedHashMap<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private StoreServerOrders storeServerOrders;
    /** Central's orders, where the benchmark serves the oldest order as each new one comes (300 stay open). */
    private OrderBook centralOrders;
    /** The baseline's own HTTP client to the store server (keep-alive, as a station's sender has one). */
    private BackendClient rawStoreServer;

    private static void runMain(Path out, int run) throws Exception {
        if (ONE_JVM) {
            ForkedJvm.startHeadlessFx();
        }
        try {
            Properties result = new StationsBenchmark().run(run);
            try (Writer writer = Files.newBufferedWriter(out)) {
                result.store(writer, "StationsBenchmark, one run");
            }
        } catch (Throwable failure) {
            // JavaFX's and the sockets' threads would keep a failed run's JVM alive, and the parent waiting
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private Properties run(int run) throws Exception {
        Path home = Files.createTempDirectory("bench-stations");
        Clock clock = Clock.systemDefaultZone();
        Properties result = new Properties();
        try {
            Settings terminal = openStore(home, clock);
            OutletRuntime kiosk = open(terminal, home.resolve("kiosk"), clock);
            kiosk.startSync();
            awaitUntil("the kiosk's menu", 60, () -> kiosk.catalog().allProducts().size() == 50);
            List<Product> food = onSale(kiosk, DAPUR);
            List<Product> drinks = onSale(kiosk, BAR);
            List<Product> desserts = onSale(kiosk, MANIS);

            // the stations announce what they cook when their screens open; the expo asks when it opens
            for (String name : SCREENS) {
                screens.put(name, new Screen(name));
            }
            List<String> first = SCREENS.stream().filter(name -> !name.equals(EXPO)).toList();
            openScreens(first, terminal, home, run);
            awaitUntil("the three stations known to the store server", 60,
                    () -> storeServerOrders.stations().of(1).size() == 3);
            openScreens(List.of(EXPO), terminal, home, run);

            // 300 open orders, mixed: every one has food, two in three a drink, two in three a dessert
            long preloadStart = System.nanoTime();
            List<Placed> preloaded = new ArrayList<>();
            for (int i = 0; i < OPEN; i++) {
                preloaded.add(place(kiosk, i, food, i % 3 != 2 ? drinks : List.of(), i % 3 != 1 ? desserts : List.of()));
            }
            awaitOnScreens(preloaded, 300);
            result.setProperty("preload.s", String.format("%.1f", (System.nanoTime() - preloadStart) / 1e9));
            String progress = screens.get(EXPO).handle.progress(preloaded.get(0).id());
            if (progress == null || !STATIONS.stream().allMatch(progress::contains)) {
                throw new IllegalStateException("the expo does not show the three stations: " + progress);
            }
            awaitCalm();

            // as in service, the oldest order is served as each new one is on the screens: 300 stay open
            Deque<Placed> open = new ArrayDeque<>(preloaded);
            List<Placed> paced = new ArrayList<>();
            for (int i = 0; i < PACED; i++) {
                Placed order = place(kiosk, OPEN + i, food, drinks, desserts);
                paced.add(order);
                awaitOnScreens(List.of(order), 30);
                open.addLast(order);
                serve(open.removeFirst());
                LockSupport.parkNanos(PACE_NANOS); // pacing: the next order 45 ms after the last is on every screen
            }
            List<Placed> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                burst.add(place(kiosk, OPEN + PACED + i, food, drinks, desserts));
            }
            awaitOnScreens(burst, 120);
            open.addAll(burst);
            for (int i = 0; i < BURST; i++) {
                serve(open.removeFirst());
            }
            for (Screen screen : screens.values()) {
                screen.handle.check(paced.get(paced.size() - 1).id());
                for (Placed order : paced) {
                    if (screen.shows(order)) {
                        System.err.printf("sample: paced order %s on %s %.1f ms%n", order.id(), screen.name,
                                (screen.shownAt.get(order.id()) - screen.heardAt.get(order.id())) / 1e6);
                    }
                }
                List<Double> pacedMs = screen.latencies(paced);
                List<Double> burstMs = screen.latencies(burst);
                put(result, "paced.p50." + screen.name, percentile(pacedMs, 50));
                put(result, "paced.p99." + screen.name, percentile(pacedMs, 99));
                put(result, "burst.p50." + screen.name, percentile(burstMs, 50));
                put(result, "burst.p99." + screen.name, percentile(burstMs, 99));
            }
            awaitCalm(); // the burst's cards stop glowing ten seconds after they came: not in the taps' time

            Set<String> touched = new HashSet<>();
            List<Placed> stillOpen = List.copyOf(open);
            measureTaps(stillOpen, touched, result);
            measureRawPosts(stillOpen, touched, result);

            // the contention baseline: the whole-order board alone on the machine, the other screens closed
            for (Screen screen : screens.values()) {
                if (!screen.name.equals(WHOLE)) {
                    screen.handle.close();
                    screen.handle = null;
                }
            }
            Screen whole = screens.get(WHOLE);
            List<Placed> alone = new ArrayList<>();
            for (int i = 0; i < ALONE; i++) {
                Placed order = place(kiosk, OPEN + PACED + BURST + i, food, drinks, desserts);
                alone.add(order);
                awaitUntil("an order on the board alone", 30, () -> whole.showsAll(List.of(order)));
                open.addLast(order);
                serve(open.removeFirst());
                LockSupport.parkNanos(PACE_NANOS);
            }
            List<Double> aloneMs = whole.latencies(alone);
            put(result, "alone.p50", percentile(aloneMs, 50));
            put(result, "alone.p99", percentile(aloneMs, 99));
        } finally {
            closeAll();
            TempFolders.deleteWhenQuiet(home);
        }
        printRun(result);
        return result;
    }

    /**
     * Central, the store server and its follower, as {@code DemoOutlet} starts them; answers the settings
     * a terminal of this store starts from. The store server's limit per address is raised: here every
     * terminal comes from 127.0.0.1, where in a store each is a PC with an address (and a budget) of its own.
     */
    private Settings openStore(Path home, Clock clock) {
        MasterDataRepository menu = new MasterDataRepository();
        SampleMenu.seed(menu, clock);
        centralOrders = new OrderBook(menu, clock);
        ReferenceBackend central = new ReferenceBackend(menu, centralOrders, ReferenceBackend.Options.loopback())
                .start();
        storeServerOrders = new StoreServerOrders(Database.openStoreServerDatabase(home.resolve("store-server.db")),
                clock, 100);
        opened.add(storeServerOrders);
        opened.add(central);
        StoreServer storeServer = new StoreServer(storeServerOrders, StoreServer.Options.loopback()
                .withLimits(5_000, 200, Duration.ofMinutes(2)), clock).start();
        opened.add(storeServer);
        Settings online = terminalSettings(home, central.baseUri(), null, null);
        OutletRuntime follower = open(online, home.resolve("store-server-feed"), clock);
        follower.startFeed().addListener(FeedListener.ofOrders(event -> storeServer.recordFromCentral(event.order())));
        rawStoreServer = new BackendClient("store server", Setting.LOCAL_TOKEN, storeServer.baseUri(), null,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 24);
        opened.add(rawStoreServer);
        return online.withLocalServer(storeServer.baseUri(), storeServer.socketUri());
    }

    /** A terminal of this store: central, and the store server when given; no sound, open all day. */
    static Settings terminalSettings(Path home, URI central, URI localHttp, URI localWs) {
        Settings base = new SettingsLoader(home).load(Map.of(Setting.DATA_DIR, home.toString(),
                Setting.NEW_ORDER_SOUND, "off", Setting.OPEN_HOURS, "always"), Map.of());
        // the reference backend's admin route stands in for central's kitchen status (as in DemoOutlet)
        Settings online = base.withBackend(central).with(Setting.CENTRAL_KITCHEN_STATUS_PATH,
                "/admin/api/kitchen-status/");
        return localHttp == null ? online : online.withLocalServer(localHttp, localWs);
    }

    private OutletRuntime open(Settings settings, Path folder, Clock clock) {
        OutletRuntime runtime = openRuntime(settings, folder, clock);
        opened.add(runtime);
        return runtime;
    }

    static OutletRuntime openRuntime(Settings settings, Path folder, Clock clock) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return OutletRuntime.open(settings.withDataDir(folder), clock);
    }

    /** Opens the named screens side by side (their JVMs start in parallel) and waits until each is up. */
    private void openScreens(List<String> names, Settings terminal, Path home, int run) throws Exception {
        List<ForkedScreen> starting = new ArrayList<>();
        for (String name : names) {
            Screen screen = screens.get(name);
            if (ONE_JVM) {
                screen.handle = ScreenSide.open(name, terminal, home, Clock.systemDefaultZone(), screen);
            } else {
                ForkedScreen forked = new ForkedScreen(screen, terminal, home, run);
                screen.handle = forked;
                starting.add(forked);
            }
        }
        for (ForkedScreen forked : starting) {
            forked.awaitReady();
        }
    }

    /** The menu's dishes a station cooks that are on sale today. */
    private static List<Product> onSale(OutletRuntime kiosk, String station) {
        KitchenDuty.Station duty = (KitchenDuty.Station) KitchenDuty.parse(station);
        Set<Long> categories = new HashSet<>();
        for (Category category : kiosk.catalog().categories()) {
            if (duty.cooks(category)) {
                categories.add(category.id());
            }
        }
        return kiosk.catalog().allProducts().stream().filter(product -> product.available() && product.active()
                && categories.contains(product.categoryId())).toList();
    }

    /** A kiosk order: one or two dishes of food, and a drink and a dessert when given some to choose from. */
    private static Placed place(OutletRuntime kiosk, int i, List<Product> food, List<Product> drinks,
            List<Product> desserts) {
        List<OrderDesk.CartLine> cart = new ArrayList<>();
        List<String> stations = new ArrayList<>();
        cart.add(new OrderDesk.CartLine(food.get(i % food.size()).id(), 1 + i % 3, i % 5 == 0 ? "tidak pedas" : null));
        stations.add("Dapur");
        if (i % 2 == 0) {
            cart.add(new OrderDesk.CartLine(food.get((i + 7) % food.size()).id(), 1, null));
            stations.add("Dapur");
        }
        if (!drinks.isEmpty()) {
            cart.add(new OrderDesk.CartLine(drinks.get(i % drinks.size()).id(), 1 + i % 2,
                    i % 4 == 0 ? "es sedikit" : null));
            stations.add("Bar");
        }
        if (!desserts.isEmpty()) {
            cart.add(new OrderDesk.CartLine(desserts.get(i % desserts.size()).id(), 1, null));
            stations.add("Manis");
        }
        String id = UUID.randomUUID().toString();
        kiosk.orderDesk().place(cart, "Tamu " + i, id);
        return new Placed(id, stations);
    }

    /** The order is served (central, as if the expo bumped it): it leaves the boards, and the pickup screen in a while. */
    private void serve(Placed order) {
        Order atCentral = centralOrders.byClientOrderId(order.id()).orElseThrow();
        centralOrders.changeStatus(atCentral.centralId(), OrderStatus.COMPLETED);
    }

    private void awaitOnScreens(List<Placed> orders, int seconds) {
        for (Screen screen : screens.values()) {
            if (screen.handle == null) {
                continue; // closed
            }
            awaitUntil(orders.size() + " order(s) on " + screen.name, seconds, () -> screen.showsAll(orders));
        }
    }

    /** Until no card glows as new on any board: ten seconds after the last came, one tick calms them all at once. */
    private void awaitCalm() {
        awaitUntil("the new cards to calm down", 60, () -> {
            try {
                for (Screen screen : screens.values()) {
                    if (screen.handle != null && !screen.handle.calm()) {
                        return false;
                    }
                }
                return true;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // asking the screens less often
            }
        });
    }

    /**
     * {@value #TAPS} taps, the stations in turn, each on an open order no tap touched before (its
     * first dish of that station), each once the expo showed the last, 50 ms apart.
     */
    private void measureTaps(List<Placed> open, Set<String> touched, Properties result) throws Exception {
        Screen expo = screens.get(EXPO);
        List<Double> toCard = new ArrayList<>();
        List<Double> toFeed = new ArrayList<>();
        int textChanged = 0;
        for (int tap = 0; tap < TAPS; tap++) {
            String stationName = STATIONS.get(tap % STATIONS.size());
            Placed order = open.stream().filter(each -> each.has(stationName) && !touched.contains(each.id()))
                    .findFirst().orElseThrow();
            touched.add(order.id());
            long[] tapped = screens.get(stationName).handle.tap(order.id());
            int line = (int) tapped[0];
            long at = tapped[1];
            awaitUntil("a tap on " + stationName + " on the expo", 30,
                    () -> Screen.first(expo.dishes.get(order.id()), at, line, true) != null);
            DishSeen shown = Screen.first(expo.dishes.get(order.id()), at, line, true);
            toCard.add((shown.nanos() - at) / 1e6);
            DishSeen heard = Screen.first(expo.dishesHeard.get(order.id()), at, line, true);
            if (heard != null) {
                toFeed.add((heard.nanos() - at) / 1e6);
            }
            textChanged += shown.textChanged() ? 1 : 0;
            // each sample in the run's log, for where a slow one spent its time
            System.err.printf("%s sample: tap on %s, expo's feed %.1f ms, card %.1f ms%n", java.time.LocalTime.now(),
                    stationName, heard == null ? Double.NaN : (heard.nanos() - at) / 1e6, (shown.nanos() - at) / 1e6);
            LockSupport.parkNanos(TAP_PACE_NANOS); // pacing: the next tap 50 ms after the expo showed the last
        }
        put(result, "tap.p50", percentile(toCard, 50));
        put(result, "tap.p99", percentile(toCard, 99));
        put(result, "tap.max", percentile(toCard, 100));
        put(result, "tap.feed.p50", percentile(toFeed, 50));
        put(result, "tap.feed.p99", percentile(toFeed, 99));
        result.setProperty("tap.textChanged", textChanged + "/" + TAPS);
    }

    /**
     * The baseline: the same {@code POST /api/orders/dishes} a station's sender makes, made directly by an
     * HTTP client, on open orders no tap touched: a dish done, then taken back. Its round trip, and
     * the time until the expo's card shows the change.
     */
    private void measureRawPosts(List<Placed> open, Set<String> touched, Properties result) throws Exception {
        Screen expo = screens.get(EXPO);
        OrderServerClient storeServer = OrderServerClient.local(rawStoreServer, Clock.systemDefaultZone().getZone());
        List<Placed> orders = open.stream().filter(each -> !touched.contains(each.id())).limit(RAW_POSTS / 2)
                .toList();
        List<Double> roundTrips = new ArrayList<>();
        List<Double> toCard = new ArrayList<>();
        List<Double> toFeed = new ArrayList<>();
        int textChanged = 0;
        for (Placed order : orders) {
            touched.add(order.id());
            int line = order.lineStations().size() - 1;
            Order keys = new Order(null, null, order.id(), null, 1, OrderStatus.PENDING, null, null, null, null, null,
                    null);
            for (boolean done : new boolean[] {true, false}) {
                long start = System.nanoTime();
                storeServer.markDishes(keys, List.of(line), done);
                roundTrips.add((System.nanoTime() - start) / 1e6);
                awaitUntil("a raw POST on the expo", 30,
                        () -> Screen.first(expo.dishes.get(order.id()), start, line, done) != null);
                DishSeen shown = Screen.first(expo.dishes.get(order.id()), start, line, done);
                toCard.add((shown.nanos() - start) / 1e6);
                DishSeen heard = Screen.first(expo.dishesHeard.get(order.id()), start, line, done);
                if (heard != null) {
                    toFeed.add((heard.nanos() - start) / 1e6);
                }
                textChanged += shown.textChanged() ? 1 : 0;
                System.err.printf("%s sample: raw POST, round trip %.1f ms, expo's feed %.1f ms, card %.1f ms%n",
                        java.time.LocalTime.now(), roundTrips.get(roundTrips.size() - 1),
                        heard == null ? Double.NaN : (heard.nanos() - start) / 1e6, (shown.nanos() - start) / 1e6);
                LockSupport.parkNanos(TAP_PACE_NANOS);
            }
        }
        put(result, "raw.rtt.p50", percentile(roundTrips, 50));
        put(result, "raw.rtt.p99", percentile(roundTrips, 99));
        put(result, "raw.rtt.max", percentile(roundTrips, 100));
        put(result, "raw.expo.p50", percentile(toCard, 50));
        put(result, "raw.expo.p99", percentile(toCard, 99));
        put(result, "raw.expo.max", percentile(toCard, 100));
        put(result, "raw.feed.p50", percentile(toFeed, 50));
        put(result, "raw.feed.p99", percentile(toFeed, 99));
        result.setProperty("raw.textChanged", textChanged + "/" + roundTrips.size());
    }

    private void closeAll() {
        for (Screen screen : screens.values()) {
            if (screen.handle != null) {
                try {
                    screen.handle.close();
                } catch (Exception e) {
                    System.err.println("closing " + screen.name + ": " + e);
                }
            }
        }
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                System.err.println("closing " + opened.get(i) + ": " + e);
            }
        }
    }

    // ================================================================ a screen in a JVM of its own

    /**
     * A screen started by the driver: its settings come as system properties; it reports on stdout (one
     * line per event: {@code H id nanos} heard, {@code S id nanos} shown, {@code D id lines nanos changed}
     * the expo's card, {@code F id lines nanos} the expo's feed; {@code R ...} answers, {@code E ...} a
     * failure) and takes commands on stdin ({@code tap id}, {@code calm}, {@code progress id},
     * {@code check id}, {@code quit}); stdin closed is quit too.
     */
    private static void screenMain() {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing else may write into the report
        String name = System.getProperty("bench.screen");
        ScreenSide side = null;
        int exit = 0;
        try {
            ForkedJvm.startHeadlessFx();
            Settings terminal = terminalSettings(Path.of(System.getProperty("bench.home")),
                    URI.create(System.getProperty("bench.central")), URI.create(System.getProperty("bench.localHttp")),
                    URI.create(System.getProperty("bench.localWs")));
            side = ScreenSide.open(name, terminal, Path.of(System.getProperty("bench.home")),
                    Clock.systemDefaultZone(), new PrintedSink(out));
            out.println("R ready");
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
                String[] words = line.split(" ");
                try {
                    switch (words[0]) {
                        case "tap" -> {
                            long[] tapped = side.tap(words[1]);
                            out.println("R " + tapped[0] + " " + tapped[1]);
                        }
                        case "calm" -> out.println("R " + side.calm());
                        case "progress" -> out.println("R " + side.progress(words[1]));
                        case "check" -> {
                            side.check(words[1]);
                            out.println("R ok");
                        }
                        default -> out.println("E unknown command " + line);
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    out.println("E " + e.getMessage());
                }
            }
        } catch (Throwable failure) {
            failure.printStackTrace();
            out.println("E " + failure.getMessage());
            exit = 1;
        } finally {
            if (side != null) {
                try {
                    side.close();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }
        }
        System.exit(exit); // JavaFX's and the sockets' threads would keep the JVM
    }

    /** A screen's reports as lines on its stdout, for the driver. */
    private record PrintedSink(PrintStream out) implements Sink {
        @Override
        public void heard(String id, long nanos) {
            out.println("H " + id + " " + nanos);
        }

        @Override
        public void shown(String id, long nanos) {
            out.println("S " + id + " " + nanos);
        }

        @Override
        public void dish(String id, List<Integer> lines, long nanos, boolean textChanged) {
            out.println("D " + id + " " + linesText(lines) + " " + nanos + " " + textChanged);
        }

        @Override
        public void dishHeard(String id, List<Integer> lines, long nanos) {
            out.println("F " + id + " " + linesText(lines) + " " + nanos);
        }

        private static String linesText(List<Integer> lines) {
            return lines.isEmpty() ? "-" : lines.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    /** The driver's handle on a screen in its own JVM: its reports go to {@code screen}, answers to a queue. */
    private static final class ForkedScreen implements ScreenHandle {
        private final Screen screen;
        private final Process process;
        private final Writer commands;
        private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(16);

        ForkedScreen(Screen screen, Settings terminal, Path home, int run) throws IOException {
            this.screen = screen;
            List<String> options = new ArrayList<>(screen.name.equals(PICKUP) ? PICKUP_JVM_OPTIONS : KITCHEN_JVM_OPTIONS);
            String extra = System.getenv("BENCH_SCREEN_JVM_OPTIONS"); // e.g. a flight recording: {screen} is its name
            if (extra != null && !extra.isBlank()) {
                options.addAll(List.of(extra.replace("{screen}", fileName(screen.name)).split(" ")));
            }
            options.addAll(List.of("-Dbench.screen=" + screen.name, "-Dbench.home=" + home,
                    "-Dbench.central=" + terminal.backend(), "-Dbench.localHttp=" + terminal.localHttp(),
                    "-Dbench.localWs=" + terminal.localWs()));
            List<String> command = ForkedJvm.command(options, StationsBenchmark.class);
            String file = "stations-benchmark-run-" + run + "-" + fileName(screen.name) + ".log";
            process = new ProcessBuilder(command).redirectError(Path.of("target", file).toAbsolutePath().toFile())
                    .start();
            commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "reports of " + screen.name);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader reports = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reports.readLine(); line != null; line = reports.readLine()) {
                    String[] words = line.split(" ");
                    switch (words[0]) {
                        case "H" -> screen.heard(words[1], Long.parseLong(words[2]));
                        case "S" -> screen.shown(words[1], Long.parseLong(words[2]));
                        case "D" -> screen.dish(words[1], lines(words[2]), Long.parseLong(words[3]),
                                Boolean.parseBoolean(words[4]));
                        case "F" -> screen.dishHeard(words[1], lines(words[2]), Long.parseLong(words[3]));
                        case "R", "E" -> answers.put(line);
                        default -> System.err.println(screen.name + ": " + line); // the JVM's own words (JFR's, say)
                    }
                }
            } catch (IOException | InterruptedException e) {
                answers.offer("E the screen's reports ended: " + e);
            }
            answers.offer("E " + screen.name + "'s JVM has ended");
        }

        private static List<Integer> lines(String text) {
            return text.equals("-") ? List.of() : java.util.Arrays.stream(text.split(",")).map(Integer::valueOf)
                    .toList();
        }

        void awaitReady() throws Exception {
            answer(120); // starting a JVM, the menu sync and the window, with five others starting beside it
        }

        private String ask(String command) throws Exception {
            commands.write(command + "\n");
            commands.flush();
            return answer(60);
        }

        private String answer(int seconds) throws Exception {
            String answer = answers.poll(seconds, TimeUnit.SECONDS);
            if (answer == null || answer.startsWith("E ")) {
                throw new IllegalStateException(screen.name + ": " + (answer == null ? "no answer" : answer));
            }
            return answer.substring(2);
        }

        @Override
        public long[] tap(String id) throws Exception {
            String[] words = ask("tap " + id).split(" ");
            return new long[] {Long.parseLong(words[0]), Long.parseLong(words[1])};
        }

        @Override
        public boolean calm() throws Exception {
            return Boolean.parseBoolean(ask("calm"));
        }

        @Override
        public String progress(String id) throws Exception {
            return ask("progress " + id);
        }

        @Override
        public void check(String id) throws Exception {
            ask("check " + id);
        }

        @Override
        public void close() throws Exception {
            try {
                commands.write("quit\n");
                commands.flush();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly(); // this screen's own JVM, started above
            }
        }
    }

    // ================================================================ the screen itself, wherever it runs

    /**
     * One screen: its terminal (runtime, store, feed) and its window, shown on a stage of its own at
     * 1920x1080. It reports when its feed hands an order to its listeners (a listener added before the
     * window's) and when the order's card (the pickup screen's number tile) is in the scene graph (a
     * listener on the view model's list added after the window's, which adds the card); the expo also
     * reports each change of an order's dishes, on its card and in its feed.
     */
    private static final class ScreenSide implements ScreenHandle {
        private final String name;
        private final OutletRuntime terminal;
        private final Sink sink;
        private final Set<String> heard = ConcurrentHashMap.newKeySet();
        private final Set<String> shown = new HashSet<>(); // FX thread
        private final Map<String, List<Integer>> dishesHeard = new ConcurrentHashMap<>();
        private final Map<String, List<Integer>> dishesShown = new HashMap<>(); // FX thread
        private final Map<String, String> progressShown = new HashMap<>(); // FX thread
        private KitchenWindow kitchen;
        private PickupWindow pickup;
        private Stage stage;
        private Pane board;

        private ScreenSide(String name, OutletRuntime terminal, Sink sink) {
            this.name = name;
            this.terminal = terminal;
            this.sink = sink;
        }

        /** The screen's terminal with its menu synced, then its window; the FX platform must run. */
        static ScreenSide open(String name, Settings storeTerminal, Path home, Clock clock, Sink sink)
                throws Exception {
            Settings kitchens = storeTerminal.withRole(Role.KITCHEN);
            Settings settings = switch (name) {
                case WHOLE -> kitchens;
                case "Dapur" -> kitchens.with(Setting.STATION, KitchenDuty.parse(DAPUR));
                case "Bar" -> kitchens.with(Setting.STATION, KitchenDuty.parse(BAR));
                case "Manis" -> kitchens.with(Setting.STATION, KitchenDuty.parse(MANIS));
                case EXPO -> kitchens.with(Setting.STATION, new KitchenDuty.Expo());
                case PICKUP -> storeTerminal.withRole(Role.PICKUP);
                default -> throw new IllegalArgumentException("no screen " + name);
            };
            OutletRuntime terminal = openRuntime(settings, home.resolve(fileName(name)), clock);
            ScreenSide side = new ScreenSide(name, terminal, sink);
            try {
                terminal.startSync();
                awaitUntil("the menu on " + name, 60, () -> terminal.catalog().allProducts().size() == 50);
                // heard first: before the window's own listener, which queues its work for the FX thread
                terminal.startFeed().addListener(FeedListener.ofOrders(side::heard));
                onFx(() -> {
                    side.openWindow();
                    return null;
                });
            } catch (Exception | Error e) {
                side.close();
                throw e;
            }
            return side;
        }

        /** On the FX thread. */
        private void openWindow() {
            Messages messages = Messages.english();
            if (name.equals(PICKUP)) {
                pickup = PickupRole.window(new RunningTerminal(terminal), messages);
                show(pickup.buildScene(1920, 1080));
                // after the window's own listeners: the number's tile is in its grid by then
                ListChangeListener<PickupNumber> tiles = change -> {
                    long now = System.nanoTime();
                    while (change.next()) {
                        if (change.wasAdded()) {
                            change.getAddedSubList().forEach(number -> cameOn(number.order(), now));
                        }
                    }
                };
                pickup.board().preparing().addListener(tiles);
                pickup.board().ready().addListener(tiles);
                return;
            }
            kitchen = KitchenRole.window(new RunningTerminal(terminal), messages);
            show(kitchen.buildScene(1920, 1080));
            board = (Pane) stage.getScene().lookup("#ticket-board");
            // after the window's own listener, which puts the ticket's card on the board: the card is there now
            kitchen.board().tickets().addListener((ListChangeListener<Ticket>) change -> {
                long now = System.nanoTime();
                while (change.next()) {
                    if (change.wasAdded()) {
                        change.getAddedSubList().forEach(ticket -> cameOn(ticket.order(), now));
                    }
                    if (name.equals(EXPO) && (change.wasAdded() || change.wasUpdated())) {
                        for (int i = change.getFrom(); i < change.getTo(); i++) {
                            expoShows(change.getList().get(i).order(), i, now);
                        }
                    }
                }
            });
        }

        /**
         * Shown on a stage of its own and rendered every pulse like any window (software Prism). Past the
         * headless screen's right edge unless {@code BENCH_ON_SCREEN=true}: Monocle's headless screen blends
         * each shown window's 1920x1080 pixels into its frame buffer int by int, on the FX thread (in a
         * profile of six windows in one JVM, ~60 % of that thread), where a real display copies natively; a
         * window past the edge is clipped before any pixel is copied.
         */
        private void show(Scene scene) {
            stage = new Stage();
            stage.setScene(scene);
            stage.setX(ON_SCREEN ? 0 : 1920 + 40);
            stage.setY(0);
            stage.show();
        }

        private void cameOn(Order order, long now) {
            String id = order.clientOrderId();
            if (id != null && shown.add(id)) {
                sink.shown(id, now);
            }
        }

        /** The expo's card at {@code index} shows {@code order}: a change of its dishes is reported. */
        private void expoShows(Order order, int index, long now) {
            String id = order.clientOrderId();
            if (id == null) {
                return;
            }
            List<Integer> lines = doneLines(order);
            String text = progressOnCard(index);
            // an order first shown with no dish done is no change; one first shown with some done is
            List<Integer> before = Objects.requireNonNullElse(dishesShown.put(id, lines), List.of());
            String textBefore = progressShown.put(id, text);
            if (!before.equals(lines)) {
                sink.dish(id, lines, now, !Objects.equals(textBefore, text));
            }
        }

        private void heard(OrderEvent event) {
            long now = System.nanoTime();
            String id = event.order().clientOrderId();
            if (id == null) {
                return;
            }
            if (heard.add(id)) {
                sink.heard(id, now);
            }
            if (name.equals(EXPO) && event.order().dishesDone() != null) {
                List<Integer> lines = doneLines(event.order());
                List<Integer> before = Objects.requireNonNullElse(dishesHeard.put(id, lines), List.of());
                if (!before.equals(lines)) {
                    sink.dishHeard(id, lines, now);
                }
            }
        }

        private static List<Integer> doneLines(Order order) {
            DishesDone done = order.dishesDone() == null ? DishesDone.NONE : order.dishesDone();
            return done.lines().stream().sorted().toList();
        }

        /** The progress line of the card at {@code index} (cards are in the order of the tickets). FX thread. */
        private String progressOnCard(int index) {
            Node progress = ((Parent) board.getChildren().get(index)).lookup(".ticket-progress");
            return progress == null ? null : ((Labeled) progress).getText();
        }

        private int indexOf(String id) {
            List<Ticket> tickets = kitchen.board().tickets();
            for (int i = 0; i < tickets.size(); i++) {
                if (id.equals(tickets.get(i).order().clientOrderId())) {
                    return i;
                }
            }
            throw new IllegalStateException("no ticket of order " + id + " on " + name);
        }

        @Override
        public long[] tap(String id) throws Exception {
            return onFx(() -> {
                Ticket ticket = kitchen.board().tickets().get(indexOf(id));
                int line = kitchen.board().lens().linesFor(ticket.order()).get(0);
                long now = System.nanoTime();
                kitchen.board().tapDish(ticket, line);
                return new long[] {line, now};
            });
        }

        @Override
        public boolean calm() throws Exception {
            return kitchen == null || onFx(() -> kitchen.board().tickets().stream().noneMatch(Ticket::fresh));
        }

        @Override
        public String progress(String id) throws Exception {
            return onFx(() -> progressOnCard(indexOf(id)));
        }

        @Override
        public void check(String id) throws Exception {
            onFx(() -> {
                // a card carries its ticket's number as a property, a pickup tile shows its number: neither
                // has an id per order, which JavaFX's style cache would keep all day (issue 16)
                boolean there;
                String number;
                if (pickup != null) {
                    number = pickup.board().preparing().stream().filter(shown -> id.equals(
                            shown.order().clientOrderId())).findFirst().orElseThrow().number();
                    there = stage.getScene().getRoot().lookupAll(".pickup-number").stream().anyMatch(tile ->
                            tile instanceof Labeled label && number.equals(label.getText()));
                } else {
                    number = kitchen.board().tickets().get(indexOf(id)).shortNumber();
                    there = stage.getScene().getRoot().lookupAll(".ticket").stream().anyMatch(card ->
                            number.equals(card.getProperties().get("ticket-number")));
                }
                if (!there) {
                    throw new IllegalStateException(name + " does not show " + number + " in its scene");
                }
                return null;
            });
        }

        @Override
        public void close() throws Exception {
            try {
                onFx(() -> {
                    if (stage != null) {
                        stage.hide();
                    }
                    if (kitchen != null) {
                        kitchen.close();
                    }
                    if (pickup != null) {
                        pickup.close();
                    }
                    return null;
                });
            } finally {
                terminal.close();
            }
        }
    }

    // ================================================================ plumbing

    /** "Kitchen (whole orders)" as a file's name: "Kitchen-whole-orders". */
    static String fileName(String screen) {
        return screen.replaceAll("[^A-Za-z]+", "-").replaceAll("-$", "");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    private static void awaitUntil(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not in " + seconds + " s: " + what);
            }
            // a spinning wait would take one of the two cores from the screens it measures
            LockSupport.parkNanos(1_000_000L);
        }
    }

    private static void put(Properties result, String key, double millis) {
        result.setProperty(key, Double.toString(millis));
    }

    static double percentile(List<Double> samples, int percent) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ================================================================ tables

    private static double number(Properties result, String key) {
        return Double.parseDouble(result.getProperty(key));
    }

    private static void printRun(Properties result) {
        System.out.printf("%n# one run: %d open orders, %d paced (one per 45 ms), a burst of %d; preload took %s s%n%n",
                OPEN, PACED, BURST, result.getProperty("preload.s"));
        BenchTable cards = new BenchTable("screen", "paced p50 ms", "paced p99 ms", "burst p50 ms", "burst p99 ms");
        for (String screen : SCREENS) {
            cards.row(screen, BenchTable.ms(number(result, "paced.p50." + screen)),
                    BenchTable.ms(number(result, "paced.p99." + screen)),
                    BenchTable.ms(number(result, "burst.p50." + screen)),
                    BenchTable.ms(number(result, "burst.p99." + screen)));
        }
        cards.row(WHOLE + ", alone (" + ALONE + " paced, the other screens closed)",
                BenchTable.ms(number(result, "alone.p50")), BenchTable.ms(number(result, "alone.p99")), "-", "-");
        cards.print();
        BenchTable taps = new BenchTable("path", "p50 ms", "p99 ms", "max ms", "to the expo's feed p50 ms", "p99 ms",
                "card text changed");
        taps.row("raw POST /api/orders/dishes, round trip", BenchTable.ms(number(result, "raw.rtt.p50")),
                BenchTable.ms(number(result, "raw.rtt.p99")), BenchTable.ms(number(result, "raw.rtt.max")), "-", "-",
                "-");
        taps.row("raw POST to the expo's card", BenchTable.ms(number(result, "raw.expo.p50")),
                BenchTable.ms(number(result, "raw.expo.p99")), BenchTable.ms(number(result, "raw.expo.max")),
                BenchTable.ms(number(result, "raw.feed.p50")), BenchTable.ms(number(result, "raw.feed.p99")),
                result.getProperty("raw.textChanged"));
        taps.row("station tap to the expo's card", BenchTable.ms(number(result, "tap.p50")),
                BenchTable.ms(number(result, "tap.p99")), BenchTable.ms(number(result, "tap.max")),
                BenchTable.ms(number(result, "tap.feed.p50")), BenchTable.ms(number(result, "tap.feed.p99")),
                result.getProperty("tap.textChanged"));
        taps.print();
    }

    /** Medians over the runs, the range in brackets; ratios taken within each run, then their median. */
    private static void summarise(List<Properties> runs) {
        System.out.printf("%n# stations benchmark, %d runs (median of the runs, range in brackets)%n", runs.size());
        System.out.println(ONE_JVM ? "all six screens in one JVM: " + String.join(" ", ONE_JVM_OPTIONS)
                : "one JVM per screen: boards " + String.join(" ", KITCHEN_JVM_OPTIONS) + "; pickup "
                        + String.join(" ", PICKUP_JVM_OPTIONS) + "; store " + String.join(" ", STORE_JVM_OPTIONS));
        System.out.println("windows " + (ON_SCREEN ? "on the headless screen" : "past the headless screen's edge"));
        System.out.println("preload of " + OPEN + " orders onto every screen, s: "
                + spread(runs, r -> number(r, "preload.s"), 1));
        System.out.println();
        BenchTable cards = new BenchTable("screen", "paced p50 ms", "paced p99 ms", "burst p50 ms", "burst p99 ms",
                "paced p50 ratio", "paced p99 ratio", "burst p99 ratio");
        for (String screen : SCREENS) {
            cards.row(screen + (screen.equals(WHOLE) ? " (baseline)" : ""),
                    spread(runs, r -> number(r, "paced.p50." + screen), 1),
                    spread(runs, r -> number(r, "paced.p99." + screen), 1),
                    spread(runs, r -> number(r, "burst.p50." + screen), 1),
                    spread(runs, r -> number(r, "burst.p99." + screen), 1),
                    spread(runs, r -> number(r, "paced.p50." + screen) / number(r, "paced.p50." + WHOLE), 2),
                    spread(runs, r -> number(r, "paced.p99." + screen) / number(r, "paced.p99." + WHOLE), 2),
                    spread(runs, r -> number(r, "burst.p99." + screen) / number(r, "burst.p99." + WHOLE), 2));
        }
        cards.row(WHOLE + ", alone on the machine (" + ALONE + " paced, the other screens closed)",
                spread(runs, r -> number(r, "alone.p50"), 1), spread(runs, r -> number(r, "alone.p99"), 1), "-", "-",
                spread(runs, r -> number(r, "alone.p50") / number(r, "paced.p50." + WHOLE), 2),
                spread(runs, r -> number(r, "alone.p99") / number(r, "paced.p99." + WHOLE), 2), "-");
        cards.print();
        BenchTable taps = new BenchTable("path (" + TAPS + " taps, " + RAW_POSTS + " raw POSTs a run)", "p50 ms",
                "p99 ms", "max ms", "to the expo's feed p50 ms", "p99 ms", "p50 ratio to the raw round trip",
                "p99 ratio to the raw round trip");
        taps.row("baseline: raw POST /api/orders/dishes, round trip", spread(runs, r -> number(r, "raw.rtt.p50"), 1),
                spread(runs, r -> number(r, "raw.rtt.p99"), 1), spread(runs, r -> number(r, "raw.rtt.max"), 1), "-",
                "-", "1.00", "1.00");
        taps.row("raw POST to the expo's card", spread(runs, r -> number(r, "raw.expo.p50"), 1),
                spread(runs, r -> number(r, "raw.expo.p99"), 1), spread(runs, r -> number(r, "raw.expo.max"), 1),
                spread(runs, r -> number(r, "raw.feed.p50"), 1), spread(runs, r -> number(r, "raw.feed.p99"), 1),
                spread(runs, r -> number(r, "raw.expo.p50") / number(r, "raw.rtt.p50"), 2),
                spread(runs, r -> number(r, "raw.expo.p99") / number(r, "raw.rtt.p99"), 2));
        taps.row("station tap to the expo's card", spread(runs, r -> number(r, "tap.p50"), 1),
                spread(runs, r -> number(r, "tap.p99"), 1), spread(runs, r -> number(r, "tap.max"), 1),
                spread(runs, r -> number(r, "tap.feed.p50"), 1), spread(runs, r -> number(r, "tap.feed.p99"), 1),
                spread(runs, r -> number(r, "tap.p50") / number(r, "raw.rtt.p50"), 2),
                spread(runs, r -> number(r, "tap.p99") / number(r, "raw.rtt.p99"), 2));
        taps.print();
        System.out.println("the expo's progress text changed: taps " + runs.stream().map(r -> r.getProperty(
                "tap.textChanged")).toList() + ", raw POSTs " + runs.stream().map(r -> r.getProperty(
                "raw.textChanged")).toList());
    }

    private static String spread(List<Properties> runs, ToDoubleFunction<Properties> value, int decimals) {
        List<Double> values = runs.stream().map(value::applyAsDouble).toList();
        String format = "%." + decimals + "f";
        String median = String.format(format, BenchTable.median(values));
        if (values.size() == 1) {
            return median;
        }
        return median + " (" + String.format(format, values.stream().mapToDouble(Double::doubleValue).min()
                .orElseThrow()) + "-" + String.format(format, values.stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow()) + ")";
    }
}
