package id.outletkiosk.store;

import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.Order;
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

/**
 * The store server's durable orders (unlike the old server's in-memory 100): every open order
 * and the latest {@code keepClosed} closed ones per outlet survive restarts. Ids are this server's own.
 */
public final class StoreServerOrders implements AutoCloseable {
    /** What storing an order did. */
    public enum Change {
        CREATED, UPDATED, UNCHANGED
    }

    /** The order as stored (with its local id) and what changed. */
    public record Stored(Order order, Change change) {
    }

    static final String COLUMNS = "id, outlet_id, central_id, client_order_id, order_number, status, "
            + "customer_name, items_json, total_amount, created_at, reference, dishes_done";

    private final Database database;
    private final Clock clock;
    private final int keepClosed;
    private final PollAnswers answers;

    public StoreServerOrders(Database database, Clock clock, int keepClosed) {
        this.database = database;
        this.clock = clock;
        this.keepClosed = keepClosed;
        this.answers = new PollAnswers(database);
    }

    /** What each station screen cooks, kept in the same database. */
    public StoreServerStations stations() {
        return new StoreServerStations(database, clock);
    }

    /** The kitchens' states (open, busy, paused), kept in the same database. */
    public StoreServerKitchen kitchen() {
        return new StoreServerKitchen(database);
    }

    /** What the store server's housekeeping deletes once it is older than the retention period. */
    public List<Retention.Purge> retentionPurges() {
        return List.of(new Retention.Purge("store server orders", this::purgeClosedBefore),
                new Retention.Purge("terminal reports", terminals()::forgetReportedBefore));
    }

    /** The terminals' newest health reports, kept in the same database. */
    public StoreServerTerminals terminals() {
        return new StoreServerTerminals(database);
    }

    /**
     * Stores an order posted by a kiosk or heard from the backend: matched by central id or client order
     * id, keys filled in, status only ever moved forward.
     */
    public Stored save(Order order) {
        Stored stored = database.write(connection -> {
            List<Order> matches = find(connection, order);
            if (matches.isEmpty()) {
                return new Stored(insert(connection, order), Change.CREATED);
            }
            Order known = matches.get(0);
            if (matches.size() > 1) {
                // one row by central id, another by client order id: the same order, now linked; keep the older
                Order other = matches.get(1);
                delete(connection, other.localId());
                known = new Order(known.centralId() != null ? known.centralId() : other.centralId(), known.localId(),
                        known.clientOrderId() != null ? known.clientOrderId() : other.clientOrderId(),
                        known.orderNumber() != null ? known.orderNumber() : other.orderNumber(), known.outletId(),
                        known.status().isBefore(other.status()) ? other.status() : known.status(), known.items(),
                        known.totalAmount(), known.createdAt(), known.customerName(),
                        known.reference() != null ? known.reference() : other.reference(),
                        known.dishesDone() != null ? known.dishesDone() : other.dishesDone());
                update(connection, known);
            }
            Order merged = new Order(known.centralId() != null ? known.centralId() : order.centralId(), known.localId(),
                    known.clientOrderId() != null ? known.clientOrderId() : order.clientOrderId(),
                    known.orderNumber() != null ? known.orderNumber() : order.orderNumber(), known.outletId(),
                    known.status().isBefore(order.status()) ? order.status() : known.status(), known.items(),
                    known.totalAmount() != null ? known.totalAmount() : order.totalAmount(), known.createdAt(),
                    known.customerName() != null ? known.customerName() : order.customerName(),
                    known.reference() != null ? known.reference() : order.reference(), known.dishesDone());
            if (merged.equals(known)) {
                return new Stored(known, Change.UNCHANGED);
            }
            update(connection, merged);
            return new Stored(merged, merged.status() != known.status() ? Change.UPDATED : Change.UNCHANGED);
        });
        if (stored.change() != Change.UNCHANGED && !stored.order().status().isOpen()) {
            pruneClosed(stored.order().outletId());
        }
        forgetAnswers();
        return stored;
    }

