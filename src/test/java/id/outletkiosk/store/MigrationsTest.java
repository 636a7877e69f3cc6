package id.outletkiosk.store;

import id.outletkiosk.model.SyncRound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.outletkiosk.testing.StoreSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path folder;

    private static int userVersion(Database database) {
        return Integer.parseInt(StoreSnapshot.scalar(database, "PRAGMA user_version"));
    }

    @Test
    void aNewStoreGetsTheWholeSchemaInWalMode() {
        Database database = Database.open(folder.resolve("new.db"));
        assertThat(userVersion(database)).isEqualTo(Migrations.SCRIPTS.size());
        assertThat(StoreSnapshot.scalar(database, "PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void reopeningChangesNothing() {
        Database first = Database.open(folder.resolve("s.db"));
        new MasterDataStore(first).recordRound(new SyncRound(java.time.Instant.EPOCH,
                java.time.Duration.ZERO, true, 0, 0, null));
        Database again = Database.open(folder.resolve("s.db"));
        assertThat(new MasterDataStore(again).recentRounds(5)).hasSize(1);
    }

    @Test
    void aStoreFromANewerAppIsRefusedWithAClearMessage() {
        Database database = Database.open(folder.resolve("future.db"));
        database.write(c -> {
            try (var statement = c.createStatement()) {
                return statement.execute("PRAGMA user_version = 99");
            }
        });
        assertThatThrownBy(() -> Database.open(folder.resolve("future.db"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema version 99, newer than this app knows");
    }

    @Test
    void aStoreFromBeforeServiceTimes_keepsItsOrders_andGetsAnEmptyServiceTimesTable() {
        int serviceTimes = Migrations.SCRIPTS.indexOf("V9__service_times.sql");
        Path file = folder.resolve("lunch.db");
        Database earlier = Database.openWith(file, Migrations.SCRIPTS.subList(0, serviceTimes));
        earlier.write(c -> {
            try (var statement = c.createStatement()) {
                return statement.executeUpdate("INSERT INTO orders_seen (outlet_id, central_id, status, items_json, "
                        + "seen_at, changed_at) VALUES (1, 41, 'pending', '[]', 0, 0)");
            }
        });

        Database now = Database.open(file);

        assertThat(userVersion(now)).isEqualTo(Migrations.SCRIPTS.size());
        assertThat(StoreSnapshot.scalar(now, "SELECT count(*) FROM orders_seen")).isEqualTo("1");
        assertThat(StoreSnapshot.scalar(now, "SELECT count(*) FROM service_times")).isEqualTo("0");
    }
}
