package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.server.OrderBook;
import id.outletkiosk.testing.KioskTerminal;
import id.outletkiosk.testing.KitchenScreen;
import id.outletkiosk.testing.NetworkFaults;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lunch rush on a bad network, statuses included: a kiosk places 2,000 orders through its outbox,
 * two kitchen displays bump and cancel them, the cashier cancels some on central, and 200 random faults
 * hit the transports. Once the network heals and a settle window has passed, every screen holds
 * central's status for every order, no screen ever showed a status move back, each order reached each
 * screen once, and central holds every change the kitchens made.
 */
@Timeout(300)
class OrderStateSoakTest {
    private static final int ORDERS = 2_000;
    private static final int FAULTS = 200;
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    @Test
    void everyScreenEndsWithCentralsStatusThroughTwoHundredFaults() throws Exception {
        Random random = new Random(20261130);
        Map<String, AtomicInteger> faultsByKind = new ConcurrentHashMap<>();
        AtomicInteger cancelledOnCentral = new AtomicInteger();
        ScheduledExecutorService drivers = Executors.newScheduledThreadPool(4);
        try (OrderWorld world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST);
                KioskTerminal kiosk = new KioskTerminal(world, folder.resolve("kiosk"));
                KitchenScreen grill = new KitchenScreen(world, folder.resolve("kitchens"), "GRILL", 21);
                KitchenScreen bar = new KitchenScreen(world, folder.resolve("kitchens"), "BAR", 22)) {
            List<KitchenScreen> screens = List.of(grill, bar);
            await().atMost(Duration.ofSeconds(10)).until(() -> screens.stream()
                    .allMatch(screen -> screen.mode() == FeedMode.ONLINE));

            List<OutboxEntry> placed = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch placedAll = new CountDownLatch(ORDERS);
            drivers.scheduleAtFixedRate(() -> {
                if (placedAll.getCount() > 0) {
                    placed.add(kiosk.order(1 + random.nextInt(10), 1 + random.nextInt(2)));
                    placedAll.countDown();
                }
            }, 0, 5, TimeUnit.MILLISECONDS);
            drivers.scheduleAtFixedRate(() -> bumpSomething(screens.get(random.nextInt(2)), random), 20, 4,
                    TimeUnit.MILLISECONDS);
            drivers.scheduleAtFixedRate(() -> {
                if (cancelSomethingOnCentral(world.orders, random)) {
                    cancelledOnCentral.incrementAndGet();
                }
            }, 50, 40, TimeUnit.MILLISECONDS);

            CountDownLatch faultsDone = new CountDownLatch(FAULTS);
            NetworkFaults faults = new NetworkFaults(world, drivers, random);
            drivers.scheduleAtFixedRate(() -> {
                if (faultsDone.getCount() > 0) {
                    faultsByKind.computeIfAbsent(faults.injectOne(), k -> new AtomicInteger()).incrementAndGet();
                    faultsDone.countDown();
                }
            }, 50, 60, TimeUnit.MILLISECONDS);

            assertThat(placedAll.await(120, TimeUnit.SECONDS)).as("all orders placed").isTrue();
            assertThat(faultsDone.await(60, TimeUnit.SECONDS)).as("all faults injected").isTrue();
            drivers.shutdownNow();
            assertThat(drivers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            faults.healAll();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> converged(world, kiosk, screens));
            // a late duplicate or a status that moves back half a second after convergence must still fail
            await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> converged(world, kiosk, screens) && screens.stream()
                            .allMatch(screen -> screen.movedBack.isEmpty()));

