package id.outletkiosk.store;

import id.outletkiosk.model.KitchenState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The store server's word on each outlet's kitchen (open, busy, paused), in its own database so it
 * survives a restart. An outlet never set is open.
 */
public final class StoreServerKitchen {
    private final Database database;

    StoreServerKitchen(Database database) {
        this.database = database;
    }

    /** Asked by every polling screen: on a pooled connection, like the order list. */
    public KitchenState current(long outletId) {
        KitchenState kept = database.readPooled(connection -> find(connection, outletId));
        return kept == null ? KitchenState.open() : kept;
    }

    /**
     * Keeps {@code wanted} unless the kept state was set later (a kitchen's retry of an older setting
     * arriving after another screen's newer one); answers the state now kept.
     */
    public KitchenState keep(long outletId, KitchenState wanted) {
        return database.write(connection -> {
            KitchenState kept = find(connection, outletId);
            if (wanted.isOlderThan(kept)) {
                return kept;
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO kitchen_status "
                    + "(outlet_id, " + KitchenStateRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                upsert.setLong(1, outletId);
                KitchenStateRows.bind(upsert, 2, wanted);
                upsert.executeUpdate();
            }
            return wanted;
        });
    }

    private static KitchenState find(Connection connection, long outletId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + KitchenStateRows.COLUMNS + " FROM kitchen_status WHERE outlet_id = ?")) {
            select.setLong(1, outletId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? KitchenStateRows.read(rows) : null;
            }
        }
    }
}
