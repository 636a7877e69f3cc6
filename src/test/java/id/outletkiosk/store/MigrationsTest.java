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
    void aTerminalFromBeforeTheKitchenSwitchKeepsItsOrdersAndGainsTheWantedState() {
        Database before = storeBefore(Database.open(folder.resolve("t.db")), "kitchen_status_wanted", Migrations.SCRIPTS);
        before.close();

        Database after = Database.open(folder.resolve("t.db"));

        assertThat(userVersion(after)).isEqualTo(Migrations.SCRIPTS.size());
        WantedKitchenStatus wanted = new WantedKitchenStatus(after);
        wanted.want(1, id.outletkiosk.model.KitchenState.open());
        assertThat(wanted.latest()).isPresent();
    }

    @Test
    void aStoreServerFromBeforeTheKitchenSwitchAnswersOpenAndKeepsASetting() {
        int kitchenStatus = Migrations.LOCAL_SERVER_SCRIPTS.indexOf("L4__kitchen_status.sql");
        Database.openWith(folder.resolve("l.db"), Migrations.LOCAL_SERVER_SCRIPTS.subList(0, kitchenStatus)).close();

        Database after = Database.openStoreServerDatabase(folder.resolve("l.db"));

        StoreServerKitchen kitchen = new StoreServerKitchen(after);
        assertThat(kitchen.current(1)).isEqualTo(id.outletkiosk.model.KitchenState.open());
        kitchen.keep(1, new id.outletkiosk.model.KitchenState(id.outletkiosk.model.KitchenState.Status.PAUSED, null,
                null, "KITCHEN"));
        assertThat(kitchen.current(1).status()).isEqualTo(id.outletkiosk.model.KitchenState.Status.PAUSED);
    }

    @Test
    void aStoreServerFromBeforeTerminalReportsKeepsItsKitchenAndStartsWithNoTerminals() {
        int terminalReports = Migrations.LOCAL_SERVER_SCRIPTS.indexOf("L5__terminal_reports.sql");
        Database earlier = Database.openWith(folder.resolve("r.db"),
                Migrations.LOCAL_SERVER_SCRIPTS.subList(0, terminalReports));
        new StoreServerKitchen(earlier).keep(1, new id.outletkiosk.model.KitchenState(
                id.outletkiosk.model.KitchenState.Status.PAUSED, null, null, "KITCHEN"));
        earlier.close();

        Database now = Database.openStoreServerDatabase(folder.resolve("r.db"));

        assertThat(userVersion(now)).isEqualTo(Migrations.LOCAL_SERVER_SCRIPTS.size());
        assertThat(new StoreServerKitchen(now).current(1).status())
                .isEqualTo(id.outletkiosk.model.KitchenState.Status.PAUSED);
        assertThat(new StoreServerTerminals(now).reportedSince(java.time.Instant.EPOCH)).isEmpty();
    }

    /** The store as the app before the kitchen switch left it: the switch's table gone, the version one lower. */
    private static Database storeBefore(Database current, String table, java.util.List<String> scripts) {
        current.write(c -> {
            try (var statement = c.createStatement()) {
                statement.execute("DROP TABLE " + table);
                return statement.execute("PRAGMA user_version = " + (scripts.size() - 1));
            }
        });
        return current;
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
