package id.outletkiosk.store;

import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every order the terminal has seen, indexed by each key it is known by (central id, local id,
 * client order id). Recording an order answers whether it is new, changed or already known, so each
 * change reaches the screens once whichever transport brings it, however often.
 */
public final class OrderLedger implements AutoCloseable {
    /** What recording an order found. */
    public enum Outcome {
        /** Never seen under any of its keys. */
        NEW,
        /** Seen, and now further in its life (status moved forward). */
        CHANGED,
        /** Nothing new: a repeat, or an older state than the one known. */
        DUPLICATE,
        /**
         * Met before under keys nothing linked (a central frame shown on its own, say), now one order: one
         * row from here on, at the furthest status either had; a screen that shows two tickets folds them.
         */
        MERGED,
        /**
         * Seen, same status, and now called by another number: a kiosk's reference (from the store server's
         * copy) or central's number joined it. Screens show the number the customer holds.
         */
        RENUMBERED,
        /** Seen, same status and number, and its dishes tapped done (or undone) on a station screen. */
        PROGRESSED
    }

    /** The outcome and the order as the ledger now knows it (keys merged). */
    public record Recorded(Outcome outcome, Order order) {
    }

    private static final String COLUMNS = "ref, outlet_id, central_id, local_id, client_order_id, order_number, status, "
            + "customer_name, items_json, total_amount, created_at, settled, reference, dishes_done";

    private final Database.Session database;
    private final Clock clock;

    public OrderLedger(Database database, Clock clock) {
        this.database = database.openSession();
        this.clock = clock;
    }

    @Override
    public void close() {
        database.close();
    }

    /** Records an order heard from anywhere but central (the store server, this terminal's own change). */
    public Recorded record(Order incoming) {
        return database.write(connection -> record(connection, incoming, false, clock.millis()));
    }

    /** Records an order as central holds it: its closed status is final even over another closed one here. */
    public Recorded recordFromCentral(Order incoming) {
        return database.write(connection -> record(connection, incoming, true, clock.millis()));
    }

    /**
     * Records a server's order list and moves its cursor to {@code lastId}, in one transaction: a
     * catch-up of thousands of rows is one commit, and the cursor never runs ahead of what is recorded.
     */
    public List<Recorded> recordList(List<Order> incoming, String source, long lastId) {
        return recordList(incoming, source, lastId, false);
    }

    /**
     * @param fromCentral the list is central's: see {@link #recordFromCentral}
     *
     * <p>A list re-read for its open orders is mostly orders known and unchanged: those are found without
     * the write lock, so the one write transaction (the rest, and the cursor) stays short and the outbox's
     * commits on the same file do not wait behind a re-read of the whole day.
     */
    public List<Recorded> recordList(List<Order> incoming, String source, long lastId, boolean fromCentral) {
        Recorded[] recorded = new Recorded[incoming.size()];
        boolean cursorMoves = database.read(connection -> {
            for (int index = 0; index < incoming.size(); index++) {
                recorded[index] = unchanged(findByKeys(connection, incoming.get(index)), incoming.get(index),
                        fromCentral);
            }
            return lastId > cursor(connection, source);
        });
        boolean anyToWrite = java.util.Arrays.stream(recorded).anyMatch(Objects::isNull);
        if (anyToWrite || cursorMoves) {
            database.write(connection -> {
                long now = clock.millis();
                for (int index = 0; index < incoming.size(); index++) {
                    if (recorded[index] == null) {
                        recorded[index] = record(connection, incoming.get(index), fromCentral, now);
                    }
                }
                saveCursor(connection, source, lastId);
                return null;
            });
        }
        return List.of(recorded);
    }

    /** Central's own word that an order this terminal holds closed closed that way: it need not be re-read. */
    private static boolean settles(Row known, Order incoming, boolean fromCentral) {
        return fromCentral && !known.settled() && !incoming.status().isOpen();
    }

    /** A repeat that changes nothing (one row, no key or field to add, no status move), else null. */
    private static Recorded unchanged(List<Row> known, Order incoming, boolean fromCentral) {
        if (known.size() != 1) {
            return null;
        }
        Order kept = known.get(0).order;
        if (kept.status().yieldsTo(incoming.status(), fromCentral) || !kept.filledFrom(incoming).equals(kept)
                || settles(known.get(0), incoming, fromCentral) || DishesDone.news(kept, incoming)
                || (incoming.dishesDone() != null && kept.dishesDone() == null)) {
            return null;
        }
        return new Recorded(Outcome.DUPLICATE, kept);
    }

