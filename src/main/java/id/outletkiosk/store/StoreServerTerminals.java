package id.outletkiosk.store;

import id.outletkiosk.wire.Json;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The store server's view of its terminals (an extension): the newest health report per terminal, kept in
 * the store server's database so a restarted server still shows who was there. A terminal is its name and
 * role: a kiosk and a kitchen screen both left at the default name (K) are two terminals, not one.
 */
public final class StoreServerTerminals {
    private static final String COLUMNS = "terminal, role, app_version, transport, transport_since, menu_version, "
            + "menu_synced_at, orders_waiting, status_changes_waiting, alerts, received_at";

    private final Database database;

    StoreServerTerminals(Database database) {
        this.database = database;
    }

    /** Keeps {@code report} as the terminal's newest (same name and role), replacing the one before. */
    public void record(TerminalReport report) {
        database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO terminal_reports ("
                    + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                upsert.setString(1, report.terminal());
                upsert.setString(2, report.role());
                upsert.setString(3, report.appVersion());
                upsert.setString(4, report.transport());
                upsert.setLong(5, report.transportSince().toEpochMilli());
                upsert.setLong(6, report.menuVersion());
                if (report.menuSyncedAt() == null) {
                    upsert.setNull(7, Types.INTEGER);
                } else {
                    upsert.setLong(7, report.menuSyncedAt().toEpochMilli());
                }
                upsert.setInt(8, report.ordersWaiting());
                upsert.setInt(9, report.statusChangesWaiting());
                upsert.setString(10, Json.MAPPER.writeValueAsString(report.alerts()));
                upsert.setLong(11, report.receivedAt().toEpochMilli());
                return upsert.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("the alerts of terminal " + report.terminal() + " cannot be written", e);
            }
        });
    }

    /** The newest report of each terminal heard from at or after {@code cutoff}, by terminal name (then role). */
    public List<TerminalReport> reportedSince(Instant cutoff) {
        return database.read(connection -> {
            List<TerminalReport> reports = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM terminal_reports WHERE received_at >= ? ORDER BY terminal, role")) {
                query.setLong(1, cutoff.toEpochMilli());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        reports.add(read(rows));
                    }
                }
            }
            return reports;
        });
    }

    /**
     * Forgets the terminals last heard from before {@code cutoff} (a retired or renamed one would otherwise stay
     * in the table for good); returns how many went. The status page and the metrics list only recent ones anyway.
     */
    public int forgetReportedBefore(Instant cutoff) {
        return Sql.deleteBefore(database::write, "DELETE FROM terminal_reports WHERE received_at < ?", cutoff);
    }

    private static TerminalReport read(ResultSet rows) throws SQLException {
        long syncedAt = rows.getLong("menu_synced_at");
        Instant menuSyncedAt = rows.wasNull() ? null : Instant.ofEpochMilli(syncedAt);
        List<String> alerts = new ArrayList<>();
        try {
            Json.MAPPER.readTree(rows.getString("alerts")).forEach(alert -> alerts.add(alert.asText()));
        } catch (IOException e) {
            throw new SQLException("the alerts of terminal " + rows.getString("terminal") + " are unreadable", e);
        }
        return new TerminalReport(rows.getString("terminal"), rows.getString("role"), rows.getString("app_version"),
                rows.getString("transport"), Instant.ofEpochMilli(rows.getLong("transport_since")),
                rows.getLong("menu_version"), menuSyncedAt, rows.getInt("orders_waiting"),
                rows.getInt("status_changes_waiting"), alerts, Instant.ofEpochMilli(rows.getLong("received_at")));
    }
}
