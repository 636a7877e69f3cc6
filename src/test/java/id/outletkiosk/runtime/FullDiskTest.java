package id.outletkiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.outletkiosk.health.Alert;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.SyncRound;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.store.StoreException;
import id.outletkiosk.store.StoreFullException;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.sync.SyncFailedException;
import id.outletkiosk.testing.TestRuntimes;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal whose data folder is on a small filesystem filled to the brim (a real tmpfs, mounted for
 * the test; skipped where mounting is not allowed: StoreFullTest covers SQLite's SQLITE_FULL anywhere).
 * A sync round is reported failed only when its rows did not land, an order fails in plain words, the
 * health says the store cannot take writes, and once space is freed the same session takes orders again.
 */
class FullDiskTest {
    @TempDir
    Path scratch;

    private Path mount;
    private ReferenceBackend backend;
    private OutletRuntime runtime;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        mount = Files.createDirectories(scratch.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString()),
                "cannot mount a tmpfs here (not root, or no mount allowed)");
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), Clock.systemUTC());
    }

    @AfterEach
    void unmount() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (backend != null) {
            backend.close();
        }
        run("umount", "-l", mount.toString());
    }

    @Test
    void onAFullDisk_aRoundFailsOnlyIfItsRowsDidNotLand_anOrderSaysWhy_andFreedSpaceTakesOrdersAgain() throws Exception {
        runtime = TestRuntimes.against(backend, mount, Clock.systemUTC());
        runtime.sync().orElseThrow().runRound();
        BigDecimal before = runtime.catalog().product(8).orElseThrow().price();
        int roundsBefore = runtime.masterData().recentRounds(100).size();
        Path ballast = fill(mount);
        backend.repository().update(EntityKind.PRODUCTS, 8, row -> {
            Product p = (Product) row;
            return new Product(p.id(), p.name(), p.categoryId(), p.price().add(new BigDecimal("2000")), p.description(),
                    p.imageUrl(), p.available(), p.active(), p.version(), p.updatedAt());
        });

        boolean roundSucceeded;
        try {
            runtime.sync().orElseThrow().runRound();
            roundSucceeded = true;
        } catch (SyncFailedException failed) {
            roundSucceeded = false;
            assertThat(failed.getMessage()).matches("the local store cannot be written: the disk is full \\(\\d+ MB free\\)");
        }
        BigDecimal after = runtime.catalog().product(8).orElseThrow().price();
        List<SyncRound> rounds = runtime.masterData().recentRounds(100);
        // the history and the rows agree: "failed" means the old price, "succeeded" the new one and its line
        assertThat(after).isEqualByComparingTo(roundSucceeded ? before.add(new BigDecimal("2000")) : before);
        assertThat(rounds.size()).isIn(roundsBefore, roundsBefore + 1);
        assertThat(rounds.size() == roundsBefore + 1 && rounds.get(0).succeeded()).isEqualTo(roundSucceeded);

        assertThatThrownBy(() -> runtime.orderDesk().place(List.of(new OrderDesk.CartLine(1, 1, null)), "Ani"))
                .isInstanceOf(StoreFullException.class)
                .hasMessageMatching("the local store cannot be written: the disk is full \\(\\d+ MB free\\)");
        assertThat(runtime.storeDisk().takesWrites()).isFalse();
        assertThat(runtime.alerts(runtime.outbox().status())).extracting(Alert::kind).startsWith(Alert.Kind.STORE_FULL);

        Files.delete(ballast); // a manager freed space
        assertThat(runtime.orderDesk().place(List.of(new OrderDesk.CartLine(1, 1, null)), "Budi").reference()).isNotBlank();
        assertThat(runtime.storeDisk().takesWrites()).isTrue();
    }

    @Test
    void startingOnAFullDisk_opensWithWhatTheStoreHas_orSaysTheDiskIsFull() throws Exception {
        runtime = TestRuntimes.against(backend, mount, Clock.systemUTC());
        runtime.sync().orElseThrow().runRound();
        runtime.close();
        runtime = null;
        fill(mount);

        try {
            runtime = TestRuntimes.against(backend, mount, Clock.systemUTC());
            assertThat(runtime.catalog().product(8)).isPresent(); // the menu it had, readable
            assertThat(runtime.storeDisk().takesWrites()).isFalse();
        } catch (StoreException refused) {
            assertThat(refused).isInstanceOf(StoreFullException.class);
        }
    }

    /** Fills the filesystem under {@code folder} until it refuses another byte; returns the ballast. */
    private static Path fill(Path folder) throws IOException {
        Path ballast = folder.resolve("ballast");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // no space left: exactly what we wanted
        }
        try (OutputStream out = Files.newOutputStream(ballast, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // to the last byte
        }
        return ballast;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
