package id.outletkiosk.bench;

import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code sync --once} of 10,600 rows (10,000 products, 100 categories, 500 promotions) into an empty
 * store, in a fresh process, against {@code --version} in a fresh process (the baseline, same run),
 * both as whole-process wall time: through the app image's launcher, and with {@code java -jar} and the
 * system JDK for reference. The reference backend runs in this JVM on loopback.
 *
 * <p>Run: {@code packaging/build-app-image.sh && mvn -B -q -Pbench test-compile exec:exec
 * -Dbench=InstalledSyncOnceBenchmark}. Environment: {@code BENCH_IMAGE} (default
 * target/installer/OutletKiosk), {@code BENCH_BEFORE_IMAGE}: a second app image in the same run,
 * interleaved; {@code BENCH_RUNS} (default 7).
 */
public final class InstalledSyncOnceBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "7"));
        Map<String, List<String>> starters = new LinkedHashMap<>();
        Path image = Path.of(System.getenv().getOrDefault("BENCH_IMAGE", "target/installer/OutletKiosk"));
        starters.put("this branch, app image launcher", List.of(image.resolve("bin/OutletKiosk").toString()));
        if (System.getenv("BENCH_BEFORE_IMAGE") != null) {
            Path before = Path.of(System.getenv("BENCH_BEFORE_IMAGE"));
            starters.put("before, app image launcher", List.of(before.resolve("bin/OutletKiosk").toString()));
        }
        starters.put("this branch, java -jar (system JDK)", List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-jar", image.resolve("lib/app/outlet-kiosk.jar").toString()));

        MasterDataRepository menu = new MasterDataRepository();
        SampleMenu.generate(menu, Clock.systemUTC(), 100, 10_000, 500);
        Path work = Files.createTempDirectory("bench-sync-once");
        Map<String, List<Double>> versionMs = new LinkedHashMap<>();
        Map<String, List<Double>> syncMs = new LinkedHashMap<>();
        try (ReferenceBackend backend = new ReferenceBackend(menu, ReferenceBackend.Options.loopback()).start();
                AutoCloseable scratch = () -> TempFolders.deleteTree(work)) { // the synced stores: nothing left in /tmp
            for (int run = -1; run < runs; run++) { // run -1 warms the disk cache and is not counted
                for (var starter : starters.entrySet()) {
                    List<String> version = new ArrayList<>(starter.getValue());
                    version.add("--version");
                    List<String> sync = new ArrayList<>(starter.getValue());
                    sync.addAll(List.of("sync", "--once", "--backend", backend.baseUri().toString(), "--data-dir",
                            work.resolve("store-" + run + "-" + starter.getKey().hashCode()).toString()));
                    double v = wallMs(version, work);
                    double s = wallMs(sync, work);
                    if (run >= 0) {
                        versionMs.computeIfAbsent(starter.getKey(), key -> new ArrayList<>()).add(v);
                        syncMs.computeIfAbsent(starter.getKey(), key -> new ArrayList<>()).add(s);
                    }
                }
            }
        }
        System.out.printf("# fresh process: sync --once of 10,600 rows into an empty store vs --version; %d runs%n%n",
                runs);
        BenchTable table = new BenchTable("how started", "--version, median ms (range)",
                "sync --once, median ms (range)", "ratio sync / --version (medians)");
        for (String name : starters.keySet()) {
            table.row(name, summary(versionMs.get(name)), summary(syncMs.get(name)), String.format("%.2f",
                    BenchTable.median(syncMs.get(name)) / BenchTable.median(versionMs.get(name))));
        }
        table.print();
    }

    private static String summary(List<Double> values) {
        return String.format("%.0f (%.0f-%.0f)", BenchTable.median(values),
                values.stream().mapToDouble(d -> d).min().orElse(0), values.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static double wallMs(List<String> command, Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("HOME", home.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " failed");
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
