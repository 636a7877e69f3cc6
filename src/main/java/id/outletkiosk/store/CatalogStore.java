package id.outletkiosk.store;

import id.outletkiosk.pricing.MenuSnapshot;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.DiscountType;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read side of master data: what the screens and the CLI ask of the menu. */
public final class CatalogStore {
    private static final String PRODUCT_COLUMNS = "id, name, category_id, price, description, image_url, "
            + "is_available, is_active, version, updated_at";
    private static final String RUNNING_AT = "is_active = 1 AND starts_at <= ? AND (ends_at IS NULL OR ends_at > ?)";

    private final Database database;

    public CatalogStore(Database database) {
        this.database = database;
    }

    /** Categories on the menu, in the backend's sort order (then by name). */
    public List<Category> categories() {
        return database.read(connection -> {
            List<Category> categories = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id, name, sort_order, is_active, version "
                    + "FROM categories WHERE is_active = 1 ORDER BY sort_order, name, id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    categories.add(new Category(rows.getLong(1), rows.getString(2), rows.getInt(3),
                            rows.getBoolean(4), rows.getLong(5)));
                }
            }
            return categories;
        });
    }

    /** Products on the menu in one category, by name; sold-out ones included (shown as "habis"). */
    public List<Product> productsOf(long categoryId) {
        return database.read(connection -> queryProducts(connection, "SELECT " + PRODUCT_COLUMNS
                + " FROM products WHERE category_id = ? AND is_active = 1 ORDER BY name, id", categoryId));
    }

    public Optional<Product> product(long id) {
        return database.read(connection -> queryProducts(connection,
                "SELECT " + PRODUCT_COLUMNS + " FROM products WHERE id = ?", id)).stream().findFirst();
    }

    /** Every cached product, withdrawn ones too, by category then name. */
    public List<Product> allProducts() {
        return database.read(connection -> queryProducts(connection, "SELECT " + PRODUCT_COLUMNS
                + " FROM products ORDER BY category_id, name, id"));
    }

    /** The menu as a customer sees it at {@code at}, from data version {@code version}. */
    public MenuSnapshot menu(long version, Instant at) {
        return MenuSnapshot.of(categories(), allProducts(), activePromotions(at), version, at);
    }

    /** Promotions running at {@code at}: active and inside their time window. */
    public List<Promotion> activePromotions(Instant at) {
        return database.read(connection -> queryPromotions(connection,
                "SELECT * FROM promotions WHERE " + RUNNING_AT + " ORDER BY id",
                at.toEpochMilli(), at.toEpochMilli()));
    }

    /** Promotions running at {@code at} that target the product, directly or through its category. */
    public List<Promotion> promotionsFor(long productId, Instant at) {
        return database.read(connection -> queryPromotions(connection, "SELECT * FROM promotions p WHERE "
                + RUNNING_AT + " AND (EXISTS (SELECT 1 FROM promotion_products pp"
                + " WHERE pp.promotion_id = p.id AND pp.product_id = ?)"
                + " OR EXISTS (SELECT 1 FROM promotion_categories pc JOIN products pr ON pr.category_id = pc.category_id"
                + " WHERE pc.promotion_id = p.id AND pr.id = ?)) ORDER BY p.id",
                at.toEpochMilli(), at.toEpochMilli(), productId, productId));
    }

    private static List<Product> queryProducts(Connection connection, String sql, Object... parameters)
            throws SQLException {
        List<Product> products = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long categoryId = rows.getLong(3);
                products.add(new Product(rows.getLong(1), rows.getString(2), rows.wasNull() ? null : categoryId,
                        new BigDecimal(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getBoolean(7),
                        rows.getBoolean(8), rows.getLong(9), rows.getString(10)));
            }
        }
        return products;
    }

    private static List<Promotion> queryPromotions(Connection connection, String sql, Object... parameters)
            throws SQLException {
        List<PromotionRow> found = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long endsAt = rows.getLong("ends_at");
                found.add(new PromotionRow(rows.getLong("id"), rows.getString("name"), rows.getString("description"),
                        DiscountType.fromWireName(rows.getString("discount_type")),
                        new BigDecimal(rows.getString("discount_value")),
                        Instant.ofEpochMilli(rows.getLong("starts_at")),
                        rows.wasNull() ? null : Instant.ofEpochMilli(endsAt), rows.getBoolean("is_active"),
                        rows.getLong("version")));
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Long>> productLinks = links(connection, "promotion_products", "product_id");
        Map<Long, Set<Long>> categoryLinks = links(connection, "promotion_categories", "category_id");
        List<Promotion> promotions = new ArrayList<>(found.size());
        for (PromotionRow row : found) {
            promotions.add(new Promotion(row.id, row.name, row.description, row.type, row.value,
                    productLinks.getOrDefault(row.id, Set.of()), categoryLinks.getOrDefault(row.id, Set.of()),
                    row.startsAt, row.endsAt, row.active, row.version));
        }
        return promotions;
    }

    private static Map<Long, Set<Long>> links(Connection connection, String table, String column) throws SQLException {
        Map<Long, Set<Long>> links = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT promotion_id, " + column + " FROM " + table);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                links.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getLong(2));
            }
        }
        return links;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private record PromotionRow(long id, String name, String description, DiscountType type, BigDecimal value,
            Instant startsAt, Instant endsAt, boolean active, long version) {
    }
}
