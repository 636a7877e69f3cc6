package id.outletkiosk.store;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.TicketTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When each order was placed, ready, served or cancelled, and when each kitchen station did its part: the
 * speed-of-service figures' one record, and the only writer of its tables. One row per order under every
 * key it is known by: an order heard of by its store server id that later shows its central id stays one
 * row, and two rows that a later order links are merged. The first time recorded wins: a repeat (the same
 * change from two transports, a restart's catch-up) moves no time. Every method is idempotent.
 */
public final class ServiceTimes implements AutoCloseable {
    private static final String COLUMNS = "ref, central_id, local_id, client_order_id, placed_at, placed_guessed, "
            + "status, ready_at, served_at, cancelled_at";

    private final Database.Session database;

    public ServiceTimes(Database database) {
        this.database = database.openSession();
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * An order as heard at {@code heardAt}. Met before at an earlier status, it reached its status then (as
     * near as this terminal knows: a change heard late after a restart counts when heard). Met for the first
     * time already ready or served, it counts as placed, with no ready time: nobody here saw when.
     */
    public void orderSeen(Order order, Instant heardAt) {
        database.write(connection -> {
            Row row = rowOf(connection, order, heardAt);
            if (!row.created() && row.status().yieldsTo(order.status(), true)) {
                reach(connection, row, order.status(), heardAt);
            }
            return null;
        });
    }

    /** {@code order} reached {@code status} at {@code at}, as seen where it happened (a cook's bump here). */
    public void statusReached(Order order, OrderStatus status, Instant at) {
        database.write(connection -> {
            Row row = rowOf(connection, order, at);
            // a row made just now from the order as it was before the change still knows what came before;
            // one made from the order as it is after cannot say whether it was ready before it was served
            reach(connection, row.created() && !row.status().isBefore(status) ? row.unknownBefore() : row, status, at);
            return null;
        });
    }

    /** A station has its part of the order to cook (its ticket shows there). */
    public void stationHas(Order order, String station, Instant heardAt) {
        database.write(connection -> {
            saveStation(connection, rowOf(connection, order, heardAt).ref(), station, null);
            return null;
        });
    }

    /** A station's cook tapped its part of the order done at {@code at}. */
    public void stationDone(Order order, String station, Instant at) {
        database.write(connection -> {
            saveStation(connection, rowOf(connection, order, at).ref(), station, at.toEpochMilli());
            return null;
        });
    }

    /** The tickets placed on a local day, oldest first, with their stations. */
    public List<TicketTimes> placedOn(LocalDate day, ZoneId zone) {
        return placedBetween(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The tickets placed from {@code from} (inclusive) to {@code to}, oldest first. */
    public List<TicketTimes> placedBetween(Instant from, Instant to) {
        return database.read(connection -> {
            Map<Long, List<TicketTimes.StationTime>> stations = stationsBetween(connection, from, to);
            List<TicketTimes> tickets = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM service_times "
                    + "WHERE placed_at >= ? AND placed_at < ? ORDER BY placed_at, ref")) {
                query.setLong(1, from.toEpochMilli());
                query.setLong(2, to.toEpochMilli());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Row row = read(rows);
                        tickets.add(new TicketTimes(row.key(), Instant.ofEpochMilli(row.placedAt()), row.status(),
                                instant(row.readyAt()), instant(row.servedAt()), instant(row.cancelledAt()),
                                stations.getOrDefault(row.ref(), List.of())));
                    }
                }
            }
            return tickets;
        });
    }

    private static Map<Long, List<TicketTimes.StationTime>> stationsBetween(Connection connection, Instant from,
            Instant to) throws SQLException {
        Map<Long, List<TicketTimes.StationTime>> stations = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT s.ref, s.station, s.done_at "
                + "FROM service_station_times s JOIN service_times t ON t.ref = s.ref "
                + "WHERE t.placed_at >= ? AND t.placed_at < ? ORDER BY s.station")) {
            query.setLong(1, from.toEpochMilli());
            query.setLong(2, to.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stations.computeIfAbsent(rows.getLong(1), ref -> new ArrayList<>()).add(
                            new TicketTimes.StationTime(rows.getString(2), instant(nullableLong(rows, 3))));
                }
            }
        }
        return stations;
    }

    /** Retention: the orders placed before the cutoff go, with their stations' times. */
    public int purgePlacedBefore(Instant cutoff) {
        return database.write(connection -> {
            try (PreparedStatement stations = connection.prepareStatement("DELETE FROM service_station_times WHERE ref "
                    + "IN (SELECT ref FROM service_times WHERE placed_at < ?)");
                    PreparedStatement orders = connection.prepareStatement(
                            "DELETE FROM service_times WHERE placed_at < ?")) {
                stations.setLong(1, cutoff.toEpochMilli());
                stations.executeUpdate();
                orders.setLong(1, cutoff.toEpochMilli());
                return orders.executeUpdate();
            }
        });
    }

    public int count() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM service_times");
                    ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        });
    }

    /**
     * The order's one row: made when new (placed at the order's time, else when heard of), else the row
     * found under any of its keys, with rows that only this order links merged into it and its keys filled.
     */
    private Row rowOf(Connection connection, Order order, Instant heardAt) throws SQLException {
        List<Row> known = findByKeys(connection, order);
        if (known.isEmpty()) {
            return insert(connection, order, heardAt);
        }
        Row kept = known.get(0);
        for (Row other : known.subList(1, known.size())) {
            moveStations(connection, other.ref(), kept.ref());
            delete(connection, other.ref());
            kept = kept.mergedWith(other);
        }
        kept = kept.filledFrom(order);
        update(connection, kept);
        return kept;
    }

    /** Records the time of reaching {@code status} (first time wins) and moves the row's status on. */
    private static void reach(Connection connection, Row row, OrderStatus status, Instant at) throws SQLException {
        long millis = at.toEpochMilli();
        // served straight from the kitchen, never seen ready: it was ready when served, at the latest
        boolean readyWhenServed = status == OrderStatus.COMPLETED && row.status() != null
                && row.status().isBefore(OrderStatus.READY);
        Row reached = new Row(row.ref(), row.centralId(), row.localId(), row.clientOrderId(), row.placedAt(),
                row.placedGuessed(), row.status() == null || row.status().yieldsTo(status, true) ? status : row.status(),
                firstOf(row.readyAt(), status == OrderStatus.READY || readyWhenServed ? millis : null),
                firstOf(row.servedAt(), status == OrderStatus.COMPLETED ? millis : null),
                firstOf(row.cancelledAt(), status == OrderStatus.CANCELLED ? millis : null), false);
        update(connection, reached);
    }

    private static Long firstOf(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.min(a, b);
    }

    private static void saveStation(Connection connection, long ref, String station, Long doneAt) throws SQLException {
        try (PreparedStatement save = connection.prepareStatement("INSERT INTO service_station_times (ref, station, "
                + "done_at) VALUES (?, ?, ?) ON CONFLICT (ref, station) DO UPDATE SET done_at = "
                + "coalesce(min(done_at, excluded.done_at), done_at, excluded.done_at)")) {
            save.setLong(1, ref);
            save.setString(2, Objects.requireNonNull(station, "station"));
            Sql.setNullableLong(save, 3, doneAt);
            save.executeUpdate();
        }
    }

    private static void moveStations(Connection connection, long from, long to) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement("INSERT INTO service_station_times (ref, station, "
                + "done_at) SELECT ?, station, done_at FROM service_station_times WHERE ref = ? AND true "
                + "ON CONFLICT (ref, station) DO UPDATE SET done_at = "
                + "coalesce(min(done_at, excluded.done_at), done_at, excluded.done_at)")) {
            move.setLong(1, to);
            move.setLong(2, from);
            move.executeUpdate();
        }
    }

    private static List<Row> findByKeys(Connection connection, Order order) throws SQLException {
        return Sql.byOrderKeys(connection, "service_times", COLUMNS, order, ServiceTimes::read);
    }

    private static Row insert(Connection connection, Order order, Instant heardAt) throws SQLException {
        boolean guessed = order.createdAt() == null;
        long placedAt = (guessed ? heardAt : order.createdAt()).toEpochMilli();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO service_times (central_id, local_id, "
                + "client_order_id, placed_at, placed_guessed, status) VALUES (?, ?, ?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            Sql.setNullableLong(insert, 1, order.centralId());
            Sql.setNullableLong(insert, 2, order.localId());
            insert.setString(3, order.clientOrderId());
            insert.setLong(4, placedAt);
            insert.setBoolean(5, guessed);
            insert.setString(6, order.status().wireName());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Row(keys.getLong(1), order.centralId(), order.localId(), order.clientOrderId(), placedAt,
                        guessed, order.status(), null, null, null, true);
            }
        }
    }

    private static void update(Connection connection, Row row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE service_times SET central_id = ?, "
                + "local_id = ?, client_order_id = ?, placed_at = ?, placed_guessed = ?, status = ?, ready_at = ?, "
                + "served_at = ?, cancelled_at = ? WHERE ref = ?")) {
            Sql.setNullableLong(update, 1, row.centralId());
            Sql.setNullableLong(update, 2, row.localId());
            update.setString(3, row.clientOrderId());
            update.setLong(4, row.placedAt());
            update.setBoolean(5, row.placedGuessed());
            update.setString(6, row.status().wireName());
            Sql.setNullableLong(update, 7, row.readyAt());
            Sql.setNullableLong(update, 8, row.servedAt());
            Sql.setNullableLong(update, 9, row.cancelledAt());
            update.setLong(10, row.ref());
            update.executeUpdate();
        }
    }

    private static void delete(Connection connection, long ref) throws SQLException {
        try (PreparedStatement stations = connection.prepareStatement("DELETE FROM service_station_times WHERE ref = ?");
                PreparedStatement order = connection.prepareStatement("DELETE FROM service_times WHERE ref = ?")) {
            stations.setLong(1, ref);
            stations.executeUpdate();
            order.setLong(1, ref);
            order.executeUpdate();
        }
    }

    private static Row read(ResultSet rows) throws SQLException {
        return new Row(rows.getLong("ref"), nullableLong(rows, "central_id"), nullableLong(rows, "local_id"),
                rows.getString("client_order_id"), rows.getLong("placed_at"), rows.getBoolean("placed_guessed"),
                Objects.requireNonNull(OrderStatus.fromWireName(rows.getString("status"))),
                nullableLong(rows, "ready_at"), nullableLong(rows, "served_at"), nullableLong(rows, "cancelled_at"),
                false);
    }

    private static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * One order's row; times in epoch milliseconds.
     * @param status  the furthest status known; null only while the status before a change is unknown
     * @param created made by this very write
     */
    private record Row(long ref, Long centralId, Long localId, String clientOrderId, long placedAt,
            boolean placedGuessed, OrderStatus status, Long readyAt, Long servedAt, Long cancelledAt,
            boolean created) {

        /** The order's stable key: its client order id, else its central id, else its store server id. */
        String key() {
            return clientOrderId != null ? clientOrderId : centralId != null ? "c:" + centralId
                    : localId != null ? "l:" + localId : "r:" + ref;
        }

        /** This row, not knowing what status came before the change being recorded. */
        Row unknownBefore() {
            return new Row(ref, centralId, localId, clientOrderId, placedAt, placedGuessed, null, readyAt, servedAt,
                    cancelledAt, created);
        }

        /** The same order met under other keys: every key, the earliest times, the furthest status. */
        Row mergedWith(Row other) {
            long placed = placedGuessed == other.placedGuessed ? Math.min(placedAt, other.placedAt)
                    : placedGuessed ? other.placedAt : placedAt;
            return new Row(ref, centralId != null ? centralId : other.centralId,
                    localId != null ? localId : other.localId,
                    clientOrderId != null ? clientOrderId : other.clientOrderId, placed,
                    placedGuessed && other.placedGuessed,
                    status.yieldsTo(other.status, false) ? other.status : status, firstOf(readyAt, other.readyAt),
                    firstOf(servedAt, other.servedAt), firstOf(cancelledAt, other.cancelledAt), false);
        }

        /** The keys the order brings that this row lacks, and its own placing time over one guessed. */
        Row filledFrom(Order order) {
            boolean fromOrder = placedGuessed && order.createdAt() != null;
            return new Row(ref, centralId != null ? centralId : order.centralId(),
                    localId != null ? localId : order.localId(),
                    clientOrderId != null ? clientOrderId : order.clientOrderId(),
                    fromOrder ? order.createdAt().toEpochMilli() : placedAt, placedGuessed && !fromOrder, status,
                    readyAt, servedAt, cancelledAt, false);
        }
    }
}
