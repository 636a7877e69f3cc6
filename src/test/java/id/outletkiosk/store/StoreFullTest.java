package id.outletkiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's real SQLITE_FULL, on a normal temp folder: {@code PRAGMA max_page_count} stops the file from
 * growing, so a write that needs new pages fails exactly as on a full disk. The store must say so in plain
 * words, keep no half of the write, and take writes again once one commits.
 */
class StoreFullTest {
    @TempDir
    Path folder;

    @Test
    void aWriteThatMeetsAFullStoreSaysTheDiskIsFull_keepsNothing_andTheNextWriteThatFitsClearsIt() {
        Database database = Database.open(folder.resolve("store.db"));
        try (Database.Session session = database.openSession()) {
            session.write(connection -> connection.createStatement().executeUpdate(
                    "CREATE TABLE scratch (id INTEGER PRIMARY KEY, body BLOB)"));
            session.read(connection -> connection.createStatement().execute(
                    "PRAGMA max_page_count = " + pageCount(session)));
            assertThat(database.disk().takesWrites()).isTrue();

            assertThatThrownBy(() -> session.write(connection -> {
                insert(connection, 1, 4096);
                return insert(connection, 2, 200_000); // needs pages the file may not grow to
            })).isInstanceOf(StoreFullException.class)
                    .hasMessageMatching("the local store cannot be written: the disk is full \\(\\d+ MB free\\)")
                    .hasMessageNotContaining("no transaction is active");

            assertThat(database.disk().takesWrites()).as("a kiosk asks this before a customer pays").isFalse();
            assertThat(count(session)).as("all of the write, or none of it").isZero();

            session.read(connection -> connection.createStatement().execute("PRAGMA max_page_count = 1000000"));
            session.write(connection -> insert(connection, 3, 4096));
            assertThat(database.disk().takesWrites()).isTrue();
            assertThat(count(session)).isEqualTo(1);
        }
    }

    @Test
    void anotherFailureIsNotCalledAFullDisk() {
        Database database = Database.open(folder.resolve("store.db"));
        assertThatThrownBy(() -> database.write(connection -> connection.createStatement().executeUpdate(
                "INSERT INTO no_such_table VALUES (1)")))
                .isInstanceOf(StoreException.class).isNotInstanceOf(StoreFullException.class)
                .hasMessageContaining("no such table");
        assertThat(database.disk().takesWrites()).isTrue();
    }

    private static int insert(java.sql.Connection connection, int id, int bytes) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scratch VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setBytes(2, new byte[bytes]);
            return insert.executeUpdate();
        }
    }

    private static long pageCount(Database.Session session) {
        return session.read(connection -> {
            try (var rows = connection.createStatement().executeQuery("PRAGMA page_count")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static int count(Database.Session session) {
        return session.read(connection -> {
            try (var rows = connection.createStatement().executeQuery("SELECT count(*) FROM scratch")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
