package id.outletkiosk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps every thread of this driver JVM but the one that started it (which forks the screens and posts the
 * orders) at a lower priority (Linux {@code nice}), re-checked every 50 ms for threads started since: central's
 * Jetty threads, its compilers and collector then yield the two cores to the screen under test, as central does in
 * a store, where it is another machine. The screens are forked by the kept thread, so they start at the usual
 * priority. Linux only (threads are read from /proc and reniced with {@code renice}).
 */
final class DriverThreadsAside implements AutoCloseable {
    private final String nice;
    private final Set<String> handled = new HashSet<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "driver-threads-aside");
        thread.setDaemon(true);
        return thread;
    });

    private DriverThreadsAside(int nice, String keptThread) {
        this.nice = Integer.toString(nice);
        handled.add(keptThread);
        watcher.scheduleWithFixedDelay(this::reniceNewThreads, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** From the calling thread on, every other thread of this JVM at {@code nice}; the caller keeps its own. */
    static DriverThreadsAside keepingCallerAt(int nice) throws IOException {
        // /proc/thread-self is "<pid>/task/<tid>" for the thread that reads it
        String caller = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        return new DriverThreadsAside(nice, caller);
    }

    private void reniceNewThreads() {
        List<String> threads;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            threads = tasks.map(task -> task.getFileName().toString()).filter(tid -> !handled.contains(tid)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String tid : threads) {
            try {
                new ProcessBuilder("renice", "-n", nice, "-p", tid).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            handled.add(tid); // a thread that ended meanwhile is simply not there to renice
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
