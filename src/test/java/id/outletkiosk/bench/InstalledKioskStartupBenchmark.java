package id.outletkiosk.bench;

import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.OrderBook;
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
import java.util.function.Predicate;

/**
 * The installed kiosk's start and footprint, measured through the app image's own launcher, runtime and
 * JVM options (see {@link ImageProbes}): process start to the first window, and to an interactive menu
 * (the welcome screen tapped the moment it can be, the grid showing dishes), from a warm store of 500
 * dishes with pictures and the network down; and resident memory after browsing all 500 dishes. The
 * baseline is the smallest JavaFX window (one label) started by a copy of the same launcher with the
 * same runtime and JVM options, except the kiosk's class-data archive, which is the kiosk's own lever.
 * A second baseline keeps even that archive. Every case of an image gets the environment its .deb's desktop
 * entry starts the kiosk with ({@code env GDK_GL=disable ...}, see {@link ImageProbes#startEnvironment}),
 * so the installed app is measured as it is started, and its baseline is started the same way.
 *
 * <p>Run: {@code packaging/build-app-image.sh && mvn -B -q -Pbench test-compile exec:exec
 * -Dbench=InstalledKioskStartupBenchmark}. Environment: {@code DISPLAY} set: GTK on that X server (e.g.
 * Xvfb), software rendering; unset: Monocle headless (its jar added to the probes' class path).
 * {@code BENCH_IMAGE} (default target/installer/OutletKiosk), {@code BENCH_BEFORE_IMAGE}: a second app
 * image measured in the same run, interleaved; {@code BENCH_RUNS} (default 7).
 */
