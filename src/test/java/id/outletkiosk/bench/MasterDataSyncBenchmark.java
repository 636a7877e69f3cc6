package id.outletkiosk.bench;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.sync.SyncRoundResult;
import id.outletkiosk.testing.SyncHarness;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Master-data sync from the reference backend on loopback into SQLite: a cold prefetch of 10,000
 * products, 100 categories and 500 promotions into an empty store, a sync with nothing new, and a sync
 * after one price change; the baseline is the same three downloads read without decoding or storing.
 * A second table times a fresh JVM running {@code sync --once}, as a terminal does at start.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench=MasterDataSyncBenchmark}
 */
public final class MasterDataSyncBenchmark {
    private static final int PRODUCTS = 10_000;
    private static final int CATEGORIES = 100;
    private static final int PROMOTIONS = 500;
    private static final int WARMUP = 3;
    private static final int RUNS = 9;
    private static final int FRESH_JVM_RUNS = 5;

    public static void main(String[] args) throws Exception {
        MasterDataRepository menu = new MasterDataRepository();
        SampleMenu.generate(menu, Clock.systemUTC(), CATEGORIES, PRODUCTS, PROMOTIONS);
        Path work = Files.createTempDirectory("bench-sync");
        try (ReferenceBackend backend = new ReferenceBackend(menu, ReferenceBackend.Options.loopback()).start()) {
            System.out.printf("# master-data sync: %d products, %d categories, %d promotions (%d rows); %d runs after"
                    + " %d warm-up, medians%n%n", PRODUCTS, CATEGORIES, PROMOTIONS, PRODUCTS + CATEGORIES + PROMOTIONS,
                    RUNS, WARMUP);
            inProcess(menu, backend, work);
            freshJvm(backend, work);
        }
    }

    private static void inProcess(MasterDataRepository menu, ReferenceBackend backend, Path work) throws Exception {
        List<Double> baseline = new ArrayList<>();
        List<Double> smallBaseline = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> unchanged = new ArrayList<>();
        List<Double> oneRow = new ArrayList<>();
        long baselineBytes = 0;
        SyncRoundResult coldResult = null;
        SyncRoundResult unchangedResult = null;
        SyncRoundResult oneRowResult = null;
        for (int run = 0; run < WARMUP + RUNS; run++) {
            boolean counted = run >= WARMUP;
            long start = System.nanoTime();
            try (BackendClient client = newClient(backend)) {
                baselineBytes = downloadOnly(client, 0);
            }
            record(counted, baseline, start);

            Path folder = Files.createDirectories(work.resolve("run-" + run));
            try (SyncHarness kiosk = SyncHarness.against(folder, backend.baseUri())) {
                start = System.nanoTime();
                coldResult = kiosk.sync.runRound();
                record(counted, cold, start);

                start = System.nanoTime();
                unchangedResult = kiosk.sync.runRound();
                record(counted, unchanged, start);

                start = System.nanoTime();
                downloadOnly(kiosk.client, coldResult.toVersions().get(EntityKind.PRODUCTS));
                record(counted, smallBaseline, start);

                long id = 1 + run;
                menu.update(EntityKind.PRODUCTS, id, row -> {
                    Product p = (Product) row;
                    return new Product(p.id(), p.name(), p.categoryId(), p.price().add(BigDecimal.valueOf(500)),
                            p.description(), p.imageUrl(), p.available(), p.active(), p.version(), p.updatedAt());
                });
                start = System.nanoTime();
                oneRowResult = kiosk.sync.runRound();
                record(counted, oneRow, start);
            }
        }
        BenchTable table = new BenchTable("case", "median ms", "rows received", "rows/s", "bytes received",
                "rows written", "ratio to baseline");
        double base = BenchTable.median(baseline);
        table.row("baseline: download only (3 GETs, no decode, no store)", BenchTable.ms(base), "-", "-", baselineBytes,
                "-", "1.00");
        addRow(table, "cold prefetch into an empty store", cold, coldResult, base);
        double small = BenchTable.median(smallBaseline);
        table.row("baseline: 3 GETs with nothing new (no decode, no store)", BenchTable.ms(small), "-", "-", 90, "-",
                String.format("%.2f", small / base));
        addRow(table, "sync with nothing new", unchanged, unchangedResult, base);
        addRow(table, "sync after one price change", oneRow, oneRowResult, base);
        table.print();
    }

    private static void addRow(BenchTable table, String name, List<Double> samples, SyncRoundResult result,
            double baseline) {
        double median = BenchTable.median(samples);
        int rows = result.totalRowsReceived();
        table.row(name, BenchTable.ms(median), rows, String.format("%.0f", rows / (median / 1000)),
                result.bytesReceived(), result.totalRowsWritten(), String.format("%.2f", median / baseline));
    }

    private static void record(boolean counted, List<Double> samples, long startNanos) {
        if (counted) {
            samples.add((System.nanoTime() - startNanos) / 1e6);
        }
    }

    private static BackendClient newClient(ReferenceBackend backend) {
        return new BackendClient(backend.baseUri(), null, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 256L << 20);
    }

    /** The network part alone: the three downloads since a version, bodies read and thrown away. */
    private static long downloadOnly(BackendClient client, long sinceVersion) throws Exception {
        long bytes = 0;
        for (EntityKind kind : EntityKind.values()) {
            bytes += client.getJson(client.apiUrl(kind.wireName() + "/").newBuilder()
                    .addQueryParameter("since_version", Long.toString(sinceVersion)).build(), kind).byteCount();
        }
        return bytes;
    }

    /** What a terminal pays at start: a new JVM that opens the store and runs one round. */
    private static void freshJvm(ReferenceBackend backend, Path work) throws IOException, InterruptedException {
        List<Double> wall = new ArrayList<>();
        List<Double> round = new ArrayList<>();
        List<Double> startup = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 0; run < FRESH_JVM_RUNS; run++) {
            Path folder = Files.createDirectories(work.resolve("jvm-" + run));
            long start = System.nanoTime();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "id.outletkiosk.Main", "sync", "--once", "--json", "--backend", backend.baseUri().toString(),
                    "--data-dir", folder.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("sync --once failed: " + output);
            }
            double wallMs = (System.nanoTime() - start) / 1e6;
            double roundMs = Double.parseDouble(output.replaceAll("(?s).*\"duration_ms\":(\\d+).*", "$1"));
            wall.add(wallMs);
            round.add(roundMs);
            startup.add(wallMs - roundMs);

            start = System.nanoTime();
            Process trivial = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "id.outletkiosk.Main", "--version").redirectErrorStream(true).start();
            trivial.getInputStream().readAllBytes();
            trivial.waitFor(60, TimeUnit.SECONDS);
            startup.set(startup.size() - 1, (System.nanoTime() - start) / 1e6);
        }
        BenchTable table = new BenchTable("fresh JVM, cold prefetch of 10,600 rows", "median ms");
        table.row("baseline: JVM start + `--version` only", BenchTable.ms(BenchTable.median(startup)));
        table.row("whole process: `sync --once` (JVM start, store open, round, exit)", BenchTable.ms(BenchTable.median(wall)));
        table.row("the round itself inside that first JVM (duration_ms)", BenchTable.ms(BenchTable.median(round)));
        table.print();
    }
}
