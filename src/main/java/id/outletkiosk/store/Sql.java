package id.outletkiosk.store;

import id.outletkiosk.model.Order;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
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

    /** How one row becomes a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * The rows of {@code table} that name {@code order} by any of its keys (central id, store server id,
     * client order id), oldest first: one order, known under several keys, is one row once they are linked.
     */
    static <T> List<T> byOrderKeys(Connection connection, String table, String columns, Order order,
            RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + columns + " FROM " + table
                + " WHERE central_id = ? OR local_id = ? OR client_order_id = ? ORDER BY ref")) {
            setNullableLong(query, 1, order.centralId());
            setNullableLong(query, 2, order.localId());
            query.setString(3, order.clientOrderId());
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    rows.add(mapper.map(found));
                }
            }
        }
        return rows;
    }
}
