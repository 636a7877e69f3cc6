package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kitchen process killed with SIGKILL at random moments while it bumps and cancels orders and sends
 * the changes, 50 times, a third of its lives with central away (changes go to the store server and
 * wait): afterwards central holds every status the kitchen set, and no status was applied twice.
 */
@Tag("kill9")
@Timeout(300)
class StatusCrashTest {
    private static final int KILLS = Integer.getInteger("kills", 50);
    private static final int ORDERS = 400; // more than fifty short lives can close

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    @Test
    void noBumpIsLostAndNoneAppliedTwiceWhateverIsKilledWhen() throws Exception {
        Random random = new Random(7);
        Path kitchenDir = Files.createDirectories(folder.resolve("kitchen"));
        try (OrderWorld world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST)) {
            Map<String, AtomicInteger> appliedOnCentral = new ConcurrentHashMap<>();
            world.orders.onChange((type, order) -> appliedOnCentral.computeIfAbsent(order.centralId() + " "
                    + order.status().wireName(), key -> new AtomicInteger()).incrementAndGet());
            for (int n = 0; n < ORDERS; n++) {
                world.placeCentrally(OrderWorld.newOrder(1 + n % 10));
            }
            int killedWhileRunning = 0;
            for (int life = 0; life < KILLS; life++) {
                if (life > 0 && random.nextInt(3) == 0) {
                    world.centralProxy.refuse(); // this life central is away: store server copies, then replay
                } else {
                    world.centralProxy.pass();
                }
                Process kitchen = CrashChildren.start(StatusCrashChild.class, world, kitchenDir, life, "run", "kitchen.log");
                CrashChildren.awaitReady(kitchen);
                // the kill lands anywhere: writing the change, noting it, sending it, recording the answer
                if (!kitchen.waitFor(20 + random.nextInt(300), TimeUnit.MILLISECONDS)) {
                    killedWhileRunning++;
                }
                kitchen.destroyForcibly();
                assertThat(kitchen.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            world.centralProxy.pass();
            Process drain = CrashChildren.start(StatusCrashChild.class, world, kitchenDir, KILLS, "drain", "kitchen.log");
            assertThat(drain.waitFor(120, TimeUnit.SECONDS)).as("drain finished").isTrue();
            assertThat(drain.exitValue()).isZero();

            List<StatusChangeEntry> changes;
            List<Order> kitchenKnows = new ArrayList<>();
            Database database = Database.open(kitchenDir.resolve("outlet-kiosk.db"));
            try (Outbox outbox = new Outbox(database, Clock.systemUTC());
                    OrderLedger ledger = new OrderLedger(database, Clock.systemUTC())) {
                changes = outbox.allStatusChanges();
                for (Order order : world.orders.since(1, 0)) {
                    kitchenKnows.add(ledger.find(order));
                }
            }
            long copied = changes.stream().filter(StatusChangeEntry::localCopy).count();
            System.out.printf("status crash test: %d kills (%d while running), %d status changes made, %d of them "
                    + "copied to the store server while central was away%n", KILLS, killedWhileRunning,
                    changes.size(), copied);
            assertThat(killedWhileRunning).as("kills that hit a running kitchen").isGreaterThan(KILLS * 3 / 4);
            assertThat(changes).as("status changes made across all lives").hasSizeGreaterThan(KILLS);
            assertThat(copied).as("some lives ran with central away").isPositive();
            assertThat(changes).allSatisfy(change -> assertThat(change.state()).as(change.label())
                    .isEqualTo(OutboxState.SENT));
            for (StatusChangeEntry change : changes) {
                Order central = world.orders.since(1, change.centralId() - 1).get(0);
                assertThat(central.status().isBefore(change.target()))
                        .as("%s lost: central holds %s", change.label(), central.status().wireName()).isFalse();
            }
            for (int index = 0; index < kitchenKnows.size(); index++) {
                Order central = world.orders.since(1, 0).get(index);
                Order kitchen = kitchenKnows.get(index);
                assertThat(kitchen).as("kitchen knows %s", central.label()).isNotNull();
                assertThat(central.status()).as("central holds the kitchen's status for %s", central.label())
                        .isEqualTo(kitchen.status());
            }
            assertThat(appliedOnCentral).as("no status applied twice on central")
                    .allSatisfy((orderAndStatus, times) -> assertThat(times.get()).as(orderAndStatus).isEqualTo(1));
            assertThat(appliedOnCentral.keySet().stream().filter(key -> !key.endsWith(" pending")).count())
                    .as("status changes central applied").isPositive();
        } finally {
            if (Boolean.getBoolean("keepCrashFolder")) {
                System.out.println("crash test folder: " + folder);
            } else {
                TempFolders.deleteWhenQuiet(folder);
            }
        }
    }
}
