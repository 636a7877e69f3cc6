package id.outletkiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small JDBC helpers the stores share. */
final class Sql {
    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);

    private Sql() {
    }

    static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    /**
     * Runs work in one transaction on an open connection: all of it commits, or none of it. Once the
     * commit returned the work has happened, whatever the connection says afterwards: on a full disk SQLite
     * commits, then fails to open the next transaction, and restoring auto-commit says "cannot commit - no
     * transaction is active". That is logged, never thrown as if the work had failed.
     */
    static <T> T inTransaction(Connection connection, Database.SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // SQLite rolls back by itself on some errors (a full disk): then our rollback and the restore fail
            // with "no transaction is active", and those must not hide the error that says what happened. The
            // restore is tried even so: it resets the driver's flag, or a kept-open connection (the orders'
            // session) would fail every later write with "cannot commit - no transaction is active"
            try {
                connection.rollback();
            } catch (SQLException after) {
                e.addSuppressed(after);
            }
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException after) {
                e.addSuppressed(after);
            }
            throw e;
        }
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException after) {
            LOG.warn("the local store committed, then could not reset its connection: {}", after.getMessage());
        }
        return result;
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
