package id.outletkiosk.server;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the poll path hot before the store server's real port opens. A store server restarting under
 * polling terminals met them with code the JIT had not compiled yet: its first 10 s answered 1.4x Node's
 * polls against 2x once warm, with a p99 of ~40 ms (BENCHMARKS.md, issue 16). This starts a scratch store
 * server on 127.0.0.1 over a scratch database holding a few orders, polls it over real sockets as terminals
 * do until the budget is spent, and throws all of it away. What stays is the JIT's compiled code, which
 * belongs to the classes, not to these objects. Nothing reaches the real store: the scratch server has its
 * own database, rate limiter and cached answers, and its folder is deleted.
 *
 * <p>It ends when the JIT has caught up, not after a fixed time: once the scratch server has answered
 * {@link #MIN_POLLS} polls, the warm-up stops at the first stretch of {@link #QUIET_POLLS} polls during which
 * the compilers worked at most {@link #QUIET_COMPILE_MILLIS} ms. On a busy machine the warm-up polls slower and
 * the C2 compiler's queue drains later; a fixed 2 s then left it compiling the poll path under the first real
 * terminals (BENCHMARKS.md, issue 16, the fifth round). The budget stays the cap.
 *
 * <p>A warm-up is a head start, never a condition: if the scratch server cannot start or answers wrongly,
 * that is logged and the real server starts as it would have without it.
 */
public final class StoreServerWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(StoreServerWarmUp.class);
    /** Enough sockets to keep Jetty's selector and pool switching as under many terminals, few enough for 2 cores. */
    static final int CONNECTIONS = 4;
    /** Enough orders that a full answer is over the gzip threshold, as after a lunch rush. */
    static final int ORDERS = 20;
    private static final long OUTLET = 1;
    /**
     * Polls before the JIT may be called caught up: each method of the poll path has then run this often, past
     * C2's invocation threshold (5,000) even when a long compile queue raises it a few times over.
     */
    static final long MIN_POLLS = 20_000;
    /** A stretch of polls, counted on every terminal together, over which the compilers' work is weighed. */
    static final long QUIET_POLLS = 4_000;
    /** At most this much compiling over {@link #QUIET_POLLS} polls: what is left is not on the poll path. */
    static final long QUIET_COMPILE_MILLIS = 5;

    /** What the warm-up did: polls answered, how long it took by its clock, whether the JIT had caught up. */
    public record Outcome(long polls, Duration took, boolean settled) {
    }

    private final Duration budget;
    private final LongSupplier nanoTime;
    private final LongSupplier compileMillis;

    /**
     * {@code nanoTime} is the clock the budget is measured on: {@code System::nanoTime}, or a stepped one in
     * tests, so the number of polls does not depend on the machine's speed. {@code compileMillis} is the time
     * the JIT's compilers have spent so far ({@link CompilationMXBean#getTotalCompilationTime}), or a made-up
     * one in tests.
     */
    StoreServerWarmUp(Duration budget, LongSupplier nanoTime, LongSupplier compileMillis) {
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.compileMillis = compileMillis;
    }

    /**
     * Warms up until the JIT has caught up, for at most {@code budget} (zero: not at all), in a scratch folder
     * under {@code scratchParent}.
     */
    public static Outcome run(Duration budget, Path scratchParent) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compileMillis = jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit::getTotalCompilationTime : () -> 0; // no JIT to wait for: MIN_POLLS, then stop
        return new StoreServerWarmUp(budget, System::nanoTime, compileMillis).runIn(scratchParent);
    }

    Outcome runIn(Path scratchParent) {
        if (budget.isZero() || budget.isNegative()) {
            return new Outcome(0, Duration.ZERO, false);
        }
        long started = nanoTime.getAsLong();
        long deadline = started + budget.toNanos();
        Path scratch = null;
        AtomicLong polls = new AtomicLong();
        JitWatch jit = new JitWatch();
        try {
            scratch = Files.createTempDirectory(scratchParent, "store-server-warm-up");
            try (StoreServerOrders orders = new StoreServerOrders(
                    Database.openStoreServerDatabase(scratch.resolve("warm-up.db")), Clock.systemUTC(), ORDERS);
                    StoreServer server = scratchServer(orders)) {
                placeOrders(orders);
                pollUntil(deadline, server.port(), polls, jit);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("store server warm-up stopped after {} polls, the server starts without the rest: {}",
                    polls.get(), e.toString());
        } finally {
            deleteTree(scratch);
        }
        Outcome outcome = new Outcome(polls.get(), Duration.ofNanos(nanoTime.getAsLong() - started), jit.settled);
        LOG.info("store server warm-up: {} polls in {} ms before the port opens ({})", outcome.polls(),
                outcome.took().toMillis(), outcome.settled() ? "the JIT caught up"
                        : "budget spent, the JIT still compiling");
        return outcome;
    }

    /** Weighs the compilers' work at the end of each stretch of {@link #QUIET_POLLS} polls. */
    private final class JitWatch {
        private volatile boolean settled;
        private long compiledAtStretchStart = -1;

        /** Called with each poll's number (1, 2, ...), from any terminal. */
        void polled(long poll) {
            if (poll % QUIET_POLLS != 0 || poll < MIN_POLLS - QUIET_POLLS) {
                return;
            }
            synchronized (this) {
                long compiled = compileMillis.getAsLong();
                if (poll >= MIN_POLLS && compiledAtStretchStart >= 0
                        && compiled - compiledAtStretchStart <= QUIET_COMPILE_MILLIS) {
                    settled = true;
                }
                compiledAtStretchStart = compiled;
            }
        }
    }

    /** Loopback only, no token, a budget per address no warm-up reaches (all its sockets come from 127.0.0.1). */
    private static StoreServer scratchServer(StoreServerOrders orders) {
        return new StoreServer(orders, StoreServer.Options.loopback().withLimits(Integer.MAX_VALUE / 4, 1,
                Duration.ofSeconds(30)), Clock.systemUTC()).start();
    }

    private static void placeOrders(StoreServerOrders orders) {
        for (int n = 1; n <= ORDERS; n++) {
            orders.save(new Order(null, null, "warm-up-" + n, null, OUTLET, OrderStatus.PENDING,
                    List.of(new OrderItem(n, "Nasi goreng " + n, 1 + n % 3, new BigDecimal("25000"),
                            n % 2 == 0 ? "tidak pedas" : null)),
                    new BigDecimal(25000L * (1 + n % 3)), Instant.parse("2026-11-30T11:00:00Z"), "Tamu " + n, null,
                    null));
        }
    }

    /**
     * {@link #CONNECTIONS} terminals polling in turn until the deadline: most caught up, some a few orders
     * behind, now and then one back from a restart asking for everything (gzipped when it says it takes gzip).
     */
    private void pollUntil(long deadline, int port, AtomicLong polls, JitWatch jit) throws IOException {
        List<byte[]> mix = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            mix.add(WarmUpPoller.request(port, "/api/orders?outlet_id=" + OUTLET + "&since_id=" + ORDERS, false));
        }
        mix.add(WarmUpPoller.request(port, "/api/orders?outlet_id=" + OUTLET + "&since_id=" + (ORDERS - 3), false));
        mix.add(WarmUpPoller.request(port, "/api/orders?outlet_id=" + OUTLET + "&since_id=" + (ORDERS - 3), true));
        mix.add(WarmUpPoller.request(port, "/api/orders?outlet_id=" + OUTLET + "&since_id=0", false));
        mix.add(WarmUpPoller.request(port, "/api/orders?outlet_id=" + OUTLET + "&since_id=0", true));
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> terminals = new ArrayList<>();
        for (int n = 0; n < CONNECTIONS; n++) {
            int first = n * 5;
            Thread terminal = new Thread(() -> {
                try (WarmUpPoller poller = new WarmUpPoller(port, budget)) {
                    for (int turn = first; failure.get() == null && !jit.settled && nanoTime.getAsLong() < deadline;
                            turn++) {
                        poller.poll(mix.get(turn % mix.size()));
                        jit.polled(polls.incrementAndGet());
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "store-server-warm-up-" + n);
            terminal.setDaemon(true);
            terminals.add(terminal);
            terminal.start();
        }
        for (Thread terminal : terminals) {
            try {
                terminal.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while warming up", e);
            }
        }
        if (failure.get() != null) {
            throw new IOException("a warm-up poll failed: " + failure.get().getMessage(), failure.get());
        }
    }

    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the warm-up's scratch folder {}: {}", folder, e.toString());
        }
    }
}
