package id.outletkiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbered schema scripts applied in order; SQLite's {@code user_version} records the last one applied.
 * Each script runs in its own transaction with the version bump, so a crash mid-migration leaves the
 * previous schema whole.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** The terminal's store. */
    static final List<String> SCRIPTS = List.of("V1__master_data.sql", "V2__orders_seen.sql", "V3__outbox.sql",
            "V4__outbox_discard.sql", "V5__status_changes.sql", "V6__orders_seen_settled.sql",
            "V7__orders_seen_reference.sql", "V8__dishes_done.sql", "V9__service_times.sql",
            "V10__kitchen_status_wanted.sql");
    /** The store server's store. */
    static final List<String> LOCAL_SERVER_SCRIPTS = List.of("L1__local_orders.sql", "L2__local_orders_reference.sql",
            "L3__dishes_and_stations.sql", "L4__kitchen_status.sql", "L5__terminal_reports.sql");

    private Migrations() {
    }

    static void apply(Database database, List<String> scripts) {
        try (Connection connection = database.connect()) {
            int current = userVersion(connection);
            if (current > scripts.size()) {
                throw new StoreException("the local store " + database.file() + " has schema version " + current
                        + ", newer than this app knows (" + scripts.size() + "): update the app or use another data folder");
            }
            for (int index = current; index < scripts.size(); index++) {
                applyScript(connection, index + 1, scripts.get(index));
            }
        } catch (SQLException e) {
            throw database.failure("opening the local store " + database.file(), e);
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void applyScript(Connection connection, int version, String name) throws SQLException {
        String script = readScript(name);
        Sql.inTransaction(connection, work -> {
            try (Statement statement = work.createStatement()) {
                for (String sql : script.split(";\\s*(\\n|$)")) {
                    String withoutComments = sql.replaceAll("(?m)^\\s*--.*$", "").trim();
                    if (!withoutComments.isEmpty()) {
                        statement.execute(withoutComments);
                    }
                }
                statement.execute("PRAGMA user_version = " + version);
            }
            return null;
        });
        LOG.info("store schema migrated to version {} ({})", version, name);
    }

    private static String readScript(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new StoreException("schema script " + name + " is missing from the app");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("reading schema script " + name + " failed", e);
        }
    }
}
