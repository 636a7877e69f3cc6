package id.outletkiosk.store;

import id.outletkiosk.model.KitchenState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The kitchen state this terminal last set, kept durably until the servers hold it: only the latest
 * setting is kept (an older one is never sent after a newer one), with a version that grows with every
 * setting, so the answer to a send of an older one never marks the newer one as held.
 */
public final class WantedKitchenStatus {
    /** Which server holds the wanted state. */
    public enum Server {
        STORE_SERVER("store_server_has"), CENTRAL("central_has");

        private final String column;

        Server(String column) {
            this.column = column;
        }
    }

    /** The latest setting and who holds it already. */
    public record Wanted(long outletId, KitchenState state, long version, boolean storeServerHas,
            boolean centralHas) {
        public boolean heldBy(Server server) {
            return server == Server.STORE_SERVER ? storeServerHas : centralHas;
        }
    }

    private final Database database;

    public WantedKitchenStatus(Database database) {
        this.database = database;
    }

    /** Replaces whatever was wanted by {@code state}, held by no server yet. */
    public Wanted want(long outletId, KitchenState state) {
        return database.write(connection -> {
            long version;
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM kitchen_status_wanted");
                    ResultSet rows = next.executeQuery()) {
                rows.next();
                version = rows.getLong(1);
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO kitchen_status_wanted "
                    + "(id, outlet_id, " + KitchenStateRows.COLUMNS + ", version, store_server_has, central_has) "
                    + "VALUES (1, ?, ?, ?, ?, ?, ?, 0, 0)")) {
                upsert.setLong(1, outletId);
                KitchenStateRows.bind(upsert, 2, state);
                upsert.setLong(6, version);
                upsert.executeUpdate();
            }
            return new Wanted(outletId, state, version, false, false);
        });
    }

    /** The latest setting, empty when this terminal never set one. */
    public Optional<Wanted> latest() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT outlet_id, " + KitchenStateRows.COLUMNS
                    + ", version, store_server_has, central_has FROM kitchen_status_wanted WHERE id = 1");
                    ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Wanted(rows.getLong("outlet_id"), KitchenStateRows.read(rows),
                        rows.getLong("version"), rows.getInt("store_server_has") == 1,
                        rows.getInt("central_has") == 1)) : Optional.empty();
            }
        });
    }

    /** {@code server} holds setting {@code version}; nothing changes when a newer one replaced it meanwhile. */
    public void heldBy(Server server, long version) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE kitchen_status_wanted SET " + server.column + " = 1 WHERE version = ?")) {
                update.setLong(1, version);
                return update.executeUpdate();
            }
        });
    }
}