    private Recorded record(Connection connection, Order incoming, boolean fromCentral, long now)
            throws SQLException {
        List<Row> known = findByKeys(connection, incoming);
        if (known.isEmpty()) {
            long ref = insert(connection, incoming, now);
            if (fromCentral && !incoming.status().isOpen()) {
                settle(connection, ref);
            }
            return new Recorded(Outcome.NEW, incoming);
        }
        Row kept = known.get(0);
        Order merged = kept.order;
        for (Row other : known.subList(1, known.size())) {
            // the same order met under different keys before anything linked them: one row from now on,
            // at the furthest status either had reached (a bump may have been made on either)
            delete(connection, other.ref);
            merged = merged.filledFrom(other.order);
            if (merged.status().isBefore(other.order.status())) {
                merged = merged.withStatus(other.order.status());
            }
        }
        boolean progressed = DishesDone.news(merged, incoming);
        merged = merged.filledFrom(incoming);
        if (incoming.dishesDone() != null) {
            merged = merged.withDishesDone(incoming.dishesDone());
        }
        boolean moved = merged.status().yieldsTo(incoming.status(), fromCentral);
        if (moved) {
            merged = merged.withStatus(incoming.status());
        }
        if (moved || !merged.equals(kept.order) || known.size() > 1) {
            update(connection, kept.ref, merged, moved ? now : -1);
        }
        if (fromCentral && !merged.status().isOpen() && merged.status() == incoming.status()) {
            settle(connection, kept.ref);
        }
        boolean renumbered = !Objects.equals(merged.reference(), kept.order.reference())
                || !Objects.equals(merged.orderNumber(), kept.order.orderNumber());
        return new Recorded(moved ? Outcome.CHANGED : known.size() > 1 ? Outcome.MERGED
                : renumbered ? Outcome.RENUMBERED : progressed ? Outcome.PROGRESSED : Outcome.DUPLICATE, merged);
    }


    /** The order known under any of the keys of {@code probe}, or {@code null}. */
    public Order find(Order probe) {
        List<Row> rows = database.read(connection -> findByKeys(connection, probe));
        return rows.isEmpty() ? null : rows.get(0).order;
    }

