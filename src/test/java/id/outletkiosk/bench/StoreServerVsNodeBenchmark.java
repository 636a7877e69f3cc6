package id.outletkiosk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The store server against the seed's Node server (issue 16), both as real processes on this machine's
 * two cores, loaded by {@code wrk -t2 -c50 --latency} polling {@code since_id} in rounds. The store
 * server runs as a store runs it: the {@code store-server} command with its launcher's JVM options
 * (read from the packaging files), its orders in SQLite. The Node server (src/test/bench-node/seed-server.js)
 * holds the same orders in memory, read from the store server's own answer, so both send the same bytes.
 *
 * <p>Each run starts both afresh. Round 1 of each begins right after its first answer (the first seconds
 * after a start); later rounds alternate which server goes first, so both see the same machine.
 *
 * <p>Run: {@code mvn -B -o -q -Pbench test-compile exec:exec -Dbench=StoreServerVsNodeBenchmark}; the
 * environment gives {@code BENCH_RUNS} (default 3), {@code BENCH_ROUNDS} (5), {@code BENCH_SECONDS} (10),
 * {@code BENCH_SERVER_JVM_OPTIONS} (instead of the launcher's), {@code BENCH_SERVER_EXTRA_OPTIONS}
 * (added to them: a flight recording, say), {@code BENCH_SERVER_ARGS} (added to the command: {@code --warm-up
 * 1s}, say), {@code BENCH_FIRST_ROUND=from-start} (round 1 counted from the process's start, not its first
 * answer) and {@code BENCH_APP_IMAGE} (an app image's folder, target/installer/OutletKiosk: the store server
 * started by its own launcher there, with the launcher's options and class-data archive, instead of
 * {@code java} over target/classes; the JVM option variables do not apply then). Logs: {@code target/vs-node-*.log}.
 */
public final class StoreServerVsNodeBenchmark {
    private static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "3"));
    private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "5"));
    private static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "10"));
    /**
     * "from-start": round 1 ends {@code SECONDS} after the process started (its length rounded to whole seconds,
     * as wrk takes them) and its rate is what was answered over that whole time, start included: what terminals
     * polling a restarting server get. Otherwise round 1 lasts {@code SECONDS} from the first answer.
     */
    private static final boolean FIRST_ROUND_FROM_START = "from-start".equals(
            System.getenv().getOrDefault("BENCH_FIRST_ROUND", "from-first-answer"));
    /** As many as the seed kept per outlet, so both servers hold exactly the same orders. */
    private static final int ORDERS = 100;
    /**
     * wrk's 50 connections all come from 127.0.0.1, where the store's default budget per address (50 a
     * second) would turn nearly all of them away: the benchmark raises it, the protection stays.
     */
    private static final String REQUESTS_PER_SECOND = "1000000";
    private static final String NODE_SERVER = "src/test/bench-node/seed-server.js";
    /** An app image whose OutletStoreServer launcher runs the store server; null: java over target/classes. */
    private static final String APP_IMAGE = System.getenv("BENCH_APP_IMAGE");
    private static final String SERVER_ARGS = System.getenv().getOrDefault("BENCH_SERVER_ARGS", "");

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("bench-vs-node");
        try {
            compare(root, work);
        } finally {
            TempFolders.deleteTree(work); // the filled store and each run's copy: nothing left in /tmp
        }
        System.exit(0);
    }

    private static void compare(Path root, Path work) throws Exception {
        List<String> jvmOptions = serverJvmOptions(root);
        Path filled = work.resolve("filled");
        Path orders = work.resolve("orders.json");
        long newest = fill(root, jvmOptions, filled, orders);
        List<String> mix = pollMix(newest);
        Path script = WrkRound.script(mix, work);

        List<List<WrkRound>> node = new ArrayList<>();
        List<List<WrkRound>> java = new ArrayList<>();
        List<Double> nodeStarts = new ArrayList<>();
        List<Double> javaStarts = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Path data = work.resolve("run-" + run);
            copy(filled, data);
            List<WrkRound> nodeRounds = new ArrayList<>();
            List<WrkRound> javaRounds = new ArrayList<>();
            try (ServerProcess seed = ServerProcess.start(nodeCommand(root, orders), mix.get(0),
                    root.resolve("target/vs-node-node-run-" + run + ".log"))) {
                nodeStarts.add(seed.startToFirstAnswerMs());
                nodeRounds.add(firstRound(seed, script));
                try (ServerProcess store = ServerProcess.start(storeServerCommand(root, jvmOptions, data), mix.get(0),
                        root.resolve("target/vs-node-java-run-" + run + ".log"))) {
                    javaStarts.add(store.startToFirstAnswerMs());
                    javaRounds.add(firstRound(store, script));
                    requireSameAnswers(seed, store, mix);
                    for (int round = 2; round <= ROUNDS; round++) {
                        boolean javaFirst = round % 2 == 0;
                        if (javaFirst) {
                            javaRounds.add(WrkRound.run(store.baseUri(), script, SECONDS));
                        }
                        nodeRounds.add(WrkRound.run(seed.baseUri(), script, SECONDS));
                        if (!javaFirst) {
                            javaRounds.add(WrkRound.run(store.baseUri(), script, SECONDS));
                        }
                    }
                }
            }
            node.add(nodeRounds);
            java.add(javaRounds);
            System.err.printf("run %d of %d done%n", run, RUNS);
        }
        new VsNodeReport(serverDescription(jvmOptions), mix, SECONDS, FIRST_ROUND_FROM_START, node, java, nodeStarts, javaStarts).print();
    }

    private static WrkRound firstRound(ServerProcess server, Path script) throws IOException, InterruptedException {
        if (!FIRST_ROUND_FROM_START) {
            return WrkRound.run(server.baseUri(), script, SECONDS);
        }
        double startSeconds = server.startToFirstAnswerMs() / 1000;
        int seconds = (int) Math.max(1, Math.round(SECONDS - startSeconds));
        return WrkRound.run(server.baseUri(), script, seconds).overTimeSinceStart(startSeconds, seconds);
    }

    /** What the report says the store server ran with: its JVM options or its app image, and added arguments. */
    private static List<String> serverDescription(List<String> jvmOptions) {
        List<String> said = new ArrayList<>(APP_IMAGE != null
                ? List.of("the launcher " + Path.of(APP_IMAGE, "bin", "OutletStoreServer")) : jvmOptions);
        if (!SERVER_ARGS.isBlank()) {
            said.add("args: " + SERVER_ARGS.trim());
        }
        return said;
    }

    /** The store server's launcher options: its own launcher's where it has one, else the main launcher's. */
    static List<String> serverJvmOptions(Path root) throws IOException {
        String given = System.getenv("BENCH_SERVER_JVM_OPTIONS");
        List<String> options = new ArrayList<>();
        Path ownLauncher = root.resolve("packaging/store-server-launcher.properties");
        if (given != null) {
            options.addAll(Arrays.asList(given.trim().split("\\s+")));
        } else if (Files.exists(ownLauncher)) {
            // the class-data archive exists only inside an app image ($APPDIR): BENCH_APP_IMAGE runs with it
            LauncherOptions.ofAddedLauncher(ownLauncher).stream()
                    .filter(option -> !option.startsWith("-XX:SharedArchiveFile")).forEach(options::add);
        } else {
            options.addAll(LauncherOptions.ofMainLauncher(root));
        }
        String extra = System.getenv("BENCH_SERVER_EXTRA_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        return options;
    }

    /**
     * Terminals poll with their own since_id: of every 20 polls, 16 are caught up (nothing new), 3 have
     * the last 3 orders to fetch and 1 the last 20 (a screen back from a restart).
     */
    static List<String> pollMix(long newest) {
        List<String> mix = new ArrayList<>();
        mix.addAll(Collections.nCopies(16, poll(newest)));
        mix.addAll(Collections.nCopies(3, poll(newest - 3)));
        mix.add(poll(newest - 20));
        return mix;
    }

    private static String poll(long sinceId) {
        return "/api/orders?outlet_id=1&since_id=" + sinceId;
    }

    /** The store server's orders, placed through its own route; its answer becomes the Node server's file. */
    static long fill(Path root, List<String> jvmOptions, Path data, Path ordersFile) throws Exception {
        try (ServerProcess store = ServerProcess.start(storeServerCommand(root, jvmOptions, data), poll(0),
                root.resolve("target/vs-node-fill.log"))) {
            for (int n = 1; n <= ORDERS; n++) {
                int status = store.post("/api/orders", order(n));
                if (status != 201) {
                    throw new IllegalStateException("placing order " + n + " answered " + status);
                }
            }
            String all = store.get(poll(0));
            Files.writeString(ordersFile, all);
            JsonNode list = Json.read(all.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return list.get(list.size() - 1).get("id").asLong();
        }
    }

    /** A kiosk's order: one to three dishes, a customer name, its own client order id. */
    private static String order(int n) {
        StringBuilder items = new StringBuilder();
        for (int line = 0; line <= n % 3; line++) {
            items.append(line == 0 ? "" : ",").append(String.format("{\"product\": %d, \"product_name\": \"Menu %d\", "
                    + "\"quantity\": %d, \"price\": \"%d\", \"notes\": %s}", 1 + (n + line) % 40, 1 + (n + line) % 40,
                    1 + line, 15000 + 1000 * line, line == 1 ? "\"tidak pedas\"" : "null"));
        }
        return String.format("{\"outlet_id\": 1, \"client_order_id\": \"bench-%d\", \"customer_name\": \"Tamu %d\", "
                + "\"status\": \"pending\", \"created_at\": \"2026-11-30T11:%02d:%02dZ\", \"items\": [%s]}", n, n,
                n / 60, n % 60, items);
    }

    static List<String> storeServerCommand(Path root, List<String> jvmOptions, Path data) {
        List<String> command = new ArrayList<>();
        if (APP_IMAGE != null) {
            // given any arguments, a jpackage launcher drops its arguments= line (store-server): name the command
            command.addAll(List.of(Path.of(APP_IMAGE, "bin", "OutletStoreServer").toAbsolutePath().toString(),
                    "store-server"));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", runtimeClassPath(), "id.outletkiosk.Main", "store-server"));
        }
        command.addAll(List.of("--host", "127.0.0.1", "--port", "0", "--data-dir", data.toString(),
                "--requests-per-second", REQUESTS_PER_SECOND));
        if (!SERVER_ARGS.isBlank()) {
            command.addAll(Arrays.asList(SERVER_ARGS.trim().split("\\s+")));
        }
        return command;
    }

    /** target/classes and the main dependencies (the benchmark's class path minus the test classes). */
    private static String runtimeClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
    }

    private static List<String> nodeCommand(Path root, Path orders) {
        return List.of("/usr/bin/node", root.resolve(NODE_SERVER).toString(), orders.toString(), "0");
    }

    /** Both servers must send the same bytes for every poll of the mix, or the comparison is unfair. */
    private static void requireSameAnswers(ServerProcess seed, ServerProcess store, List<String> mix) throws Exception {
        for (String path : new LinkedHashSet<>(mix)) {
            String fromNode = seed.get(path);
            String fromJava = store.get(path);
            if (!fromNode.equals(fromJava)) {
                throw new IllegalStateException("the servers answer " + path + " differently:\nnode: " + fromNode
                        + "\njava: " + fromJava);
            }
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
