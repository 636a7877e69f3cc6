package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.TempFolders;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk process killed with SIGKILL at random moments while it places and replays orders, 50 times,
 * sometimes with the backend away: every order it gave a reference for reaches the backend exactly once,
 * and the kitchen shows each once.
 */
@Tag("kill9")
@Timeout(300)
class OutboxCrashTest {
    private static final int KILLS = 50;

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    @Test
    void everyOrderPlacedReachesTheBackendOnceWhateverIsKilledWhen() throws Exception {
        Random random = new Random(42);
        Path kioskDir = Files.createDirectories(folder.resolve("kiosk"));
        try (OrderWorld world = new OrderWorld(folder.resolve("world"), OrderWorld.FAST)) {
            world.startKitchen(9);
            await().atMost(Duration.ofSeconds(10)).until(() -> world.mode() == FeedMode.ONLINE);
            int killedWhileRunning = 0;
            int livesPastAPlacement = 0;
            int livesAwayPastAPlacement = 0;
            for (int life = 0; life < KILLS; life++) {
                // the first life syncs the menu: no kiosk sells without one
                boolean backendAway = life > 0 && random.nextInt(10) < 3;
                if (backendAway) {
                    world.centralProxy.refuse(); // this life's orders reach the store server only, then replay
                } else {
                    world.centralProxy.pass();
                }
                Process kiosk = CrashChildren.start(OutboxCrashChild.class, world, kioskDir, life, "run", "kiosk.log");
                BufferedReader out = CrashChildren.awaitReady(kiosk);
                // Half the lives are killed only after their first order is committed, so the test knows how many
                // orders must survive whatever the machine's speed; the others may die before placing any (in the
                // start's replay). After that the kill lands anywhere: placing, sending, recording the answer,
                // copying to the store server.
                if (random.nextBoolean()) {
                    CrashChildren.awaitLine(out, "PLACED", "first order of life " + life + " committed");
                    livesPastAPlacement++;
                    livesAwayPastAPlacement += backendAway ? 1 : 0;
                }
                if (!kiosk.waitFor(20 + random.nextInt(400), TimeUnit.MILLISECONDS)) {
                    killedWhileRunning++;
                }
                kiosk.destroyForcibly();
                assertThat(kiosk.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            world.centralProxy.pass();
            Process drain = CrashChildren.start(OutboxCrashChild.class, world, kioskDir, KILLS, "drain", "kiosk.log");
            assertThat(drain.waitFor(120, TimeUnit.SECONDS)).as("drain finished").isTrue();
            assertThat(drain.exitValue()).isZero();

            List<OutboxEntry> placed;
            try (Outbox outbox = new Outbox(Database.open(kioskDir.resolve("outlet-kiosk.db")), Clock.systemUTC())) {
                placed = outbox.all();
            }
            System.out.printf("outbox crash test: %d kills (%d while running, %d after a placement, %d of them with the"
                    + " backend away), %d orders placed%n", KILLS, killedWhileRunning, livesPastAPlacement,
                    livesAwayPastAPlacement, placed.size());
            assertThat(killedWhileRunning).as("kills that hit a running kiosk").isGreaterThan(KILLS * 3 / 4);
            assertThat(livesAwayPastAPlacement).as("lives that placed an order with the backend away").isPositive();
            assertThat(livesPastAPlacement).as("lives killed after a placement").isGreaterThan(KILLS / 4);
            assertThat(placed).as("orders placed across all lives, at least one per life killed after a placement")
                    .hasSizeGreaterThanOrEqualTo(livesPastAPlacement);
            assertThat(placed).allSatisfy(entry -> assertThat(entry.state()).isEqualTo(OutboxState.SENT));
            List<String> missing = new ArrayList<>();
            for (OutboxEntry entry : placed) {
                var central = world.orders.byClientOrderId(entry.clientOrderId());
                if (central.isEmpty() || !central.get().centralId().equals(entry.centralId())) {
                    missing.add(entry.reference());
                }
            }
            assertThat(missing).as("placed but not on the backend under the recorded id").isEmpty();
            assertThat(world.orders.count()).as("orders on the backend (no phantoms)").isEqualTo(placed.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> placed.stream()
                    .allMatch(entry -> world.newOrderCount.containsKey(entry.clientOrderId())));
            assertThat(world.newOrderCount).allSatisfy((id, count) -> assertThat(count.get()).as(id).isEqualTo(1));
            assertThat(world.newOrderCount).hasSize(placed.size());
        } finally {
            if (Boolean.getBoolean("keepCrashFolder")) {
                System.out.println("crash test folder: " + folder);
            } else {
                TempFolders.deleteWhenQuiet(folder);
            }
        }
    }
}
