package id.outletkiosk.store;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.EntityChanges;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.model.SyncRound;
import id.outletkiosk.model.VersionedRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The write side of master data: applies a whole sync round in one transaction, advancing the stored
 * versions in that same transaction, and keeps the history of rounds.
 */
public final class MasterDataStore {
    private static final int HISTORY_KEPT = 1000;

    private final Database database;

    public MasterDataStore(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }

    /** Stored version per kind; 0 for a kind never synced. */
    public Map<EntityKind, Long> versions() {
        return database.read(MasterDataStore::readVersions);
    }

    private static Map<EntityKind, Long> readVersions(Connection connection) throws SQLException {
        Map<EntityKind, Long> versions = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            versions.put(kind, 0L);
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT entity, version FROM sync_versions")) {
            while (rows.next()) {
                versions.put(EntityKind.fromWireName(rows.getString(1)), rows.getLong(2));
            }
        }
        return versions;
    }

    public Map<EntityKind, Integer> rowCounts() {
        return database.read(MasterDataStore::readRowCounts);
    }

    private static Map<EntityKind, Integer> readRowCounts(Connection connection) throws SQLException {
        Map<EntityKind, Integer> counts = new EnumMap<>(EntityKind.class);
        try (Statement statement = connection.createStatement()) {
            for (EntityKind kind : EntityKind.values()) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + kind.wireName())) {
                    counts.put(kind, rows.next() ? rows.getInt(1) : 0);
                }
            }
        }
        return counts;
    }

    /** Versions, row counts, the last round and the last successful one, read in one go. */
    public StoreSummary summary() {
        return database.read(connection -> {
            List<SyncRound> latest = queryRounds(connection, "SELECT * FROM sync_rounds ORDER BY id DESC LIMIT 1");
            SyncRound lastRound = latest.isEmpty() ? null : latest.get(0);
            SyncRound lastSuccess = lastRound != null && lastRound.succeeded() ? lastRound : firstOrNull(
                    queryRounds(connection, "SELECT * FROM sync_rounds WHERE succeeded = 1 ORDER BY id DESC LIMIT 1"));
            return new StoreSummary(readVersions(connection), readRowCounts(connection), lastRound, lastSuccess);
        });
    }

    /** What the status shows of the store. {@code lastRound} and {@code lastSuccess} may be null. */
    public record StoreSummary(Map<EntityKind, Long> versions, Map<EntityKind, Integer> rowCounts, SyncRound lastRound,
            SyncRound lastSuccess) {
    }

    private static SyncRound firstOrNull(List<SyncRound> rounds) {
        return rounds.isEmpty() ? null : rounds.get(0);
    }

    /**
     * Applies every kind's changes and advances their versions in ONE transaction. A row only replaces
     * a stored row of a lower version, so a slower, older round (another process syncing the same
     * store) can never put back a stale price.
     *
     * @return rows actually written per kind
     */
    public Map<EntityKind, Integer> apply(Collection<EntityChanges<VersionedRow>> round) {
        return apply(round, null);
    }

    /**
     * As {@link #apply(Collection)}, and the round's line in the history in the same transaction: the
     * history says "succeeded" exactly when the rows are in, even on a disk that fills up in between.
     *
     * @param asRound the history's line for the rows written per kind, or null for none
     */
    public Map<EntityKind, Integer> apply(Collection<EntityChanges<VersionedRow>> round,
            Function<Map<EntityKind, Integer>, SyncRound> asRound) {
        return database.write(connection -> {
            Map<EntityKind, Integer> written = new EnumMap<>(EntityKind.class);
            for (EntityChanges<VersionedRow> changes : round) {
                int rows = switch (changes.kind()) {
                    case CATEGORIES -> upsertCategories(connection, changes);
                    case PRODUCTS -> upsertProducts(connection, changes);
                    case PROMOTIONS -> upsertPromotions(connection, changes);
                };
                rows += delete(connection, changes.kind(), changes.deletedIds());
                if (changes.fullSnapshot()) {
                    rows += deleteAllBut(connection, changes.kind(), changes.upserts());
                }
                saveVersion(connection, changes);
                written.put(changes.kind(), rows);
            }
            if (asRound != null) {
                insertRound(connection, asRound.apply(written));
            }
            return written;
        });
    }

    private static String upsert(String table, List<String> columns, boolean unconditional) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") VALUES (")
                .append(String.join(", ", columns.stream().map(c -> "?").toList()))
                .append(") ON CONFLICT (id) DO UPDATE SET ");
        sql.append(String.join(", ", columns.stream().filter(c -> !c.equals("id"))
                .map(c -> c + " = excluded." + c).toList()));
        if (!unconditional) {
            sql.append(" WHERE excluded.version > ").append(table).append(".version");
        }
        return sql.toString();
    }

    private static int upsertCategories(Connection connection, EntityChanges<VersionedRow> changes) throws SQLException {
        String sql = upsert("categories", List.of("id", "name", "sort_order", "is_active", "version"),
                changes.fullSnapshot());
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (VersionedRow row : changes.upserts()) {
                Category category = (Category) row;
                insert.setLong(1, category.id());
                insert.setString(2, category.name());
                insert.setInt(3, category.sortOrder());
                insert.setBoolean(4, category.active());
                insert.setLong(5, category.version());
                insert.addBatch();
            }
            return sum(insert.executeBatch());
        }
    }

    private static int upsertProducts(Connection connection, EntityChanges<VersionedRow> changes) throws SQLException {
        String sql = upsert("products", List.of("id", "name", "category_id", "price", "description", "image_url",
                "is_available", "is_active", "version", "updated_at"), changes.fullSnapshot());
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (VersionedRow row : changes.upserts()) {
                Product product = (Product) row;
                insert.setLong(1, product.id());
                insert.setString(2, product.name());
                Sql.setNullableLong(insert, 3, product.categoryId());
                insert.setString(4, product.price().toPlainString());
                insert.setString(5, product.description());
                insert.setString(6, product.imageUrl());
                insert.setBoolean(7, product.available());
                insert.setBoolean(8, product.active());
                insert.setLong(9, product.version());
                insert.setString(10, product.updatedAt());
                insert.addBatch();
            }
            return sum(insert.executeBatch());
        }
    }

    private static int upsertPromotions(Connection connection, EntityChanges<VersionedRow> changes) throws SQLException {
        String sql = upsert("promotions", List.of("id", "name", "description", "discount_type", "discount_value",
                "starts_at", "ends_at", "is_active", "version"), changes.fullSnapshot());
        int written = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql);
                PreparedStatement clearProducts = connection.prepareStatement(
                        "DELETE FROM promotion_products WHERE promotion_id = ?");
                PreparedStatement clearCategories = connection.prepareStatement(
                        "DELETE FROM promotion_categories WHERE promotion_id = ?");
                PreparedStatement linkProduct = connection.prepareStatement(
                        "INSERT INTO promotion_products (promotion_id, product_id) VALUES (?, ?)");
                PreparedStatement linkCategory = connection.prepareStatement(
                        "INSERT INTO promotion_categories (promotion_id, category_id) VALUES (?, ?)")) {
            for (VersionedRow row : changes.upserts()) {
                Promotion promotion = (Promotion) row;
                insert.setLong(1, promotion.id());
                insert.setString(2, promotion.name());
                insert.setString(3, promotion.description());
                insert.setString(4, promotion.discountType().wireName());
                insert.setString(5, promotion.discountValue().toPlainString());
                insert.setLong(6, promotion.startsAt().toEpochMilli());
                Sql.setNullableLong(insert, 7, promotion.endsAt() == null ? null : promotion.endsAt().toEpochMilli());
                insert.setBoolean(8, promotion.active());
                insert.setLong(9, promotion.version());
                if (insert.executeUpdate() == 0) {
                    continue; // a newer version is already stored
                }
                written++;
                replaceLinks(clearProducts, linkProduct, promotion.id(), promotion.productIds());
                replaceLinks(clearCategories, linkCategory, promotion.id(), promotion.categoryIds());
            }
            linkProduct.executeBatch();
            linkCategory.executeBatch();
        }
        return written;
    }

    private static void replaceLinks(PreparedStatement clear, PreparedStatement link, long promotionId, Set<Long> ids)
            throws SQLException {
        clear.setLong(1, promotionId);
        clear.executeUpdate();
        for (long id : ids) {
            link.setLong(1, promotionId);
            link.setLong(2, id);
            link.addBatch();
        }
    }

    private static int delete(Connection connection, EntityKind kind, Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        int deleted;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + kind.wireName() + " WHERE id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            deleted = sum(delete.executeBatch());
        }
        if (kind == EntityKind.PROMOTIONS) {
            deleteLinksOfMissingPromotions(connection);
        }
        return deleted;
    }

    private static int deleteAllBut(Connection connection, EntityKind kind, List<VersionedRow> kept)
            throws SQLException {
        Set<Long> keep = new HashSet<>();
        kept.forEach(row -> keep.add(row.id()));
        List<Long> gone = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM " + kind.wireName())) {
            while (rows.next()) {
                if (!keep.contains(rows.getLong(1))) {
                    gone.add(rows.getLong(1));
                }
            }
        }
        return delete(connection, kind, new HashSet<>(gone));
    }

    private static void deleteLinksOfMissingPromotions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM promotion_products WHERE promotion_id NOT IN (SELECT id FROM promotions)");
            statement.executeUpdate(
                    "DELETE FROM promotion_categories WHERE promotion_id NOT IN (SELECT id FROM promotions)");
        }
    }

    private static void saveVersion(Connection connection, EntityChanges<VersionedRow> changes) throws SQLException {
        String sql = "INSERT INTO sync_versions (entity, version) VALUES (?, ?) "
                + "ON CONFLICT (entity) DO UPDATE SET version = excluded.version"
                + (changes.fullSnapshot() ? "" : " WHERE excluded.version > sync_versions.version");
        try (PreparedStatement save = connection.prepareStatement(sql)) {
            save.setString(1, changes.kind().wireName());
            save.setLong(2, changes.newVersion());
            save.executeUpdate();
        }
    }

    /** Appends a round to the history, keeping the newest {@value #HISTORY_KEPT}. */
    public void recordRound(SyncRound round) {
        database.write(connection -> {
            insertRound(connection, round);
            return null;
        });
    }

    private static void insertRound(Connection connection, SyncRound round) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_rounds "
                + "(started_at, duration_ms, succeeded, rows_changed, bytes, error) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, round.startedAt().toEpochMilli());
            insert.setLong(2, round.duration().toMillis());
            insert.setBoolean(3, round.succeeded());
            insert.setInt(4, round.rowsChanged());
            insert.setLong(5, round.bytes());
            insert.setString(6, round.error());
            insert.executeUpdate();
        }
        try (PreparedStatement prune = connection.prepareStatement(
                "DELETE FROM sync_rounds WHERE id <= (SELECT max(id) FROM sync_rounds) - ?")) {
            prune.setInt(1, HISTORY_KEPT);
            prune.executeUpdate();
        }
    }

    /** The newest rounds first. */
    public List<SyncRound> recentRounds(int limit) {
        return database.read(connection -> queryRounds(connection,
                "SELECT * FROM sync_rounds ORDER BY id DESC LIMIT " + Math.max(0, limit)));
    }

    private static List<SyncRound> queryRounds(Connection connection, String sql) throws SQLException {
        List<SyncRound> rounds = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rounds.add(new SyncRound(Instant.ofEpochMilli(rows.getLong("started_at")),
                        Duration.ofMillis(rows.getLong("duration_ms")), rows.getBoolean("succeeded"),
                        rows.getInt("rows_changed"), rows.getLong("bytes"), rows.getString("error")));
            }
        }
        return rounds;
    }


    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += Math.max(count, 0);
        }
        return total;
    }
}
