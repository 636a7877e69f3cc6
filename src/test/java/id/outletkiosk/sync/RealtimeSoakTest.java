package id.outletkiosk.sync;

import id.outletkiosk.model.NewOrder;
import id.outletkiosk.testing.TempFolders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.testing.NetworkFaults;
import id.outletkiosk.testing.OrderWorld;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A busy service on a bad network: 2,000 orders from kiosks (online when they can, else to the local
 * server) while 200 random faults hit the transports. Every order reaches the kitchen exactly once, and
 * the feed ends on the central socket.
 */
@Tag("soak")
@Timeout(180)
class RealtimeSoakTest {
    private static final int ORDERS = 2_000;
    private static final int FAULTS = 200;

    // SQLite tidies its -wal and -shm files a moment after the servers stop; the folder is removed
    // once it is quiet (TempFolders) rather than by JUnit's one-shot delete
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
    Path folder;

    @org.junit.jupiter.api.AfterEach
    void removeFolder() {
        TempFolders.deleteWhenQuiet(folder);
    }

    @Test
    void noOrderMissedNoneDoubledThroughTwoHundredFaults() throws Exception {
        Random random = new Random(20261125);
        Map<String, String> placedVia = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> faultsByKind = new ConcurrentHashMap<>();
        ScheduledExecutorService drivers = Executors.newScheduledThreadPool(3);
        try (OrderWorld world = new OrderWorld(folder, OrderWorld.FAST)) {
            world.startKitchen(11);
            await().atMost(Duration.ofSeconds(10)).until(() -> world.mode() == FeedMode.ONLINE);

            CountDownLatch placedAll = new CountDownLatch(ORDERS);
            AtomicInteger placing = new AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<NewOrder> unconfirmed =
                    new java.util.concurrent.atomic.AtomicReference<>();
            drivers.scheduleAtFixedRate(() -> {
                // a kiosk whose order got no answer sends the same order (same key) again before a new one
                var order = unconfirmed.getAndSet(null);
                if (order == null) {
                    if (placing.incrementAndGet() > ORDERS) {
                        return;
                    }
                    order = OrderWorld.newOrder(1 + random.nextInt(40));
                }
                try {
                    if (random.nextInt(5) > 0) {
                        try {
                            world.placeCentrally(order);
                            placedVia.put(order.clientOrderId(), "central");
                        } catch (BackendException centralDown) {
                            world.placeLocally(order); // what a kiosk does when the backend is away
                            placedVia.put(order.clientOrderId(), "local after central failed");
                        }
                    } else {
                        world.placeLocally(order);
                        placedVia.put(order.clientOrderId(), "local");
                    }
                } catch (BackendException | RuntimeException bothDown) {
                    unconfirmed.set(order);
                    return;
                }
                placedAll.countDown();
            }, 0, 5, TimeUnit.MILLISECONDS);

            CountDownLatch faultsDone = new CountDownLatch(FAULTS);
            NetworkFaults faults = new NetworkFaults(world, drivers, random);
            drivers.scheduleAtFixedRate(() -> {
                if (faultsDone.getCount() == 0) {
                    return;
                }
                String kind = faults.injectOne();
                faultsByKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                faultsDone.countDown();
            }, 50, 60, TimeUnit.MILLISECONDS);

            assertThat(placedAll.await(120, TimeUnit.SECONDS)).as("all orders placed").isTrue();
            assertThat(faultsDone.await(60, TimeUnit.SECONDS)).as("all faults injected").isTrue();
            drivers.shutdownNow();
            drivers.awaitTermination(10, TimeUnit.SECONDS);
            faults.healAll();

            await().atMost(Duration.ofSeconds(30)).until(() -> world.mode() == FeedMode.ONLINE);
            await().atMost(Duration.ofSeconds(30)).until(() -> placedVia.keySet().stream()
                    .allMatch(world.newOrderCount::containsKey));

            Set<String> missed = placedVia.keySet().stream().filter(id -> !world.newOrderCount.containsKey(id))
                    .collect(java.util.stream.Collectors.toSet());
            Set<String> phantoms = world.newOrderCount.keySet().stream().filter(id -> !placedVia.containsKey(id))
                    .collect(java.util.stream.Collectors.toSet());
            Map<String, String> doubled = new java.util.TreeMap<>();
            world.newOrderCount.forEach((id, count) -> {
                if (count.get() != 1) {
                    doubled.put(id, count.get() + " times, placed " + placedVia.get(id) + ": "
                            + world.delivered.stream().filter(e -> world.identity(e.order()).equals(id))
                                    .map(e -> e.type() + " c" + e.order().centralId() + " l" + e.order().localId()
                                            + " k" + (e.order().clientOrderId() != null) + " via " + e.via())
                                    .toList());
                }
            });
            assertThat(missed).as("orders missed").isEmpty();
            assertThat(phantoms).as("delivered but never placed").isEmpty();
            assertThat(doubled).as("delivered more than once").isEmpty();
            assertThat(world.newOrderCount).hasSize(ORDERS);
            assertThat(faultsByKind.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(FAULTS);
            assertThat(faultsByKind.keySet()).as("every kind of fault happened").hasSize(NetworkFaults.KINDS.length);
            assertThat(world.kitchen.status().reconnects()).as("faults reached the kitchen").isGreaterThan(4);
        } finally {
            drivers.shutdownNow();
        }

    }
}