    /**
     * A cook's bump through this server (its own id): the status moves forward only. Null when no order
     * has that id; the stored order unchanged (Change.UNCHANGED) when {@code status} is not later.
     */
    public Stored changeStatus(long localId, OrderStatus status) {
        Stored stored = database.write(connection -> {
            Order known = null;
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM local_orders WHERE id = ?")) {
                query.setLong(1, localId);
                try (ResultSet rows = query.executeQuery()) {
                    known = rows.next() ? read(rows) : null;
                }
            }
            if (known == null || !known.status().isBefore(status)) {
                return known == null ? null : new Stored(known, Change.UNCHANGED);
            }
            Order moved = known.withStatus(status);
            update(connection, moved);
            return new Stored(moved, Change.UPDATED);
        });
        if (stored != null && stored.change() == Change.UPDATED) {
            if (!status.isOpen()) {
                pruneClosed(stored.order().outletId());
            }
            forgetAnswers();
        }
        return stored;
    }

    private void forgetAnswers() {
        answers.forget();
    }

    /** Retention: completed and cancelled orders unchanged since before the cutoff are deleted. */
    public int purgeClosedBefore(java.time.Instant cutoff) {
        int purged = Sql.deleteBefore(database::write, "DELETE FROM local_orders WHERE status IN ('completed', 'cancelled') "
                + "AND updated_at < ?", cutoff);
        if (purged > 0) {
            forgetAnswers();
        }
        return purged;
    }

    /**
     * The poll answer (PROTOCOL 3.1) as the UTF-8 bytes a poller is sent: orders of the outlet above
     * {@code sinceId}, oldest first, kept until the next write.
     */
    public PollAnswer sinceAnswer(long outletId, long sinceId) {
        return answers.since(outletId, sinceId);
    }

    /**
     * {@link #sinceAnswer} when it is already in memory, else null (never reads the database): the store
     * server answers such polls on the thread that read the request, which must not wait for SQLite.
     */
    public PollAnswer cachedSinceAnswer(long outletId, long sinceId) {
        return answers.cached(outletId, sinceId);
    }

    /** {@link #sinceAnswer} as text. */
    public String sinceJson(long outletId, long sinceId) {
        return new String(sinceAnswer(outletId, sinceId).json(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A poll answer: the JSON array's UTF-8 bytes, one array shared by every poller asking the same question
     * until the next write, and how many orders it holds (counted as it is written, for the served-orders
     * meter).
     */
    public record PollAnswer(byte[] json, int orders) {
    }

    /**
     * A cook's tap on a station screen: {@code lines} of the order known by any key of {@code keys} are now
     * done (or not). Null when no order has those keys; Change.UPDATED when anything changed, so the
     * store's sockets hear it. Taps of different stations touch different lines, so the last word per
     * line is the truth; writes are serialised, so exactly one tap sees the order's last dish done.
     */
    public Stored markDishes(Order keys, java.util.Collection<Integer> lines, boolean done) {
        Stored stored = database.write(connection -> {
            Order known = findOne(connection, keys);
            if (known == null) {
                return null;
            }
            DishesDone before = known.dishesDone() == null ? DishesDone.NONE : known.dishesDone();
            DishesDone after = before.with(lines, done);
            if (after.equals(known.dishesDone())) {
                return new Stored(known, Change.UNCHANGED);
            }
            Order marked = known.withDishesDone(after);
            update(connection, marked);
            return new Stored(marked, Change.UPDATED);
        });
        if (stored != null && stored.change() == Change.UPDATED) {
            forgetAnswers();
        }
        return stored;
    }

    /** The order known by its id here, else its central id, else its client order id. */
    private Order findOne(Connection connection, Order keys) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM local_orders "
                + "WHERE id = ? OR central_id = ? OR client_order_id = ? ORDER BY id LIMIT 1")) {
            Sql.setNullableLong(query, 1, keys.localId());
            Sql.setNullableLong(query, 2, keys.centralId());
            query.setString(3, keys.clientOrderId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? read(rows) : null;
            }
        }
    }

    private static DishesDone readDishesDone(String json) throws IOException {
        return json == null ? null : OrderCodec.dishesDoneOf(Json.MAPPER.readTree(json));
    }

    @Override
    public void close() {
        database.close();
    }

    /** The store server's database on disk, in bytes, for its metrics. */
    public long databaseBytes() {
        return database.sizeBytes();
    }

    /** Orders of an outlet with a local id above {@code sinceId}, oldest first. */
    public List<Order> since(long outletId, long sinceId) {
        return database.read(connection -> {
            List<Order> orders = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM local_orders WHERE outlet_id = ? AND id > ? ORDER BY id")) {
                query.setLong(1, outletId);
                query.setLong(2, sinceId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        orders.add(read(rows));
                    }
                }
            }
            return orders;
        });
    }

    public Order byLocalId(long id) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM local_orders WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? read(rows) : null;
                }
            }
        });
    }

    private void pruneClosed(long outletId) {
        database.write(connection -> {
            try (PreparedStatement prune = connection.prepareStatement("DELETE FROM local_orders WHERE outlet_id = ? "
                    + "AND status IN ('completed', 'cancelled') AND id NOT IN (SELECT id FROM local_orders "
                    + "WHERE outlet_id = ? AND status IN ('completed', 'cancelled') ORDER BY id DESC LIMIT ?)")) {
                prune.setLong(1, outletId);
                prune.setLong(2, outletId);
                prune.setInt(3, keepClosed);
                return prune.executeUpdate();
            }
        });
    }

    private List<Order> find(Connection connection, Order order) throws SQLException {
        List<Order> found = new ArrayList<>(2);
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM local_orders "
                + "WHERE central_id = ? OR client_order_id = ? ORDER BY id LIMIT 2")) {
            Sql.setNullableLong(query, 1, order.centralId());
            query.setString(2, order.clientOrderId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
        }
        return found;
    }

    private static void delete(Connection connection, long localId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM local_orders WHERE id = ?")) {
            delete.setLong(1, localId);
            delete.executeUpdate();
        }
    }

    private Order insert(Connection connection, Order order) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO local_orders (outlet_id, central_id, "
                + "client_order_id, order_number, status, customer_name, items_json, total_amount, created_at, "
                + "updated_at, reference, dishes_done) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, order);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return order.withLocalId(keys.getLong(1));
            }
        }
    }

    private void update(Connection connection, Order order) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE local_orders SET outlet_id = ?, "
                + "central_id = ?, client_order_id = ?, order_number = ?, status = ?, customer_name = ?, "
                + "items_json = ?, total_amount = ?, created_at = ?, updated_at = ?, reference = ?, dishes_done = ? "
                + "WHERE id = ?")) {
            bind(update, order);
            update.setLong(13, order.localId());
            update.executeUpdate();
        }
    }

    private void bind(PreparedStatement statement, Order order) throws SQLException {
        statement.setLong(1, order.outletId());
        Sql.setNullableLong(statement, 2, order.centralId());
        statement.setString(3, order.clientOrderId());
        statement.setString(4, order.orderNumber());
        statement.setString(5, order.status().wireName());
        statement.setString(6, order.customerName());
        statement.setString(7, OrderCodec.encodeItems(order.items()).toString());
        statement.setString(8, order.totalAmount() == null ? null : order.totalAmount().toPlainString());
        statement.setString(9, order.createdAt() == null ? null : order.createdAt().toString());
        statement.setLong(10, clock.millis());
        statement.setString(11, order.reference());
        statement.setString(12, order.dishesDone() == null ? null
                : OrderCodec.encodeDishesDone(order.dishesDone()).toString());
    }

    private Order read(ResultSet rows) throws SQLException {
        long central = rows.getLong("central_id");
        Long centralId = rows.wasNull() ? null : central;
        String total = rows.getString("total_amount");
        String created = rows.getString("created_at");
        try {
            return new Order(centralId, rows.getLong("id"), rows.getString("client_order_id"),
                    rows.getString("order_number"), rows.getLong("outlet_id"),
                    OrderStatus.fromWireName(rows.getString("status")),
                    OrderCodec.items(Json.MAPPER.readTree(rows.getString("items_json")), ZoneId.of("UTC")),
                    total == null ? null : new BigDecimal(total), created == null ? null : Instant.parse(created),
                    rows.getString("customer_name"), rows.getString("reference"),
                    readDishesDone(rows.getString("dishes_done")));
        } catch (IOException e) {
            throw new SQLException("stored items of local order " + rows.getLong("id") + " are unreadable", e);
        }
    }

}
