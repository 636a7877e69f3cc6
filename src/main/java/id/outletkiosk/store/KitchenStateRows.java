package id.outletkiosk.store;

import id.outletkiosk.model.KitchenState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** A kitchen state's four columns ({@code status, wait_minutes, changed_at, changed_by}), read and bound. */
final class KitchenStateRows {
    static final String COLUMNS = "status, wait_minutes, changed_at, changed_by";

    private KitchenStateRows() {
    }

    /** Binds the four columns from {@code first} on. */
    static void bind(PreparedStatement statement, int first, KitchenState state) throws SQLException {
        statement.setString(first, state.status().wireName());
        if (state.waitMinutes() == null) {
            statement.setNull(first + 1, Types.INTEGER);
        } else {
            statement.setInt(first + 1, state.waitMinutes());
        }
        statement.setString(first + 2, state.changedAt() == null ? null : state.changedAt().toString());
        statement.setString(first + 3, state.changedBy());
    }

    /** Reads the four columns from the row's {@link #COLUMNS}; a status this app no longer knows reads as open. */
    static KitchenState read(ResultSet row) throws SQLException {
        KitchenState.Status status = KitchenState.Status.fromWireName(row.getString("status"));
        if (status == null) {
            return KitchenState.open();
        }
        int wait = row.getInt("wait_minutes");
        Integer minutes = row.wasNull() ? null : wait;
        String changedAt = row.getString("changed_at");
        return new KitchenState(status, minutes, changedAt == null ? null : Instant.parse(changedAt),
                row.getString("changed_by"));
    }
}
