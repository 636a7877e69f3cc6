package id.outletkiosk.bench;

import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.OrderBook;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kiosk's start and footprint, each in a fresh JVM as on a store PC: time from process start to
 * a menu grid showing dishes, from a warm local store (500 dishes in 10 categories, pictures cached)
 * with the network down; and resident memory after browsing every category to the bottom. Baseline:
 * an empty JavaFX window started the same way, in the same run.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench=KioskStartupBenchmark}; under Xvfb
 * (DISPLAY set) the children use GTK, otherwise Monocle headless.
 */
public final class KioskStartupBenchmark {
    /** What packaging/ and the javafx:run configuration give the app. */
    static final List<String> APP_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms48m", "-Xmx256m", "-Xmn8m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:TieredStopAtLevel=1");
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("bench-kiosk");
        Path store = work.resolve("store");
        Clock clock = Clock.systemDefaultZone();
        MasterDataRepository menu = new MasterDataRepository();
        SampleMenu.generate(menu, clock, 10, 500, 20);
        ReferenceBackend backend = new ReferenceBackend(menu, new OrderBook(menu, clock),
                ReferenceBackend.Options.loopback()).start();
        // warm the store and the picture cache once, online
        probe(APP_JVM_OPTIONS, "browse", backend.baseUri().toString(), store);
        String unreachable = backend.baseUri().toString();
        backend.close(); // from here on nothing listens there: the network is down

        Map<String, List<Double>> startMs = new HashMap<>();
        for (int run = 0; run < RUNS; run++) { // interleaved, so machine noise hits every case alike
            add(startMs, "empty JavaFX window (baseline)", probe(APP_JVM_OPTIONS, "bare", null, null).wallMs);
            add(startMs, "kiosk menu, app JVM options", probe(APP_JVM_OPTIONS, "ready", unreachable, store).wallMs);
            add(startMs, "kiosk menu, JVM defaults", probe(List.of(), "ready", unreachable, store).wallMs);
        }
        Map<String, List<Double>> rssMb = new HashMap<>();
        Map<String, List<Double>> heapMb = new HashMap<>();
        for (int run = 0; run < 3; run++) {
            for (var jvm : Map.of("app JVM options", APP_JVM_OPTIONS, "JVM defaults", List.<String>of()).entrySet()) {
                Result browsed = probe(jvm.getValue(), "browse", unreachable, store);
                add(rssMb, jvm.getKey(), browsed.rssKb / 1024.0);
                add(heapMb, jvm.getKey(), browsed.heapKb / 1024.0);
            }
        }

        System.out.printf("# kiosk start, warm store, network down (%d runs each, display: %s)%n%n", RUNS,
                System.getenv("DISPLAY") == null ? "Monocle headless" : "Xvfb/GTK " + System.getenv("DISPLAY"));
        double baseline = BenchTable.median(startMs.get("empty JavaFX window (baseline)"));
        BenchTable start = new BenchTable("case", "median ms from process start", "min ms", "ratio to baseline");
        for (String name : List.of("empty JavaFX window (baseline)", "kiosk menu, app JVM options",
                "kiosk menu, JVM defaults")) {
            double median = BenchTable.median(startMs.get(name));
            start.row(name, BenchTable.ms(median), BenchTable.ms(startMs.get(name).stream().mapToDouble(d -> d).min()
                    .orElse(0)), String.format("%.2f", median / baseline));
        }
        start.print();
        System.out.println("# resident memory after browsing all 10 categories (500 dishes, pictures) to the bottom");
        System.out.println();
        BenchTable memory = new BenchTable("JVM", "median RSS MB", "median live heap MB (after a GC)");
        for (String name : List.of("app JVM options", "JVM defaults")) {
            memory.row(name + (name.startsWith("app") ? " " + String.join(" ", APP_JVM_OPTIONS) : ""),
                    String.format("%.0f", BenchTable.median(rssMb.get(name))),
                    String.format("%.0f", BenchTable.median(heapMb.get(name))));
        }
        memory.print();
    }

    private record Result(double wallMs, long rssKb, long heapKb) {
    }

    private static void add(Map<String, List<Double>> samples, String name, double value) {
        samples.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    private static Result probe(List<String> jvmOptions, String mode, String backend, Path store)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(displayOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KioskStartupProbe.class.getName(), mode));
        if (backend != null) {
            command.addAll(List.of(backend, store.toString()));
        }
        Path errors = Files.createTempFile("kiosk-probe", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put("OUTLET_KIOSK_LOG_LEVEL", "WARN");
        long started = System.nanoTime();
        Process child = builder.start();
        double wallMs = -1;
        long rss = -1;
        long heap = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    wallMs = (System.nanoTime() - started) / 1e6;
                } else if (line.startsWith("RSS_KB ")) {
                    rss = Long.parseLong(line.substring(7).trim());
                } else if (line.startsWith("HEAP_LIVE_KB ")) {
                    heap = Long.parseLong(line.substring(13).trim());
                }
            }
        }
        if (!child.waitFor(120, TimeUnit.SECONDS) || child.exitValue() != 0 || wallMs < 0) {
            child.destroyForcibly();
            List<String> log = Files.readAllLines(errors);
            throw new IllegalStateException("probe " + mode + " failed (exit " + child.exitValue() + "):\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 15), log.size())));
        }
        Files.delete(errors);
        return new Result(wallMs, rss, heap);
    }

    private static List<String> displayOptions() {
        if (System.getenv("DISPLAY") != null) {
            return List.of("-Dprism.order=sw");
        }
        return List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true");
    }
}