public final class InstalledKioskStartupBenchmark {
    private static final String BARE = "smallest JavaFX window (baseline)";
    private static final String BARE_WITH_ARCHIVE = "smallest JavaFX window, with the kiosk's archive too";
    private static final int MEMORY_RUNS = 3;

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "7"));
        Map<String, Path> images = new LinkedHashMap<>();
        images.put("this branch", Path.of(System.getenv().getOrDefault("BENCH_IMAGE", "target/installer/OutletKiosk")));
        if (System.getenv("BENCH_BEFORE_IMAGE") != null) {
            images.put("before", Path.of(System.getenv("BENCH_BEFORE_IMAGE")));
        }
        Path work = Files.createTempDirectory("bench-installed-kiosk");
        Map<String, String> home = Map.of("HOME", work.toString());
        Path store = work.resolve("store");
        MasterDataRepository menu = new MasterDataRepository();
        SampleMenu.generate(menu, Clock.systemDefaultZone(), 10, 500, 20);
        ReferenceBackend backend = new ReferenceBackend(menu, new OrderBook(menu, Clock.systemDefaultZone()),
                ReferenceBackend.Options.loopback()).start();
        String unreachable = backend.baseUri().toString();

        Map<String, Samples> samples = new LinkedHashMap<>();
        List<ImageProbes> probes = new ArrayList<>();
        try {
            Map<String, Launchers> launchers = new LinkedHashMap<>();
            for (var image : images.entrySet()) {
                ImageProbes probe = new ImageProbes(image.getValue());
                probes.add(probe);
                launchers.put(image.getKey(), Launchers.install(probe));
            }
            // warm the store and the picture cache once, online; then nothing listens there: the network is down
            ImageProbes.run(launchers.get("this branch").browse(unreachable, store),
                    launchers.get("this branch").environment(home));
            backend.close();

            for (int run = 0; run < runs; run++) { // interleaved, so machine noise hits every case alike
                for (var image : launchers.entrySet()) {
                    String name = image.getKey();
                    Launchers launcher = image.getValue();
                    Map<String, String> environment = launcher.environment(home);
                    samples.computeIfAbsent(name + ": " + BARE, Samples::new)
                            .add(ImageProbes.run(launcher.bare(), environment), "READY", "READY");
                    if (launcher.hasArchive()) {
                        samples.computeIfAbsent(name + ": " + BARE_WITH_ARCHIVE, Samples::new)
                                .add(ImageProbes.run(launcher.bareWithArchive(), environment), "READY", "READY");
                    }
                    samples.computeIfAbsent(name + ": installed kiosk", Samples::new)
                            .add(ImageProbes.run(launcher.kiosk(unreachable, store), environment), "FIRST_FRAME", "READY");
                }
            }
            Map<String, List<Double>> rssMb = new LinkedHashMap<>();
            for (int run = 0; run < MEMORY_RUNS; run++) {
                for (var image : launchers.entrySet()) {
                    ImageProbes.Run browsed = ImageProbes.run(image.getValue().browse(unreachable, store),
                            image.getValue().environment(home));
                    rssMb.computeIfAbsent(image.getKey(), key -> new ArrayList<>())
                            .add(browsed.values().get("RSS_KB") / 1024.0);
                }
            }
            print(runs, samples, rssMb, launchers);
        } finally {
            backend.close();
            for (ImageProbes probe : probes) {
                probe.close();
            }
            TempFolders.deleteTree(work); // the warm store, its pictures and the probes' home
        }
    }

    private static void print(int runs, Map<String, Samples> samples, Map<String, List<Double>> rssMb,
            Map<String, Launchers> launchers) {
        System.out.printf("# installed kiosk start, warm store (500 dishes, pictures), network down; %d runs each;"
                + " display: %s%n%n", runs, System.getenv("DISPLAY") == null ? "Monocle headless"
                : "X server " + System.getenv("DISPLAY") + " (GTK, prism.order=sw)");
        BenchTable table = new BenchTable("image: case", "first window, median ms (range)",
                "interactive menu, median ms (range)", "first window / baseline", "menu / baseline");
        for (var image : launchers.keySet()) {
            double baseline = BenchTable.median(samples.get(image + ": " + BARE).menuMs);
            for (var entry : samples.entrySet()) {
                if (entry.getKey().startsWith(image + ": ")) {
                    Samples s = entry.getValue();
                    table.row(entry.getKey(), Samples.summary(s.firstMs), Samples.summary(s.menuMs),
                            String.format("%.2f", BenchTable.median(s.firstMs) / baseline),
                            String.format("%.2f", BenchTable.median(s.menuMs) / baseline));
                }
            }
        }
        table.print();
        BenchTable memory = new BenchTable("image", "RSS MB after browsing 500 dishes, median (range)", "JVM options",
                "environment (its desktop entry's)");
        for (var image : rssMb.entrySet()) {
            ImageProbes probes = launchers.get(image.getKey()).probes;
            memory.row(image.getKey(), Samples.summary(image.getValue()).replace(".0", ""),
                    String.join(" ", probes.kioskJavaOptions()), probes.startEnvironment().toString());
        }
        memory.print();
    }

    /** One case's samples: ms to its first window and to its menu (the same moment for the baseline). */
    private static final class Samples {
        final List<Double> firstMs = new ArrayList<>();
        final List<Double> menuMs = new ArrayList<>();

        Samples(String name) {
        }

        void add(ImageProbes.Run run, String first, String menu) {
            firstMs.add(run.ms(first));
            menuMs.add(run.ms(menu));
        }

        static String summary(List<Double> values) {
            return String.format("%.0f (%.0f-%.0f)", BenchTable.median(values),
                    values.stream().mapToDouble(d -> d).min().orElse(0),
                    values.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    /** The probe launchers of one app image. */
    private record Launchers(ImageProbes probes, Path bareLauncher, Path bareWithArchiveLauncher, Path kioskLauncher,
            Path browseLauncher, boolean hasArchive) {
        static Launchers install(ImageProbes probes) throws java.io.IOException {
            List<String> display = displayOptions();
            Predicate<String> monocle = entry -> System.getenv("DISPLAY") == null && entry.contains("openjfx-monocle");
            Predicate<String> all = option -> true;
            Predicate<String> withoutArchive = option -> !option.startsWith("-XX:SharedArchiveFile");
            boolean archive = probes.kioskJavaOptions().stream().anyMatch(withoutArchive.negate());
            return new Launchers(probes,
                    probes.install("BenchBareWindow", KioskStartupProbe.class.getName(), withoutArchive, display, monocle),
                    probes.install("BenchBareWindowArchived", KioskStartupProbe.class.getName(), all, display, monocle),
                    probes.install("BenchKiosk", InstalledKioskProbe.class.getName(), all, display, monocle),
                    probes.install("BenchKioskBrowse", KioskStartupProbe.class.getName(), all, display, monocle),
                    archive);
        }

        /**
         * {@code home} plus what the image's desktop entry sets: every case of one image, the baseline too,
         * starts the way the installed app starts.
         */
        Map<String, String> environment(Map<String, String> home) {
            Map<String, String> environment = new LinkedHashMap<>(probes.startEnvironment());
            environment.putAll(home);
            return environment;
        }

        List<String> bare() {
            return List.of(bareLauncher.toString(), "bare");
        }

        List<String> bareWithArchive() {
            return List.of(bareWithArchiveLauncher.toString(), "bare");
        }

        List<String> kiosk(String backend, Path store) {
            return List.of(kioskLauncher.toString(), "ui", "--backend", backend, "--data-dir", store.toString(),
                    "--kiosk-mode", "off", "--connect-timeout", "1s");
        }

        List<String> browse(String backend, Path store) {
            return List.of(browseLauncher.toString(), "browse", backend, store.toString());
        }

        private static List<String> displayOptions() {
            if (System.getenv("DISPLAY") != null) {
                return List.of("-Dprism.order=sw");
            }
            return List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true");
        }
    }
}
