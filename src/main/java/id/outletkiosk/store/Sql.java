package id.outletkiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Small JDBC helpers the stores share. */
final class Sql {
    private Sql() {
    }

    static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Runs work in one transaction on an open connection: all of it commits, or none of it. */
    static <T> T inTransaction(Connection connection, Database.SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Runs a retention DELETE whose only parameter is the cutoff in epoch milliseconds, through a store's
     * {@code write} (a database or a session of one).
     * @return rows deleted
     */
    static int deleteBefore(java.util.function.Function<Database.SqlWork<Integer>, Integer> write, String sql,
            java.time.Instant cutoff) {
        return write.apply(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setLong(1, cutoff.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }
}
