package id.outletkiosk.testing;

import id.outletkiosk.store.Database;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every master-data row and stored version as text, to prove a failed round left the store untouched. */
public final class StoreSnapshot {
    private static final List<String> TABLES = List.of("categories", "products", "promotions", "promotion_products",
            "promotion_categories", "sync_versions");

    private StoreSnapshot() {
    }

    /** The first column of the first row of a query, as text. */
    public static String scalar(Database database, String sql) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    public static List<String> of(Database database) {
        return database.read(connection -> {
            List<String> lines = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                        ResultSetMetaData meta = rows.getMetaData();
                        while (rows.next()) {
                            StringBuilder line = new StringBuilder(table);
                            for (int column = 1; column <= meta.getColumnCount(); column++) {
                                line.append('|').append(rows.getString(column));
                            }
                            lines.add(line.toString());
                        }
                    }
                }
            }
            return lines;
        });
    }
}
