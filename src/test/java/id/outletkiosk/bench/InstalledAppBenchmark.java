package id.outletkiosk.bench;

import id.outletkiosk.security.ManagerPin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The installed app against the fat jar: how long the app image's launcher takes to answer
 * {@code --version} and {@code status --json} (what CI runs) next to {@code java -jar} with the system
 * JDK (the baseline, same run), the image's size, and the manager PIN check (PBKDF2, on the panel's
 * worker thread). Needs {@code packaging/build-app-image.sh} first.
 * Run: mvn -B -q -Pbench test-compile exec:exec -Dbench=InstalledAppBenchmark
 */
public final class InstalledAppBenchmark {
    private static final int RUNS = 9;

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of("target/installer/OutletKiosk/bin/OutletKiosk");
        Path jar = Path.of("target/outlet-kiosk.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("build first: packaging/build-app-image.sh");
        }
        Path scratch = Files.createTempDirectory("installed-app-bench");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        BenchTable table = new BenchTable("command", "app image launcher, median ms", "java -jar, median ms",
                "ratio");
        for (List<String> command : List.of(List.of("--version"),
                List.of("status", "--json", "--data-dir", scratch.resolve("data").toString()))) {
            List<String> installed = new ArrayList<>(List.of(launcher.toString()));
            installed.addAll(command);
            List<String> plain = new ArrayList<>(List.of(java, "-jar", jar.toString()));
            plain.addAll(command);
            run(installed); // warm the disk cache for both before timing
            run(plain);
            List<Double> installedMs = new ArrayList<>();
            List<Double> plainMs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) { // alternate, so drift on a noisy machine hits both
                installedMs.add(run(installed));
                plainMs.add(run(plain));
            }
            double a = BenchTable.median(installedMs);
            double b = BenchTable.median(plainMs);
            table.row(String.join(" ", command.subList(0, Math.min(2, command.size()))), BenchTable.ms(a),
                    BenchTable.ms(b), String.format("%.2f", a / b));
        }
        table.print();

        BenchTable sizes = new BenchTable("artifact", "size MB");
        sizes.row("app image (target/installer/OutletKiosk)", String.format("%.1f", bytes(launcher.getParent().getParent()) / 1e6));
        sizes.row("fat jar (target/outlet-kiosk.jar)", String.format("%.1f", Files.size(jar) / 1e6));
        sizes.print();

        ManagerPin.set(scratch, "2468".toCharArray());
        ManagerPin pin = ManagerPin.load(scratch).orElseThrow();
        List<Double> checks = new ArrayList<>();
        for (int i = 0; i < RUNS + 2; i++) {
            long start = System.nanoTime();
            pin.matches("1357".toCharArray());
            checks.add((System.nanoTime() - start) / 1e6);
        }
        BenchTable pinTable = new BenchTable("manager PIN check (PBKDF2-SHA256, 210,000 iterations)", "median ms");
        pinTable.row("one attempt, wrong PIN", BenchTable.ms(BenchTable.median(checks.subList(2, checks.size()))));
        pinTable.print();
    }

    private static double run(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited with " + process.exitValue());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static long bytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
