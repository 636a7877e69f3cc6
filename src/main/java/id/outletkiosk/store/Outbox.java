package id.outletkiosk.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.DishTapEntry;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.StatusChangeEntry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal's one durable queue of writes for central: orders placed here and status changes made
 * here (a cook's bump, a cancellation), each kept until central holds it. Placing writes the order and
 * gives its reference in one durable transaction, before anything is sent: what a customer was told
 * survives a crash and a power cut; a bump is likewise durable before the screen moves on.
 */
public final class Outbox implements AutoCloseable {
    private static final String ORDERS = "kind = 'order'";
    private static final String STATUS_CHANGES = "kind = 'status'";
    /** What a manager acts on: a station's dish taps are the store server's business, retried until it has them. */
    private static final String FOR_CENTRAL = "kind IN ('order', 'status')";

    private final Database.Session database;
    /**
     * For bookkeeping whose loss in a power cut is harmless (an attempt counted, a change marked delivered:
     * sent once more, central answers that it already holds it): commits that need not wait for the disk.
     */
    private final Database.Session bookkeeping;
    private final Clock clock;
    private final String terminal;

    public Outbox(Database database, Clock clock) {
        this(database, clock, "K");
    }

    /** @param terminal what this kiosk's references start with: "K2" gives K2-0001 */
    public Outbox(Database database, Clock clock, String terminal) {
        this.database = database.openDurableSession();
        this.bookkeeping = database.openSession();
        this.clock = clock;
        this.terminal = terminal;
    }

    /**
     * Writes an order (its items carry the unit prices the kiosk showed) and gives its reference.
     *
     * @param promotionIds per line, the promotion the kiosk applied, or null
     */
    public OutboxEntry place(NewOrder order, List<Long> promotionIds, BigDecimal kioskTotal, long dataVersion) {
        return database.write(connection -> {
            long seq;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (kind, client_order_id, "
                    + "reference, outlet_id, customer_name, items_json, promotions_json, kiosk_total, data_version, "
                    + "created_at, state) VALUES ('order', ?, '', ?, ?, ?, ?, ?, ?, ?, 'queued')",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, order.clientOrderId());
                insert.setLong(2, order.outletId());
                insert.setString(3, order.customerName());
                insert.setString(4, OrderCodec.encodeItems(order.items()).toString());
                ArrayNode promotions = Json.MAPPER.createArrayNode();
                promotionIds.forEach(id -> {
                    if (id == null) {
                        promotions.addNull();
                    } else {
                        promotions.add(id);
                    }
                });
                insert.setString(5, promotions.toString());
                insert.setString(6, kioskTotal.toPlainString());
                insert.setLong(7, dataVersion);
                insert.setLong(8, clock.millis());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
            }
            try (PreparedStatement reference = connection.prepareStatement(
                    "UPDATE outbox SET reference = ? WHERE seq = ?")) {
                // what a customer reads on screen and receipt: short; the terminal name tells the store's kiosks apart
                reference.setString(1, Order.kioskReference(terminal, seq));
                reference.setLong(2, seq);
                reference.executeUpdate();
            }
            return orders(connection, "WHERE seq = " + seq).get(0);
        });
    }

    /**
     * Writes a status change for central, durably, before anything is sent. The order is named by every
     * key it is known by now; the label is how its screen showed it.
     */
    public StatusChangeEntry queueStatusChange(Order order, OrderStatus target) {
        return database.write(connection -> {
            long seq;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (kind, outlet_id, "
                    + "created_at, state, target_status, order_central_id, order_local_id, order_client_id, order_label)"
                    + " VALUES ('status', ?, ?, 'queued', ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, order.outletId());
                insert.setLong(2, clock.millis());
                insert.setString(3, target.wireName());
                Sql.setNullableLong(insert, 4, order.centralId());
                Sql.setNullableLong(insert, 5, order.localId());
                insert.setString(6, order.clientOrderId());
                insert.setString(7, order.wireNumber()); // what staff call it: the kiosk's reference first
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
            }
            return (StatusChangeEntry) query(connection, "WHERE seq = " + seq).get(0);
        });
    }

    /**
     * Writes a station's tap (these lines of the order done, or not) for the store server, durably,
     * before anything is sent; the order is named by every key it is known by now.
     */
    public DishTapEntry queueDishTap(Order order, List<Integer> lines, boolean done, String station) {
        return database.write(connection -> {
            long seq;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (kind, outlet_id, "
                    + "created_at, state, order_central_id, order_local_id, order_client_id, order_label, dish_lines, "
                    + "dishes_done, station) VALUES ('dishes', ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, order.outletId());
                insert.setLong(2, clock.millis());
                Sql.setNullableLong(insert, 3, order.centralId());
                Sql.setNullableLong(insert, 4, order.localId());
                insert.setString(5, order.clientOrderId());
                insert.setString(6, order.wireNumber());
                insert.setString(7, OrderCodec.encodeDishesDone(new DishesDone(lines)).toString());
                insert.setBoolean(8, done);
                insert.setString(9, station);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
            }
            return (DishTapEntry) query(connection, "WHERE seq = " + seq).get(0);
        });
    }

    /** The clock the outbox dates its items by: how old an item is, is measured against it. */
    public Clock clock() {
        return clock;
    }

    /** The store server has the tap: done (a power cut before this commit sends it once more, harmlessly). */
    public void markDishTapDelivered(long seq) {
        bookkeeping.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'sent', "
                    + "attempts = attempts + 1, last_error = NULL, local_copy = 1, sent_at = ? "
                    + "WHERE seq = ? AND state = 'queued'")) {
                update.setLong(1, clock.millis());
                update.setLong(2, seq);
                return update.executeUpdate();
            }
        });
    }

    /** Everything still waiting for central, orders and status changes, oldest first: the replay order. */
    public List<OutboxItem> waiting() {
        return database.read(connection -> query(connection, "WHERE state = 'queued' ORDER BY seq"));
    }

    /** Orders still waiting for central, oldest first. */
    public List<OutboxEntry> queued() {
        return database.read(connection -> orders(connection, "WHERE state = 'queued' AND " + ORDERS + " ORDER BY seq"));
    }

    /**
     * Orders central took in the last {@code within} that the store server has no copy of (it was away,
     * or refused a burst), oldest first, at most {@code limit}: the copy carries the number the customer
     * holds to every screen of the store.
     */
    public List<OutboxEntry> sentWithoutStoreServerCopy(java.time.Duration within, int limit) {
        long since = clock.millis() - within.toMillis();
        return database.read(connection -> orders(connection, "WHERE state = 'sent' AND local_copy = 0 AND "
                + ORDERS + " AND sent_at >= " + since + " ORDER BY seq LIMIT " + limit));
    }

    /** Orders a manager can still act on (waiting or refused), oldest first; sent ones are not read. */
    public List<OutboxEntry> open() {
        return database.read(connection -> orders(connection,
                "WHERE state IN ('queued', 'attention') AND " + ORDERS + " ORDER BY seq"));
    }

    /**
     * Everything a manager can still act on, orders and status changes together (waiting for central or
     * refused by it), oldest first, in one read so the two kinds are never from different moments.
     */
    public List<OutboxItem> openItems() {
        return database.read(connection -> query(connection, "WHERE state IN ('queued', 'attention') AND "
                + FOR_CENTRAL + " ORDER BY seq"));
    }

    /** Status changes a manager can still act on (waiting for central or refused by it), oldest first. */
    public List<StatusChangeEntry> openStatusChanges() {
        return database.read(connection -> statusChanges(connection,
                "WHERE state IN ('queued', 'attention') AND " + STATUS_CHANGES + " ORDER BY seq"));
    }

    public List<OutboxEntry> needingAttention() {
        return database.read(connection -> orders(connection,
                "WHERE state = 'attention' AND " + ORDERS + " ORDER BY seq"));
    }

    /** One order as it stands now: the kiosk's confirmation screen waits on it for the central order number. */
    public java.util.Optional<OutboxEntry> entry(long seq) {
        return database.read(connection -> orders(connection, "WHERE seq = " + seq)).stream().findFirst();
    }

    /** Every order, oldest first. */
    public List<OutboxEntry> all() {
        return database.read(connection -> orders(connection, "WHERE " + ORDERS + " ORDER BY seq"));
    }

    /** Every status change, oldest first. */
    public List<StatusChangeEntry> allStatusChanges() {
        return database.read(connection -> statusChanges(connection, "WHERE " + STATUS_CHANGES + " ORDER BY seq"));
    }

    public void markLocalCopy(long seq) {
        update("UPDATE outbox SET local_copy = 1 WHERE seq = ?", seq);
    }

    public void markFailedAttempt(long seq, String error) {
        bookkeeping.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
                update.setString(1, error);
                update.setLong(2, seq);
                return update.executeUpdate();
            }
        });
    }

    /** Central has it: its id, number and total are kept; a total unlike the kiosk's is flagged. */
    /** @param copiedToStoreServer the store server took its copy too (in the same pass, just before) */
    public OutboxEntry markSent(long seq, Order placed, boolean copiedToStoreServer) {
        return database.write(connection -> {
            OutboxEntry entry = orders(connection, "WHERE seq = " + seq).get(0);
            boolean mismatch = placed.totalAmount() != null && placed.totalAmount().compareTo(entry.kioskTotal()) != 0;
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'sent', "
                    + "attempts = attempts + 1, last_error = NULL, central_id = ?, order_number = ?, server_total = ?, "
                    + "total_mismatch = ?, sent_at = ?, local_copy = local_copy OR ? WHERE seq = ?")) {
                Sql.setNullableLong(update, 1, placed.centralId());
                update.setString(2, placed.orderNumber());
                update.setString(3, placed.totalAmount() == null ? null : placed.totalAmount().toPlainString());
                update.setBoolean(4, mismatch);
                update.setLong(5, clock.millis());
                update.setBoolean(6, copiedToStoreServer);
                update.setLong(7, seq);
                update.executeUpdate();
            }
            return orders(connection, "WHERE seq = " + seq).get(0);
        });
    }

    /**
     * Central holds the status change (or a later status): done. A late answer cannot revive a change a
     * manager discarded meanwhile.
     */
    public void markStatusDelivered(long seq, Long centralId) {
        bookkeeping.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'sent', "
                    + "attempts = attempts + 1, last_error = NULL, order_central_id = coalesce(?, order_central_id), "
                    + "sent_at = ? WHERE seq = ? AND state = 'queued'")) {
                Sql.setNullableLong(update, 1, centralId);
                update.setLong(2, clock.millis());
                update.setLong(3, seq);
                return update.executeUpdate();
            }
        });
    }

    /** Central refused it for good (an order or a status change): kept, with the reason, for a manager. */
    public void markAttention(long seq, String reason) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'attention', "
                    + "attempts = attempts + 1, last_error = ? WHERE seq = ? AND state <> 'discarded'")) {
                update.setString(1, reason);
                update.setLong(2, seq);
                return update.executeUpdate();
            }
        });
    }

    /**
     * A manager's "try again" on an order or status change central refused: back in the queue, the refusal kept as its
     * last error until the next attempt. False when it was not waiting for a manager (already sent, say).
     */
    public boolean retry(long seq) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'queued' WHERE seq = ? AND state = 'attention'")) {
                update.setLong(1, seq);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * A manager's "discard": never sent from now on, kept with the time and reason. Only a queued order
     * or one needing attention can be discarded; false otherwise (central got it meanwhile, say).
     */
    public boolean discard(long seq, String reason) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'discarded', "
                    + "discarded_at = ?, discard_reason = ? WHERE seq = ? AND state IN ('queued', 'attention')")) {
                update.setLong(1, clock.millis());
                update.setString(2, reason);
                update.setLong(3, seq);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Retention: orders central has (or a manager discarded) longer ago than the cutoff are deleted. */
    public int purgeClosedBefore(Instant cutoff) {
        return Sql.deleteBefore(database::write, "DELETE FROM outbox WHERE state IN ('sent', 'discarded') "
                + "AND coalesce(sent_at, discarded_at, created_at) < ?", cutoff);
    }

    public OutboxStatus status() {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT sum(state = 'queued' AND " + ORDERS + "), "
                            + "sum(state = 'sent' AND " + ORDERS + "), sum(state = 'attention' AND " + ORDERS + "), "
                            + "min(CASE WHEN state = 'queued' AND " + ORDERS + " THEN created_at END), "
                            + "sum(total_mismatch), sum(state = 'queued' AND " + STATUS_CHANGES + "), "
                            + "sum(state = 'attention' AND " + STATUS_CHANGES + "), "
                            + "min(CASE WHEN state = 'queued' AND " + STATUS_CHANGES + " THEN created_at END) "
                            + "FROM outbox")) {
                rows.next();
                return new OutboxStatus(rows.getInt(1), rows.getInt(2), rows.getInt(3), ageOf(rows, 4), rows.getInt(5),
                        rows.getInt(6), rows.getInt(7), ageOf(rows, 8));
            }
        });
    }

    /** How long ago the time in {@code column} was; zero when there is none. */
    private Duration ageOf(ResultSet rows, int column) throws SQLException {
        long at = rows.getLong(column);
        return rows.wasNull() ? Duration.ZERO : Duration.ofMillis(Math.max(0, clock.millis() - at));
    }

    private void update(String sql, long seq) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setLong(1, seq);
                return update.executeUpdate();
            }
        });
    }

    private List<OutboxItem> query(Connection connection, String where) throws SQLException {
        List<OutboxItem> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + OutboxRows.COLUMNS + " FROM outbox " + where)) {
            while (rows.next()) {
                entries.add(OutboxRows.read(rows));
            }
        }
        return entries;
    }

    private List<OutboxEntry> orders(Connection connection, String where) throws SQLException {
        return query(connection, where).stream().filter(OutboxEntry.class::isInstance).map(OutboxEntry.class::cast)
                .toList();
    }

    private List<StatusChangeEntry> statusChanges(Connection connection, String where) throws SQLException {
        return query(connection, where).stream().filter(StatusChangeEntry.class::isInstance)
                .map(StatusChangeEntry.class::cast).toList();
    }

    @Override
    public void close() {
        database.close();
        bookkeeping.close();
    }
}
