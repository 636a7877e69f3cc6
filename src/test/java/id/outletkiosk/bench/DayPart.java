package id.outletkiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One part of the {@link ServiceDayBenchmark}'s store in its own process: its log in a file, its report
 * lines read as they come ({@code R} answers, {@code E} failures, {@code P i} orders placed), commands
 * sent on its stdin. Closed: asked to quit, then stopped (SIGTERM, as a service is) if it does not.
 */
final class DayPart implements AutoCloseable {
    static final String STORE_SERVER = "store server";
    static final String KIOSK = "kiosk";
    static final String KITCHEN = "kitchen board";

    /** What a JVM prints (-Xlog's default warning, on stdout) when the GC locker kept jcmd's collection from running. */
    private static final String SKIPPED_COLLECTION = "pre-dump GC was skipped";

    private final String name;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(64);
    private final AtomicInteger placed = new AtomicInteger();
    private final AtomicInteger skippedCollections = new AtomicInteger();
    private volatile String failure;

    DayPart(String name, List<String> command, Path log) throws IOException {
        this.name = name;
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "reports of " + name);
        reader.setDaemon(true);
        reader.start();
    }

    long pid() {
        return process.pid();
    }

    /** Orders the kiosk reported placed. */
    int placed() {
        return placed.get();
    }

    private void read() {
        try (BufferedReader reports = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reports.readLine(); line != null; line = reports.readLine()) {
                if (line.startsWith("P ")) {
                    placed.set(Integer.parseInt(line.substring(2)));
                } else if (line.startsWith("E ")) {
                    failure = line.substring(2);
                    answers.offer(line);
                } else if (line.contains(SKIPPED_COLLECTION)) {
                    skippedCollections.incrementAndGet();
                } else if (line.startsWith("R ")) {
                    answers.offer(line);
                } else {
                    System.out.println(name + ": " + line); // the store server's own words
                }
            }
        } catch (IOException e) {
            failure = "its reports ended: " + e;
        }
    }

    /**
     * Its class histogram after a full collection: taken again (up to ten times) while the JVM says the
     * GC locker made it skip the collection, so the live heap counts no garbage.
     */
    List<String> histogram() throws IOException, InterruptedException {
        List<String> histogram = List.of();
        for (int attempt = 0; attempt < 10; attempt++) {
            int skipped = skippedCollections.get();
            histogram = ProcessProbe.histogram(pid());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // the JVM's warning, if any, comes on its stdout just before the histogram ends
            if (skippedCollections.get() == skipped) {
                return histogram;
            }
        }
        System.out.println(name + ": ten histograms in a row without a full collection; the last one counts");
        return histogram;
    }

    void awaitReady(int seconds) throws InterruptedException {
        String answer = answers.poll(seconds, TimeUnit.SECONDS);
        if (answer == null || !answer.startsWith("R ")) {
            throw new IllegalStateException(name + " did not start: " + (answer == null ? "no answer" : answer));
        }
    }

    void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    /** A part that failed or ended mid-day ends the run: its numbers would mean nothing. */
    void checkAlive() {
        if (failure != null || !process.isAlive()) {
            throw new IllegalStateException(name + " failed mid-day: " + (failure != null ? failure
                    : "exit " + process.exitValue()) + " (see its log)");
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("quit");
        } catch (IOException gone) {
            // already ended
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroy(); // this part's own process, started above
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
