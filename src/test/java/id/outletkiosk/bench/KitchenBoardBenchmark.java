package id.outletkiosk.bench;

import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.RunningTerminal;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.kitchen.KitchenWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * The kitchen board under load, in one JVM on a headless screen (Monocle), over the reference
 * backend's WebSocket: from the moment the feed hands an order event to its listeners to the moment
 * the ticket's card is a child of the board in the scene graph; and the FX thread's longest gap
 * between two frames while a burst of 100 orders arrives. Each case is measured on an empty board
 * (the baseline) and on a board with 300 open tickets.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench=KitchenBoardBenchmark}
 */
public final class KitchenBoardBenchmark {
    /** What packaging/kitchen-launcher.properties gives the OutletKitchen launcher, read from it so they cannot drift. */
    static final List<String> KITCHEN_JVM_OPTIONS = LauncherOptions.ofKitchenLauncher();
    private static final int OPEN = 300;
    private static final int PACED = 200;
    private static final int BURST = 100;

    private final Map<String, Long> heardAt = new ConcurrentHashMap<>();
    private final Map<String, Long> shownAt = new ConcurrentHashMap<>();
    private final AtomicLong longestFrameGap = new AtomicLong();
    private volatile long lastFrame;
    private OrderServerClient orders;

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("bench.child")) {
            // measured in JVMs with the installed launchers' options: the kitchen's (G1), and the kiosk's
            // (Serial) for comparison
            int failed = 0;
            for (List<String> options : List.of(KITCHEN_JVM_OPTIONS, KioskStartupBenchmark.APP_JVM_OPTIONS)) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                        "java").toString()));
                command.addAll(options);
                command.addAll(List.of("-Dbench.child=true", "-Dbench.options=" + String.join(" ", options), "-cp",
                        System.getProperty("java.class.path"), KitchenBoardBenchmark.class.getName()));
                failed |= new ProcessBuilder(command).inheritIO().start().waitFor();
            }
            System.exit(failed);
        }
        // a headless screen, as the UI tests use (set before JavaFX starts)
        ForkedJvm.startHeadlessFx();
        List<String[]> rows = new ArrayList<>();
        for (int open : new int[] {0, OPEN}) {
            rows.add(new KitchenBoardBenchmark().run(open));
        }
        System.out.printf("# kitchen board: order event to card in the scene graph (Monocle headless, loopback)%n%n");
        System.out.println("JVM options: " + System.getProperty("bench.options"));
        System.out.println();
        BenchTable table = new BenchTable("open tickets", "paced (200, one per 40 ms) p50 ms", "p99 ms",
                "burst (100 at once) p50 ms", "p99 ms", "longest FX frame gap in the burst ms");
        rows.forEach(row -> table.row((Object[]) row));
        table.print();
        Platform.exit();
        System.exit(0);
    }

    private String[] run(int open) throws Exception {
        Path work = Files.createTempDirectory("bench-kitchen");
        try (ReferenceBackend backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(),
                Clock.systemDefaultZone());
                OutletRuntime runtime = OutletRuntime.open(new SettingsLoader(work).load(Map.of(Setting.BACKEND,
                        backend.baseUri().toString(), Setting.DATA_DIR, work.resolve("data").toString(), Setting.ROLE,
                        "kitchen", Setting.NEW_ORDER_SOUND, "off"), Map.of()), Clock.systemDefaultZone());
                BackendClient http = new BackendClient("backend", Setting.TOKEN, backend.baseUri(), null,
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 24)) {
            orders = OrderServerClient.central(http, Clock.systemDefaultZone().getZone());
            // heard first, before the board's own listener queues its work for the FX thread
            runtime.startFeed().addListener(new FeedListener() {
                @Override
                public void onOrder(OrderEvent event) {
                    if (event.type() == OrderEventType.NEW_ORDER) {
                        heardAt.putIfAbsent(event.order().orderNumber(), System.nanoTime());
                    }
                }
            });
            KitchenWindow[] window = new KitchenWindow[1];
            Stage[] stage = new Stage[1];
            CountDownLatch shown = new CountDownLatch(1);
            Platform.runLater(() -> {
                window[0] = KitchenRole.window(new RunningTerminal(runtime), Messages.english());
                stage[0] = new Stage();
                window[0].show(stage[0]);
                Parent board = (Parent) stage[0].getScene().lookup("#ticket-board");
                ((javafx.scene.layout.Pane) board).getChildren().addListener((ListChangeListener<Node>) change -> {
                    long now = System.nanoTime();
                    while (change.next()) {
                        for (Node card : change.getAddedSubList()) {
                            // a card carries its ticket's number as a property (an id per order grew JavaFX's style cache)
                            shownAt.putIfAbsent(String.valueOf(card.getProperties().get("ticket-number")), now);
                        }
                    }
                });
                new AnimationTimer() {
                    @Override
                    public void handle(long frame) {
                        long now = System.nanoTime();
                        if (lastFrame != 0) {
                            longestFrameGap.accumulateAndGet(now - lastFrame, Math::max);
                        }
                        lastFrame = now;
                    }
                }.start();
                shown.countDown();
            });
            shown.await(30, TimeUnit.SECONDS);
            awaitOnBoard(place(open), 120);
            List<String> paced = new ArrayList<>();
            for (int i = 0; i < PACED; i++) {
                paced.addAll(place(1));
                awaitOnBoard(paced, 30);
                java.util.concurrent.locks.LockSupport.parkNanos(40_000_000L); // pacing: one order every 40 ms
            }
            longestFrameGap.set(0);
            lastFrame = 0;
            List<String> burst = place(BURST);
            awaitOnBoard(burst, 60);
            long gap = longestFrameGap.get();
            Platform.runLater(() -> {
                window[0].close();
                stage[0].hide();
            });
            List<Double> pacedMs = latencies(paced);
            List<Double> burstMs = latencies(burst);
            return new String[] {Integer.toString(open), BenchTable.ms(percentile(pacedMs, 50)),
                    BenchTable.ms(percentile(pacedMs, 99)), BenchTable.ms(percentile(burstMs, 50)),
                    BenchTable.ms(percentile(burstMs, 99)), BenchTable.ms(gap / 1e6)};
        }
    }

    /** Places orders on the backend; answers their order numbers. */
    private List<String> place(int count) throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NewOrder order = new NewOrder(1, UUID.randomUUID().toString(), "Tamu " + i,
                    List.of(new OrderItem(1 + i % 6, null, 1 + i % 3, null, i % 5 == 0 ? "tidak pedas" : null)), null);
            numbers.add(orders.place(order, Instant.now()).orderNumber());
        }
        return numbers;
    }

    private void awaitOnBoard(List<String> numbers, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!numbers.stream().allMatch(number -> shownAt.containsKey(cardId(number)))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every order reached the board in " + seconds + " s");
            }
            // a spinning wait would take one of the two cores from the board it measures
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
    }

    private List<Double> latencies(List<String> numbers) {
        List<Double> millis = new ArrayList<>();
        for (String number : numbers) {
            millis.add((shownAt.get(cardId(number)) - heardAt.get(number)) / 1e6);
        }
        return millis;
    }

    private static String cardId(String orderNumber) {
        String last = orderNumber.substring(orderNumber.lastIndexOf('-') + 1).replaceFirst("^0+(?=.)", "");
        return last;
    }

    private static double percentile(List<Double> samples, int percent) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
