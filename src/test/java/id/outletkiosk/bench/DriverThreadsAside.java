package id.outletkiosk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps every thread of this driver JVM but the one that started it (which forks the screens and posts the
 * orders) at a lower priority (Linux {@code nice}), re-checked every 50 ms for threads started since: central's
 * Jetty threads, its compilers and collector then yield the two cores to the screen under test, as central does in
 * a store, where it is another machine. The screens are forked by the kept thread, so they start at the usual
 * priority. Linux only (threads are read from /proc and reniced with {@code renice}).
 *
 * <p>It says which way the figures were measured: a line when renicing fails (renice missing, or refused for a
 * thread that is still there) saying central is NOT niced and why, after which it stops trying; and on
 * {@link #close()} a line saying how central ran. The first sweep runs before the factory returns, so a missing
 * renice is reported before the first figure.
 */
final class DriverThreadsAside implements AutoCloseable {
    private static final List<String> RENICE = List.of("renice");

    private final String nice;
    private final List<String> renice;
    private final Consumer<String> report;
    private final Set<String> handled = new HashSet<>();
    private final AtomicInteger niced = new AtomicInteger();
    /** Why central is not (or no longer) niced; null while every renice worked. */
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "driver-threads-aside");
        thread.setDaemon(true);
        return thread;
    });

    private DriverThreadsAside(int nice, String keptThread, List<String> renice, Consumer<String> report) {
        this.nice = Integer.toString(nice);
        this.renice = List.copyOf(renice);
        this.report = report;
        handled.add(keptThread);
        reniceNewThreads();
        if (failure.get() == null) {
            watcher.scheduleWithFixedDelay(this::reniceNewThreads, 50, 50, TimeUnit.MILLISECONDS);
        }
    }

    /** From the calling thread on, every other thread of this JVM at {@code nice}; the caller keeps its own. */
    static DriverThreadsAside keepingCallerAt(int nice) throws IOException {
        return keepingCallerAt(nice, RENICE, System.out::println);
    }

    /**
     * @param renice the command, run with {@code -n <nice> -p <tid>} appended
     * @param report where the lines saying how central ran go (the benchmark's output)
     */
    static DriverThreadsAside keepingCallerAt(int nice, List<String> renice, Consumer<String> report)
            throws IOException {
        // /proc/thread-self is "<pid>/task/<tid>" for the thread that reads it
        String caller = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        return new DriverThreadsAside(nice, caller, renice, report);
    }

    /** True while every thread so far was reniced (none refused, renice there). */
    boolean working() {
        return failure.get() == null;
    }

    /** One line on how central ran: niced, or NOT niced and why. */
    String describe() {
        String why = failure.get();
        return why == null
                ? "central niced: " + niced.get() + " threads of the driver but the one posting the orders at nice " + nice
                : "central NOT niced (" + why + "; " + niced.get() + " threads niced before that): the figures are"
                        + " measured with central at the screen's priority";
    }

    private void reniceNewThreads() {
        if (failure.get() != null) {
            return;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            List<String> threads = tasks.map(task -> task.getFileName().toString())
                    .filter(tid -> !handled.contains(tid)).toList();
            for (String tid : threads) {
                String refused = renice(tid);
                if (refused != null && Files.exists(Path.of("/proc/self/task", tid))) {
                    fail(refused);
                    return;
                }
                handled.add(tid); // a thread that ended meanwhile is simply not there to renice
                if (refused == null) {
                    niced.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            fail("threads not read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        }
    }

    /** Null when the thread is reniced; else what went wrong, as renice (or the system) said it. */
    private String renice(String tid) throws InterruptedException {
        List<String> command = new ArrayList<>(renice);
        command.addAll(List.of("-n", nice, "-p", tid));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return String.join(" ", renice) + " could not run: " + e.getMessage();
        }
        String said;
        try {
            said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            said = "";
        }
        int exit = process.waitFor();
        return exit == 0 ? null : String.join(" ", renice) + " exited " + exit + " for thread " + tid
                + (said.isEmpty() ? "" : ": " + said);
    }

    private void fail(String why) {
        if (failure.compareAndSet(null, why)) {
            report.accept("central NOT niced: " + why + "; stopped renicing (" + niced.get()
                    + " threads were niced before)");
        }
        watcher.shutdown();
    }

    /** Stops renicing new threads and says how central ran. */
    @Override
    public void close() {
        watcher.shutdownNow();
        report.accept(describe());
    }
}