            List<Order> central = world.orders.since(1, 0);
            assertThat(central).as("orders on central").hasSize(ORDERS);
            int statusChanges = 0;
            int closedDifferently = 0;
            for (KitchenScreen screen : screens) {
                assertThat(screen.movedBack).as(screen.name + ": statuses that moved back").isEmpty();
                Map<String, Integer> doubled = new TreeMap<>();
                screen.newOrderCount.forEach((id, count) -> {
                    if (count.get() != 1) {
                        doubled.put(id, count.get());
                    }
                });
                assertThat(doubled).as(screen.name + ": orders shown more than once").isEmpty();
                List<String> missed = placed.stream().map(OutboxEntry::clientOrderId)
                        .filter(id -> !screen.newOrderCount.containsKey(id)).toList();
                assertThat(missed).as(screen.name + ": orders never shown").isEmpty();
                assertThat(screen.newOrderCount).hasSize(ORDERS);
                for (StatusChangeEntry change : screen.outbox.allStatusChanges()) {
                    Order there = central.stream().filter(o -> o.centralId().equals(centralIdOf(screen, change)))
                            .findFirst().orElseThrow();
                    assertThat(there.status().isBefore(change.target()))
                            .as("%s on %s: central holds %s", change.label(), screen.name, there.status()).isFalse();
                    statusChanges++;
                }
                for (Order order : central) {
                    if (!order.status().isOpen() && order.status() != screen.known(order).status()) {
                        closedDifferently++;
                    }
                }
            }
            System.out.printf("order state soak: %d orders, %d status changes from two kitchens, %d cancelled on "
                    + "central, %d faults %s, %d closed orders a screen served while central cancelled them%n",
                    ORDERS, statusChanges, cancelledOnCentral.get(), FAULTS, faultsByKind, closedDifferently);
            assertThat(statusChanges).as("status changes made by the kitchens").isGreaterThan(ORDERS);
            assertThat(cancelledOnCentral.get()).as("cancellations made on central").isGreaterThan(50);
            assertThat(faultsByKind.keySet()).as("every kind of fault happened").hasSize(NetworkFaults.KINDS.length);
        } finally {
            drivers.shutdownNow();
            TempFolders.deleteWhenQuiet(folder);
        }
    }

    private static void bumpSomething(KitchenScreen screen, Random random) {
        List<Order> open = screen.ledger.openOrders(1);
        if (open.isEmpty()) {
            return;
        }
        Order order = open.get(random.nextInt(Math.min(open.size(), 40)));
        screen.bump(order, random.nextInt(15) == 0 ? OrderStatus.CANCELLED : order.status().next());
    }

    /** The cashier cancels one of the newest open orders on central. */
    private static boolean cancelSomethingOnCentral(OrderBook orders, Random random) {
        List<Order> recent = orders.since(1, Math.max(0, orders.count() - 30)).stream()
                .filter(order -> order.status().isOpen()).toList();
        if (recent.isEmpty()) {
            return false;
        }
        try {
            orders.changeStatus(recent.get(random.nextInt(recent.size())).centralId(), OrderStatus.CANCELLED);
            return true;
        } catch (OrderBook.Refusal alreadyClosed) {
            return false;
        }
    }

    /**
     * Every write delivered (the kiosk's orders, both kitchens' changes), both screens on the central
     * socket, and each screen holding central's status for every order: the same open status, or closed
     * when central is closed (a screen may have served an order central cancelled meanwhile).
     */
    private static boolean converged(OrderWorld world, KioskTerminal kiosk, List<KitchenScreen> screens) {
        if (kiosk.outbox.status().queued() > 0) {
            return false;
        }
        for (KitchenScreen screen : screens) {
            if (screen.mode() != FeedMode.ONLINE || screen.outbox.status().statusChangesQueued() > 0
                    || screen.outbox.status().attention() > 0) {
                return false;
            }
        }
        for (Order order : world.orders.since(1, 0)) {
            for (KitchenScreen screen : screens) {
                Order shown = screen.known(order);
                if (shown == null) {
                    return false;
                }
                boolean same = order.status().isOpen() ? shown.status() == order.status() : !shown.status().isOpen();
                if (!same) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Long centralIdOf(KitchenScreen screen, StatusChangeEntry change) {
        return change.centralId() != null ? change.centralId() : screen.known(change.orderKeys()).centralId();
    }
}
