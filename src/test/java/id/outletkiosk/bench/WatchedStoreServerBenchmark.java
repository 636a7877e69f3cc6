package id.outletkiosk.bench;

import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.store.TerminalReportCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The cost of being watched (issue 17): the store server's poll throughput and p99 under {@code wrk -t2 -c50}
 * (the poll mix of {@link StoreServerVsNodeBenchmark}) while 20 terminals report their health and a
 * Prometheus-like client scrapes {@code /metrics} every second, against the same server unwatched, in
 * alternating rounds of one process. Terminals report every 15 s in a store; here each reports every
 * second (20 reports a second), so the cost is visible at all. Also the scrape's own time and size.
 *
 * <p>Run: {@code mvn -B -o -q -Pbench test-compile exec:exec -Dbench=WatchedStoreServerBenchmark}; the
 * environment gives {@code BENCH_RUNS} (default 3), {@code BENCH_ROUNDS} (4: half watched, half not,
 * alternating which goes first) and {@code BENCH_SECONDS} (10). Logs: {@code target/watched-*.log}.
 */
public final class WatchedStoreServerBenchmark {
    private static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "3"));
    private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "4"));
    private static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "10"));
    private static final int TERMINALS = 20;
    private static final int IDLE_SCRAPES = 50;
    private static final List<String> ROLES = List.of("kiosk", "kitchen", "kitchen", "manager", "pickup");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("bench-watched");
        List<String> jvmOptions = StoreServerVsNodeBenchmark.serverJvmOptions(root);
        Path filled = work.resolve("filled");
        long newest = StoreServerVsNodeBenchmark.fill(root, jvmOptions, filled, work.resolve("orders.json"));
        List<String> mix = StoreServerVsNodeBenchmark.pollMix(newest);
        Path script = WrkRound.script(mix, work);

        List<WrkRound> unwatched = new ArrayList<>();
        List<WrkRound> watched = new ArrayList<>();
        List<Double> scrapeMs = Collections.synchronizedList(new ArrayList<>());
        List<Double> scrapeBytes = Collections.synchronizedList(new ArrayList<>());
        List<Double> idleScrapeMs = Collections.synchronizedList(new ArrayList<>());
        for (int run = 1; run <= RUNS; run++) {
            Path data = work.resolve("run-" + run);
            StoreServerVsNodeBenchmark.copy(filled, data);
            try (ServerProcess store = ServerProcess.start(StoreServerVsNodeBenchmark.storeServerCommand(root,
                    jvmOptions, data), mix.get(0), root.resolve("target/watched-run-" + run + ".log"))) {
                WrkRound.run(store.baseUri(), script, SECONDS); // warm-up, not counted
                for (int round = 1; round <= ROUNDS; round++) {
                    boolean watchedNow = (round + run) % 2 == 0;
                    if (watchedNow) {
                        watched.add(watchedRound(store.baseUri(), script, scrapeMs, scrapeBytes));
                    } else {
                        unwatched.add(WrkRound.run(store.baseUri(), script, SECONDS));
                    }
                }
                for (int scrape = 0; scrape < IDLE_SCRAPES; scrape++) { // the scrape alone: no polls meanwhile
                    scrape(store.baseUri(), idleScrapeMs, new ArrayList<>());
                }
            }
            System.err.printf("run %d of %d done%n", run, RUNS);
        }
        print(jvmOptions, unwatched, watched, scrapeMs, scrapeBytes, idleScrapeMs);
        System.exit(0);
    }

    /** One wrk round while the terminals report and the scraper scrapes, each once a second. */
    private static WrkRound watchedRound(String baseUri, Path script, List<Double> scrapeMs, List<Double> scrapeBytes)
            throws Exception {
        ScheduledExecutorService watchers = Executors.newScheduledThreadPool(2);
        try {
            watchers.scheduleAtFixedRate(() -> reportAll(baseUri), 0, 1, TimeUnit.SECONDS);
            watchers.scheduleAtFixedRate(() -> scrape(baseUri, scrapeMs, scrapeBytes), 500, 1000,
                    TimeUnit.MILLISECONDS);
            return WrkRound.run(baseUri, script, SECONDS);
        } finally {
            watchers.shutdownNow();
            watchers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void reportAll(String baseUri) {
        Instant now = Instant.now();
        for (int terminal = 1; terminal <= TERMINALS; terminal++) {
            TerminalReport report = new TerminalReport("T" + terminal, ROLES.get(terminal % ROLES.size()), "1.4.0",
                    terminal % 7 == 0 ? "polling" : "online", now.minusSeconds(600), 42, now.minusSeconds(900),
                    terminal % 3, 0, terminal % 5 == 0 ? List.of("MENU_OUTDATED") : List.of(), null);
            try {
                int status = HTTP.send(HttpRequest.newBuilder(URI.create(baseUri + "/api/terminals/health"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                TerminalReportCodec.encode(report, 1).toString())).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 204) {
                    System.err.println("a terminal report answered " + status);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the round is over
                return;
            } catch (Exception e) {
                System.err.println("a terminal report failed: " + e);
            }
        }
    }

    private static void scrape(String baseUri, List<Double> scrapeMs, List<Double> scrapeBytes) {
        try {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUri + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            scrapeMs.add((System.nanoTime() - start) / 1e6);
            scrapeBytes.add((double) answer.body().length);
            if (answer.statusCode() != 200) {
                System.err.println("a scrape answered " + answer.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the round is over
        } catch (Exception e) {
            System.err.println("a scrape failed: " + e);
        }
    }

    private static void print(List<String> jvmOptions, List<WrkRound> unwatched, List<WrkRound> watched,
            List<Double> scrapeMs, List<Double> scrapeBytes, List<Double> idleScrapeMs) {
        System.out.printf("store server JVM options: %s; %d runs x %d rounds of %d s, wrk -t2 -c50%n%n",
                String.join(" ", jvmOptions), RUNS, ROUNDS, SECONDS);
        BenchTable table = new BenchTable("store server", "rounds", "polls/s median", "range", "p99 ms median",
                "range", "errors");
        row(table, "unwatched", unwatched);
        row(table, "20 terminals reporting every 1 s + /metrics every 1 s", watched);
        table.print();
        double ratio = median(watched, WrkRound::requestsPerSecond) / median(unwatched, WrkRound::requestsPerSecond);
        double p99Ratio = median(watched, WrkRound::p99Ms) / median(unwatched, WrkRound::p99Ms);
        System.out.printf("watched / unwatched: polls/s %.3f, p99 %.2f%n%n", ratio, p99Ratio);
        BenchTable scrapes = new BenchTable("/metrics with 20 terminals", "scrapes", "median", "range");
        scrapes.row("time (ms, over HTTP, during the polls)", scrapeMs.size(),
                BenchTable.ms(BenchTable.median(scrapeMs)), range(scrapeMs, "%.1f"));
        scrapes.row("time (ms, over HTTP, server idle)", idleScrapeMs.size(),
                String.format("%.2f", BenchTable.median(idleScrapeMs)), range(idleScrapeMs, "%.2f"));
        scrapes.row("size (bytes)", scrapeBytes.size(), String.format("%.0f", BenchTable.median(scrapeBytes)),
                range(scrapeBytes, "%.0f"));
        scrapes.print();
    }

    private static void row(BenchTable table, String name, List<WrkRound> rounds) {
        List<Double> rates = rounds.stream().map(WrkRound::requestsPerSecond).toList();
        List<Double> p99s = rounds.stream().map(WrkRound::p99Ms).toList();
        table.row(name, rounds.size(), String.format("%.0f", BenchTable.median(rates)), range(rates, "%.0f"),
                BenchTable.ms(BenchTable.median(p99s)), range(p99s, "%.1f"),
                rounds.stream().mapToLong(WrkRound::errors).sum());
    }

    private static double median(List<WrkRound> rounds, java.util.function.ToDoubleFunction<WrkRound> figure) {
        return BenchTable.median(rounds.stream().map(round -> figure.applyAsDouble(round)).toList());
    }

    private static String range(List<Double> samples, String format) {
        return String.format(format + " to " + format, samples.stream().mapToDouble(Double::doubleValue).min()
                .orElse(0), samples.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
}
