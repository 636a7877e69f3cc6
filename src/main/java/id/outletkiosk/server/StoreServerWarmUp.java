package id.outletkiosk.server;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** What the warm-up did: polls answered and how long it took by its clock. */
    public record Outcome(long polls, Duration took) {
    }

    private final Duration budget;
    private final LongSupplier nanoTime;

    /**
     * {@code nanoTime} is the clock the budget is measured on: {@code System::nanoTime}, or a stepped one in
     * tests, so the number of polls does not depend on the machine's speed.
     */
    StoreServerWarmUp(Duration budget, LongSupplier nanoTime) {
        this.budget = budget;
        this.nanoTime = nanoTime;
    }

    /** Warms up for at most {@code budget} (zero: not at all), in a scratch folder under {@code scratchParent}. */
    public static Outcome run(Duration budget, Path scratchParent) {
        return new StoreServerWarmUp(budget, System::nanoTime).runIn(scratchParent);
    }

    Outcome runIn(Path scratchParent) {
        if (budget.isZero() || budget.isNegative()) {
            return new Outcome(0, Duration.ZERO);
        }
        long started = nanoTime.getAsLong();
        long deadline = started + budget.toNanos();
        Path scratch = null;
        AtomicLong polls = new AtomicLong();
        try {
            scratch = Files.createTempDirectory(scratchParent, "store-server-warm-up");
            try (StoreServerOrders orders = new StoreServerOrders(
                    Database.openStoreServerDatabase(scratch.resolve("warm-up.db")), Clock.systemUTC(), ORDERS);
                    StoreServer server = scratchServer(orders)) {
                placeOrders(orders);
                pollUntil(deadline, server.port(), polls);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("store server warm-up stopped after {} polls, the server starts without the rest: {}",
                    polls.get(), e.toString());
        } finally {
            deleteTree(scratch);
        }
        Outcome outcome = new Outcome(polls.get(), Duration.ofNanos(nanoTime.getAsLong() - started));
        LOG.info("store server warm-up: {} polls in {} ms before the port opens", outcome.polls(),
                outcome.took().toMillis());
        return outcome;
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
    private void pollUntil(long deadline, int port, AtomicLong polls) throws IOException {
        List<byte[]> mix = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            mix.add(WarmUpPoller.request("/api/orders?outlet_id=" + OUTLET + "&since_id=" + ORDERS, false));
        }
        mix.add(WarmUpPoller.request("/api/orders?outlet_id=" + OUTLET + "&since_id=" + (ORDERS - 3), false));
        mix.add(WarmUpPoller.request("/api/orders?outlet_id=" + OUTLET + "&since_id=" + (ORDERS - 3), true));
        mix.add(WarmUpPoller.request("/api/orders?outlet_id=" + OUTLET + "&since_id=0", false));
        mix.add(WarmUpPoller.request("/api/orders?outlet_id=" + OUTLET + "&since_id=0", true));
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> terminals = new ArrayList<>();
        for (int n = 0; n < CONNECTIONS; n++) {
            int first = n * 5;
            Thread terminal = new Thread(() -> {
                try (WarmUpPoller poller = new WarmUpPoller(port, budget)) {
                    for (int turn = first; failure.get() == null && nanoTime.getAsLong() < deadline; turn++) {
                        poller.poll(mix.get(turn % mix.size()));
                        polls.incrementAndGet();
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