    /** Open orders of an outlet, oldest first: what a kitchen board shows after a restart. */
    public List<Order> openOrders(long outletId) {
        return database.read(connection -> {
            List<Order> orders = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM orders_seen "
                    + "WHERE outlet_id = ? AND status IN ('pending', 'preparing', 'ready') ORDER BY ref")) {
                query.setLong(1, outletId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        orders.add(read(rows).order);
                    }
                }
            }
            return orders;
        });
    }

    /**
     * The smallest id one server gave to an order still open here (central ids for central's list, local
     * ids for the store server's), or {@code null} when none is open: re-reading a list from there
     * shows every status change of the open orders, at a cost that grows with open orders only. For
     * central, an order closed here on another server's word counts as open until central confirms it.
     */
    public Long oldestOpenId(long outletId, OrderCodec.Origin server) {
        boolean central = server == OrderCodec.Origin.CENTRAL;
        String column = central ? "central_id" : "local_id";
        // central's list is also re-read for an order closed here on another server's word (served, say)
        // until central itself says how it closed: the counter may have cancelled it meanwhile
        String unsettled = central ? " OR settled = 0" : "";
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT min(" + column + ") FROM orders_seen "
                    + "WHERE outlet_id = ? AND (status IN ('pending', 'preparing', 'ready')" + unsettled + ")")) {
                query.setLong(1, outletId);
                try (ResultSet rows = query.executeQuery()) {
                    long oldest = rows.next() ? rows.getLong(1) : 0;
                    return rows.wasNull() ? null : oldest;
                }
            }
        });
    }

    /** True while the outlet has an order that is not completed or cancelled: polling keeps the busy pace. */
    public boolean hasOpenOrders(long outletId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM orders_seen "
                    + "WHERE outlet_id = ? AND status IN ('pending', 'preparing', 'ready') LIMIT 1")) {
                query.setLong(1, outletId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Retention: completed and cancelled orders unchanged since before the cutoff are deleted. */
    public int purgeClosedBefore(java.time.Instant cutoff) {
        return Sql.deleteBefore(database::write, "DELETE FROM orders_seen WHERE status IN ('completed', 'cancelled') "
                + "AND changed_at < ?", cutoff);
    }

    public int count() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM orders_seen");
                    ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        });
    }

    /** How far a server's order list has been read; 0 when never. */
    public long cursor(String source) {
        return database.read(connection -> cursor(connection, source));
    }

    private static long cursor(Connection connection, String source) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT last_id FROM feed_cursors WHERE source = ?")) {
            query.setString(1, source);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        }
    }

    private static void saveCursor(Connection connection, String source, long lastId) throws SQLException {
        try (PreparedStatement save = connection.prepareStatement("INSERT INTO feed_cursors (source, last_id) "
                + "VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET last_id = excluded.last_id "
                + "WHERE excluded.last_id > feed_cursors.last_id")) {
            save.setString(1, source);
            save.setLong(2, lastId);
            save.executeUpdate();
        }
    }

    private List<Row> findByKeys(Connection connection, Order order) throws SQLException {
        return Sql.byOrderKeys(connection, "orders_seen", COLUMNS, order, this::read);
    }

    private long insert(Connection connection, Order order, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders_seen (outlet_id, central_id, "
                + "local_id, client_order_id, order_number, status, customer_name, items_json, total_amount, created_at,"
                + " reference, dishes_done, seen_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, order);
            insert.setLong(13, now);
            insert.setLong(14, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void settle(Connection connection, long ref) throws SQLException {
        try (PreparedStatement settle = connection.prepareStatement(
                "UPDATE orders_seen SET settled = 1 WHERE ref = ? AND settled = 0")) {
            settle.setLong(1, ref);
            settle.executeUpdate();
        }
    }

    private void update(Connection connection, long ref, Order order, long changedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE orders_seen SET outlet_id = ?, "
                + "central_id = ?, local_id = ?, client_order_id = ?, order_number = ?, status = ?, customer_name = ?, "
                + "items_json = ?, total_amount = ?, created_at = ?, reference = ?, dishes_done = ?, "
                + "changed_at = max(changed_at, ?) WHERE ref = ?")) {
            bind(update, order);
            update.setLong(13, changedAt);
            update.setLong(14, ref);
            update.executeUpdate();
        }
    }

    private void bind(PreparedStatement statement, Order order) throws SQLException {
        statement.setLong(1, order.outletId());
        Sql.setNullableLong(statement, 2, order.centralId());
        Sql.setNullableLong(statement, 3, order.localId());
        statement.setString(4, order.clientOrderId());
        statement.setString(5, order.orderNumber());
        statement.setString(6, order.status().wireName());
        statement.setString(7, order.customerName());
        statement.setString(8, OrderCodec.encodeItems(order.items()).toString());
        statement.setString(9, order.totalAmount() == null ? null : order.totalAmount().toPlainString());
        Sql.setNullableLong(statement, 10, order.createdAt() == null ? null : order.createdAt().toEpochMilli());
        statement.setString(11, order.reference());
        statement.setString(12, order.dishesDone() == null ? null
                : OrderCodec.encodeDishesDone(order.dishesDone()).toString());
    }

    private static void delete(Connection connection, long ref) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM orders_seen WHERE ref = ?")) {
            delete.setLong(1, ref);
            delete.executeUpdate();
        }
    }

    private Row read(ResultSet rows) throws SQLException {
        long central = rows.getLong("central_id");
        Long centralId = rows.wasNull() ? null : central;
        long local = rows.getLong("local_id");
        Long localId = rows.wasNull() ? null : local;
        long created = rows.getLong("created_at");
        Instant createdAt = rows.wasNull() ? null : Instant.ofEpochMilli(created);
        String total = rows.getString("total_amount");
        List<OrderItem> items;
        DishesDone dishesDone;
        try {
            items = OrderCodec.items(Json.MAPPER.readTree(rows.getString("items_json")), ZoneId.of("UTC"));
            String dishes = rows.getString("dishes_done");
            dishesDone = dishes == null ? null : OrderCodec.dishesDoneOf(Json.MAPPER.readTree(dishes));
        } catch (IOException e) {
            throw new SQLException("stored items of order " + rows.getLong("ref") + " are unreadable", e);
        }
        Order order = new Order(centralId, localId, rows.getString("client_order_id"), rows.getString("order_number"),
                rows.getLong("outlet_id"), Objects.requireNonNull(OrderStatus.fromWireName(rows.getString("status"))),
                items, total == null ? null : new BigDecimal(total), createdAt, rows.getString("customer_name"),
                rows.getString("reference"), dishesDone);
        return new Row(rows.getLong("ref"), order, rows.getBoolean("settled"));
    }


    /** @param settled central itself said how the order closed (see {@link #oldestOpenId}) */
    private record Row(long ref, Order order, boolean settled) {
    }
}
