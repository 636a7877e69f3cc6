package id.outletkiosk.bench;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.config.Role;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.SizedWindow;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.PickupRole;
import id.outletkiosk.ui.app.RunningTerminal;
import id.outletkiosk.ui.kitchen.KitchenWindow;
import id.outletkiosk.ui.pickup.PickupNumber;
import id.outletkiosk.ui.pickup.PickupWindow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Issue 16, target 5: a burst of {@value #BURST} orders onto a screen with {@value #OPEN} open tickets, on the
 * whole-order kitchen board, a prep station (Dapur, which has every order) and the pickup screen. Each screen
 * runs in a JVM of its own with the kitchen launcher's options ({@code packaging/kitchen-launcher.properties}),
 * alone on the machine; central (the reference backend, demo menu) runs in this driver's JVM, a separate
 * process, as in a store it is another machine. The driver pre-builds the orders and posts them back to back
 * to central, which prices, stores and broadcasts each; the driver's CPU time during the burst is reported
 * beside the numbers (it shares the two cores with the screen, its threads but the posting one at a lower
 * priority: {@code BENCH_CENTRAL_NICE} below).
 * <ul>
 * <li><b>event to card:</b> from the moment the screen's feed hands the {@code new_order} to its listeners
 * (a listener added before the window's) to the end of the first layout pulse after the order's card
 * (its {@code ticket-number} property N) was put into the scene graph, on the pickup screen after its number
 * entered a column (whose grid lays out the list as it stands: N in a tile, or counted in "+N"; before s16d each
 * number was a tile of its own, shown or not, put into the scene graph at that same change) (a post-layout pulse
 * listener on the screen's scene);</li>
 * <li><b>longest frame gap:</b> the longest interval between two FX pulses (an {@link AnimationTimer}
 * runs through the whole case, so every frame is a pulse) from the first order of the burst heard to the
 * last one shown.</li>
 * </ul>
 * Baseline: the same screen with 0 open tickets, in the same run. The windows stand past the headless
 * screen's edge (see {@code StationsBenchmark}: Monocle composes a shown window's pixels on the FX
 * thread, which a real display does natively); the software renderer still paints every frame.
 *
 * <p>Run: {@code mvn -B -o -q -Pbench test-compile exec:exec -Dbench=BoardBurstBenchmark}; the environment
 * gives {@code BENCH_RUNS} (default 3), {@code BENCH_SCREENS} (comma-separated: {@code Kitchen,Dapur,Pickup}),
 * {@code BENCH_SCREEN_JVM_OPTIONS} (more options for each screen's JVM, {@code {screen}} its name) and
 * {@code BENCH_REHEARSALS} (earlier rushes onto the same board before the measured one, default 1; 0 measures a JVM's
 * first rush, as the rounds before s16f did; see {@link #rehearse}) and {@code BENCH_CENTRAL_NICE} (default 19: the
 * driver's threads but the one posting the orders at nice 19, {@link DriverThreadsAside}, since in a store central is
 * another machine; 0 measures with central at the screen's priority, as the rounds before s16f did).
 * Logs: {@code target/board-burst-*.log}.
 */
public final class BoardBurstBenchmark {
    private static final int OPEN = 300;
    private static final int BURST = 100;
    private static final int WARM_UP = 100;
    /** Earlier rushes onto the full board before the measured one (see {@link #rehearse}); 0 for the old way. */
    private static final int REHEARSALS = Integer.parseInt(System.getenv().getOrDefault("BENCH_REHEARSALS", "1"));
    /**
     * The nice value of the driver's threads but the one posting the orders (see {@link DriverThreadsAside}); 0 leaves
     * them at the screen's priority, as the rounds before s16f measured.
     */
    private static final int CENTRAL_NICE = Integer.parseInt(System.getenv().getOrDefault("BENCH_CENTRAL_NICE", "19"));
    static final String KITCHEN = "Kitchen";
    static final String DAPUR = "Dapur";
    static final String PICKUP = "Pickup";
    /** The demo menu: food is categories 1-6 (products 1-36), drinks 7 (37-44), desserts 8 (45-50). */
    private static final List<Long> FOOD = foodIds();
    private static final long FIRST_DRINK = 37;
    private static final long FIRST_DESSERT = 45;

    public static void main(String[] args) throws Exception {
        if (System.getProperty("bench.screen") != null) {
            screenMain(System.getProperty("bench.screen"));
        } else {
            driverMain();
        }
    }

    private static List<Long> foodIds() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 36; id++) {
            if (id != 22 && id != 32) { // sold out in the demo
                ids.add(id);
            }
        }
        return ids;
    }

    // ================================================================ the driver: central, and one screen at a time

    private record Result(double p50, double p99, double max, double gap, double driverCpuMs, double burstMs) {
    }

    private static void driverMain() throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "3"));
        List<String> screens = List.of(System.getenv().getOrDefault("BENCH_SCREENS", KITCHEN + "," + DAPUR + ","
                + PICKUP).split(","));
        Map<String, List<Result>> results = new LinkedHashMap<>();
        // central (this JVM's threads but main) out of the screen's way, as another machine would be
        DriverThreadsAside aside = CENTRAL_NICE == 0 ? null : DriverThreadsAside.keepingCallerAt(CENTRAL_NICE);
        for (int run = 1; run <= runs; run++) {
            for (String screen : screens) {
                for (int open : new int[] {0, OPEN}) {
                    Result result = runCase(screen, open, run);
                    results.computeIfAbsent(screen + "|" + open, key -> new ArrayList<>()).add(result);
                    System.out.printf("run %d, %s, %d open: p50 %.1f ms, p99 %.1f ms, max %.1f ms, longest frame gap"
                            + " %.1f ms (burst over %.0f ms; driver CPU %.0f ms)%n", run, screen, open, result.p50(),
                            result.p99(), result.max(), result.gap(), result.burstMs(), result.driverCpuMs());
                }
            }
        }
        if (aside != null) {
            aside.close();
        }
        summarise(screens, results, runs);
        System.exit(0);
    }

    private static Result runCase(String screenName, int open, int run) throws Exception {
        Path home = Files.createTempDirectory("bench-burst");
        Clock clock = Clock.systemDefaultZone();
        try (ReferenceBackend central = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), clock);
                BackendClient http = new BackendClient("backend", Setting.TOKEN, central.baseUri(), null,
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 24);
                ForkedScreen screen = new ForkedScreen(screenName, central.baseUri(), home, run, open)) {
            OrderServerClient orders = OrderServerClient.central(http, clock.getZone());
            screen.awaitReady();
            warmUp(screenName, screen, orders, central);
            List<NewOrder> preload = orders(0, open);
            List<String> preloaded = new ArrayList<>();
            for (NewOrder order : preload) {
                preloaded.add(cardId(screenName, orders.place(order, Instant.now())));
            }
            awaitUntil(open + " open on " + screenName, 300, () -> screen.showsAll(preloaded));
            for (int rehearsal = 0; rehearsal < REHEARSALS; rehearsal++) {
                rehearse(screenName, screen, orders, central, open, 20_000 + rehearsal * BURST);
            }
            screen.ask("threads"); // the screen's threads' CPU and run-queue times from here (its log), before the wait
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2)); // the preload's last frames and collections settle
            List<NewOrder> burst = orders(open, BURST); // built before, so the burst is only the posts
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            List<String> burstIds = new ArrayList<>();
            for (NewOrder order : burst) {
                burstIds.add(cardId(screenName, orders.place(order, Instant.now())));
            }
            double driverCpuMs = (processCpuNanos() - cpuBefore) / 1e6;
            awaitUntil("the burst on " + screenName, 120, () -> screen.showsAll(burstIds));
            long firstHeard = burstIds.stream().mapToLong(screen.heardAt::get).min().orElseThrow();
            long lastShown = burstIds.stream().mapToLong(screen.shownAt::get).max().orElseThrow();
            double gap = Double.parseDouble(screen.ask("gap " + firstHeard + " " + lastShown));
            List<Double> millis = new ArrayList<>();
            for (String id : burstIds) {
                millis.add((screen.shownAt.get(id) - screen.heardAt.get(id)) / 1e6);
                System.err.printf("sample: %s %d open %s %.1f ms%n", screenName, open, id, millis.get(millis.size() - 1));
            }
            return new Result(StationsBenchmark.percentile(millis, 50), StationsBenchmark.percentile(millis, 99),
                    StationsBenchmark.percentile(millis, 100), gap, driverCpuMs, (lastShown - start) / 1e6);
        } finally {
            TempFolders.deleteWhenQuiet(home);
        }
    }

    /**
     * A screen that lived through the morning: {@value #WARM_UP} orders come and go (served; cancelled on
     * the pickup screen, where a served number stays for 45 s) before the case, so the baseline's empty
     * board is not a cold JVM's first orders; the driver's and central's code are warm too.
     */
    private static void warmUp(String screenName, ForkedScreen screen, OrderServerClient orders,
            ReferenceBackend central) throws Exception {
        serveRush("the warm-up", screenName, screen, orders, central, 10_000, WARM_UP, 0);
    }

    /**
     * An earlier rush of the same size onto the same board, served until the board has its {@code open} tickets
     * again: a kitchen PC that has run since the morning has had its code for a rush compiled long before the
     * lunch rush, while a benchmark JVM that has seen only the warm-up and the preload compiles OkHttp's, the
     * intake's and the board's burst paths (C1) inside the measured burst, on the same two cores as the FX
     * thread. {@code BENCH_REHEARSALS=0} measures the way of the rounds before.
     */
    private static void rehearse(String screenName, ForkedScreen screen, OrderServerClient orders,
            ReferenceBackend central, int open, int from) throws Exception {
        serveRush("the rehearsal", screenName, screen, orders, central, from, BURST, open);
    }

    /**
     * {@code count} orders from number {@code from} posted to central and shown, then served (cancelled on the
     * pickup screen, where a served number stays for 45 s) until the screen has {@code openAfter} open tickets.
     */
    private static void serveRush(String what, String screenName, ForkedScreen screen, OrderServerClient orders,
            ReferenceBackend central, int from, int count, int openAfter) throws Exception {
        List<Order> placed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (NewOrder order : orders(from, count)) {
            Order answer = orders.place(order, Instant.now());
            placed.add(answer);
            ids.add(cardId(screenName, answer));
        }
        awaitUntil(what + " on " + screenName, 120, () -> screen.showsAll(ids));
        for (Order order : placed) {
            central.orders().changeStatus(order.centralId(), screenName.equals(PICKUP) ? OrderStatus.CANCELLED
                    : OrderStatus.COMPLETED);
        }
        String left = Integer.toString(openAfter);
        awaitUntil(what + " gone from " + screenName, 120, () -> {
            try {
                return screen.ask("open").equals(left);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        });
    }

    /** Kiosk-like orders: one or two dishes of food, a drink in two of three, a dessert in two of three. */
    private static List<NewOrder> orders(int from, int count) {
        List<NewOrder> orders = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            List<OrderItem> items = new ArrayList<>();
            items.add(new OrderItem(FOOD.get(i % FOOD.size()), null, 1 + i % 3, null, i % 5 == 0 ? "tidak pedas" : null));
            if (i % 2 == 0) {
                items.add(new OrderItem(FOOD.get((i + 7) % FOOD.size()), null, 1, null, null));
            }
            if (i % 3 != 2) {
                items.add(new OrderItem(FIRST_DRINK + i % 8, null, 1 + i % 2, null, i % 4 == 0 ? "es sedikit" : null));
            }
            if (i % 3 != 1) {
                items.add(new OrderItem(FIRST_DESSERT + i % 6, null, 1, null, null));
            }
            orders.add(new NewOrder(1, UUID.randomUUID().toString(), "Tamu " + i, items, null));
        }
        return orders;
    }

    /** The id of the node that shows the order: its card on a board, its number's tile on the pickup screen. */
    private static String cardId(String screen, Order order) {
        return cardId(screen, order.shownNumber());
    }

    static String cardId(String screen, String shownNumber) {
        return (screen.equals(PICKUP) ? "number-" : "ticket-") + shownNumber;
    }

    /**
     * The key of a card just put into a board: it carries its ticket's number as a property (no id per order,
     * which JavaFX's style cache would keep all day).
     */
    private static String shownId(String screen, Node node) {
        Object number = node.getProperties().get("ticket-number");
        return number == null ? null : cardId(screen, number.toString());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One screen in its own JVM: it reports {@code H id nanos} (heard) and {@code S id nanos} (shown) on stdout. */
    private static final class ForkedScreen implements AutoCloseable {
        final Map<String, Long> heardAt = new ConcurrentHashMap<>();
        final Map<String, Long> shownAt = new ConcurrentHashMap<>();
        private final String name;
        private final Process process;
        private final Writer commands;
        private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(16);

        ForkedScreen(String name, URI central, Path home, int run, int open) throws IOException {
            this.name = name;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(KitchenBoardBenchmark.KITCHEN_JVM_OPTIONS);
            String extra = System.getenv("BENCH_SCREEN_JVM_OPTIONS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.replace("{screen}", name + "-" + open + "-" + run).split(" ")));
            }
            command.addAll(List.of("-Dbench.screen=" + name, "-Dbench.central=" + central, "-Dbench.home=" + home,
                    "-cp", System.getProperty("java.class.path"), BoardBurstBenchmark.class.getName()));
            Path log = Path.of("target", "board-burst-" + name + "-" + open + "-run-" + run + ".log").toAbsolutePath();
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "reports of " + name);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader reports = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reports.readLine(); line != null; line = reports.readLine()) {
                    String[] words = line.split(" ");
                    switch (words[0]) {
                        case "H" -> heardAt.putIfAbsent(words[1], Long.parseLong(words[2]));
                        case "S" -> shownAt.putIfAbsent(words[1], Long.parseLong(words[2]));
                        case "R", "E" -> answers.put(line);
                        default -> System.err.println(name + ": " + line);
                    }
                }
            } catch (IOException | InterruptedException e) {
                answers.offer("E the screen's reports ended: " + e);
            }
            answers.offer("E " + name + "'s JVM has ended");
        }

        boolean showsAll(List<String> ids) {
            return ids.stream().allMatch(shownAt::containsKey);
        }

        void awaitReady() throws Exception {
            answer(120);
        }

        String ask(String command) throws Exception {
            commands.write(command + "\n");
            commands.flush();
            return answer(60);
        }

        private String answer(int seconds) throws Exception {
            String answer = answers.poll(seconds, TimeUnit.SECONDS);
            if (answer == null || answer.startsWith("E ")) {
                throw new IllegalStateException(name + ": " + (answer == null ? "no answer" : answer));
            }
            return answer.substring(2);
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

    // ================================================================ the screen, in its own JVM

    private static final Map<String, Long> SHOWN_PENDING = new LinkedHashMap<>(); // FX thread
    private static final long[] PULSES = new long[1 << 16]; // FX thread: every pulse's time, a ring
    private static int pulseCount; // FX thread

    private static void screenMain(String name) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing else may write into the report
        int exit = 0;
        OutletRuntime terminal = null;
        try {
            ForkedJvm.startHeadlessFx();
            Path home = Path.of(System.getProperty("bench.home"));
            Settings store = StationsBenchmark.terminalSettings(home, URI.create(System.getProperty("bench.central")),
                    null, null);
            Settings settings = switch (name) {
                case KITCHEN -> store.withRole(Role.KITCHEN);
                case DAPUR -> store.withRole(Role.KITCHEN).with(Setting.STATION,
                        KitchenDuty.parse(StationsBenchmark.DAPUR));
                case PICKUP -> store.withRole(Role.PICKUP);
                default -> throw new IllegalArgumentException("no screen " + name);
            };
            OutletRuntime runtime = StationsBenchmark.openRuntime(settings, home.resolve(name), Clock.systemDefaultZone());
            terminal = runtime;
            runtime.startSync();
            awaitUntil("the menu", 60, () -> runtime.catalog().allProducts().size() == 50);
            Map<String, Boolean> heard = new ConcurrentHashMap<>();
            // heard first: before the window's own listener, which hands its work to the FX thread
            runtime.startFeed().addListener(FeedListener.ofOrders(event -> {
                long now = System.nanoTime();
                String id = cardId(name, event.order().shownNumber());
                if (heard.putIfAbsent(id, true) == null) {
                    out.println("H " + id + " " + now);
                }
            }));
            SizedWindow[] window = new SizedWindow[1];
            onFx(() -> {
                Messages messages = Messages.english();
                window[0] = name.equals(PICKUP) ? PickupRole.window(new RunningTerminal(runtime), messages)
                        : KitchenRole.window(new RunningTerminal(runtime), messages);
                Scene scene = window[0].buildScene(1920, 1080);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.setX(1920 + 40); // past the headless screen's edge: see the class comment
                stage.setY(0);
                stage.show();
                if (window[0] instanceof PickupWindow pickup) {
                    // the pickup screen keeps tiles only for its cells: a number is on the screen once its
                    // column's grid holds it (in a tile, or counted in "+N"), which it does from the list's change
                    for (ObservableList<PickupNumber> column : List.of(pickup.board().preparing(),
                            pickup.board().ready())) {
                        column.addListener((ListChangeListener<PickupNumber>) change -> {
                            while (change.next()) {
                                if (change.wasReplaced()) {
                                    continue; // a number's new status in place: already on the screen
                                }
                                for (PickupNumber number : change.getAddedSubList()) {
                                    SHOWN_PENDING.putIfAbsent(cardId(name, number.number()), 0L);
                                }
                            }
                        });
                    }
                } else {
                    ((Parent) scene.lookup("#ticket-board")).getChildrenUnmodifiable().addListener(
                            (ListChangeListener<Node>) change -> {
                                while (change.next()) {
                                    for (Node card : change.getAddedSubList()) {
                                        String id = shownId(name, card);
                                        if (id != null) {
                                            SHOWN_PENDING.putIfAbsent(id, 0L);
                                        }
                                    }
                                }
                            });
                }
                scene.addPostLayoutPulseListener(() -> {
                    if (!SHOWN_PENDING.isEmpty()) {
                        long now = System.nanoTime();
                        SHOWN_PENDING.keySet().forEach(id -> out.println("S " + id + " " + now));
                        SHOWN_PENDING.clear();
                    }
                });
                new AnimationTimer() {
                    @Override
                    public void handle(long frame) {
                        PULSES[pulseCount++ % PULSES.length] = System.nanoTime();
                    }
                }.start();
                return null;
            });
            // the ledger's open orders (none) reach the board before the first order: on main, an order the
            // board hears before that load puts its cards out of step with its tickets (KitchenWindow.mirror)
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            out.println("R ready");
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
                String[] words = line.split(" ");
                if (words[0].equals("gap")) {
                    long from = Long.parseLong(words[1]);
                    long to = Long.parseLong(words[2]);
                    out.println("R " + onFx(() -> longestGap(from, to)));
                    logBurstWindow(from, to);
                } else if (words[0].equals("threads")) {
                    THREADS_BEFORE.clear();
                    THREADS_BEFORE.putAll(threadTimes());
                    out.println("R ok");
                } else if (words[0].equals("open")) {
                    out.println("R " + onFx(() -> window[0] instanceof PickupWindow pickup
                            ? pickup.board().preparing().size() + pickup.board().ready().size()
                            : ((KitchenWindow) window[0]).board().tickets().size()));
                } else {
                    out.println("E unknown command " + line);
                }
            }
            onFx(() -> {
                window[0].close();
                return null;
            });
        } catch (Throwable failure) {
            failure.printStackTrace();
            out.println("E " + failure.getMessage());
            exit = 1;
        } finally {
            if (terminal != null) {
                terminal.close();
            }
        }
        System.exit(exit); // JavaFX's and the sockets' threads would keep the JVM
    }

    /**
     * The longest interval between two pulses in [from, to], counting the last pulse before {@code from}
     * and the first after {@code to} (a gap that straddles either end counts). FX thread.
     */
    private static double longestGap(long from, long to) {
        int first = Math.max(0, pulseCount - PULSES.length);
        long longest = 0;
        for (int i = first + 1; i < pulseCount; i++) {
            long previous = PULSES[(i - 1) % PULSES.length];
            long at = PULSES[i % PULSES.length];
            if (at >= from && previous <= to) {
                longest = Math.max(longest, at - previous);
            }
        }
        return longest / 1e6;
    }

    /**
     * Writes to this screen's log where the burst and its slowest pulses lie in the JVM's uptime, the clock
     * of {@code -Xlog:gc}'s {@code uptime} decoration, so a collector pause can be matched to a gap. Nothing
     * measured depends on it.
     */
    private static void logBurstWindow(long from, long to) throws Exception {
        long nowNanos = System.nanoTime();
        double uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        java.util.function.LongToDoubleFunction uptime = nanos -> (uptimeMs - (nowNanos - nanos) / 1e6) / 1e3;
        StringBuilder slow = new StringBuilder();
        onFx(() -> {
            int first = Math.max(0, pulseCount - PULSES.length);
            for (int i = first + 1; i < pulseCount; i++) {
                long previous = PULSES[(i - 1) % PULSES.length];
                long at = PULSES[i % PULSES.length];
                if (at >= from && previous <= to && at - previous > 20_000_000L) {
                    slow.append(String.format(" %.3fs+%.1fms", uptime.applyAsDouble(previous), (at - previous) / 1e6));
                }
            }
            return null;
        });
        System.err.printf("burst window: uptime %.3fs to %.3fs; pulse gaps over 20 ms:%s%n",
                uptime.applyAsDouble(from), uptime.applyAsDouble(to), slow);
        StringBuilder threads = new StringBuilder();
        threadTimes().forEach((thread, times) -> {
            long[] before = THREADS_BEFORE.getOrDefault(thread, new long[2]);
            double onCpu = (times[0] - before[0]) / 1e6;
            double waiting = (times[1] - before[1]) / 1e6;
            if (onCpu + waiting >= 5) {
                threads.append(String.format("%n  %-28s on a core %7.1f ms, waiting for one %7.1f ms", thread, onCpu,
                        waiting));
            }
        });
        System.err.println("threads from 2 s before the burst to the gap's reading:" + threads);
    }

    private static final Map<String, long[]> THREADS_BEFORE = new ConcurrentHashMap<>();

    /** Each thread of this JVM (GC and compiler threads too): ns on a core and ns waiting for one (schedstat). */
    private static Map<String, long[]> threadTimes() {
        Map<String, long[]> times = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim() + " #" + task.getFileName();
                    String[] stat = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    times.put(name, new long[] {Long.parseLong(stat[0]), Long.parseLong(stat[1])});
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended between the listing and the reading
                }
            });
        } catch (IOException unreadable) {
            System.err.println("no /proc/self/task: " + unreadable);
        }
        return times;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    private static void awaitUntil(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not in " + seconds + " s: " + what);
            }
            LockSupport.parkNanos(1_000_000L); // a spinning wait would take a core from the screen it measures
        }
    }

    // ================================================================ the table

    private static void summarise(List<String> screens, Map<String, List<Result>> results, int runs) {
        System.out.printf("%n# a burst of %d orders onto a screen, %d runs (median of the runs, range in brackets)%n",
                BURST, runs);
        System.out.println("each screen in its own JVM: " + String.join(" ", KitchenBoardBenchmark.KITCHEN_JVM_OPTIONS)
                + "; central in the driver's JVM" + (CENTRAL_NICE == 0 ? "" : ", its threads at nice " + CENTRAL_NICE) + "; "
                + REHEARSALS + " earlier rush(es) of " + BURST + " before the measured one");
        System.out.println();
        BenchTable table = new BenchTable("screen", "open tickets", "event to card p50 ms", "p99 ms", "max ms",
                "longest frame gap ms", "p99 ratio to 0 open", "gap ratio to 0 open", "burst posted over ms",
                "driver CPU in the burst ms");
        for (String screen : screens) {
            List<Result> empty = results.get(screen + "|0");
            for (int open : new int[] {0, OPEN}) {
                List<Result> rows = results.get(screen + "|" + open);
                table.row(screen, open + (open == 0 ? " (baseline)" : ""), spread(rows, Result::p50),
                        spread(rows, Result::p99), spread(rows, Result::max), spread(rows, Result::gap),
                        ratio(rows, empty, Result::p99), ratio(rows, empty, Result::gap),
                        spread(rows, Result::burstMs), spread(rows, Result::driverCpuMs));
            }
        }
        table.print();
    }

    private static String spread(List<Result> rows, ToDoubleFunction<Result> value) {
        List<Double> values = rows.stream().map(value::applyAsDouble).toList();
        String median = String.format("%.1f", BenchTable.median(values));
        return values.size() == 1 ? median : median + " (" + String.format("%.1f", values.stream()
                .mapToDouble(Double::doubleValue).min().orElseThrow()) + "-" + String.format("%.1f", values.stream()
                .mapToDouble(Double::doubleValue).max().orElseThrow()) + ")";
    }

    /** The ratio within each run, then the median and range of those. */
    private static String ratio(List<Result> rows, List<Result> baseline, ToDoubleFunction<Result> value) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ratios.add(value.applyAsDouble(rows.get(i)) / value.applyAsDouble(baseline.get(i)));
        }
        String median = String.format("%.2f", BenchTable.median(ratios));
        return ratios.size() == 1 ? median : median + " (" + String.format("%.2f", ratios.stream()
                .mapToDouble(Double::doubleValue).min().orElseThrow()) + "-" + String.format("%.2f", ratios.stream()
                .mapToDouble(Double::doubleValue).max().orElseThrow()) + ")";
    }
}
