package id.outletkiosk.store;

import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.wire.Json;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The store server's list of prep stations (an extension): what each station screen said it cooks, so
 * the expo can group an order's dishes by station. In the store server's database; the latest word per
 * station name stands.
 */
public final class StoreServerStations {
    private final Database database;
    private final Clock clock;

    StoreServerStations(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A station screen says what it cooks; the latest word per name stands. */
    public void register(long outletId, KitchenStation station) {
        database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO stations (outlet_id, name, "
                    + "categories, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT (outlet_id, name) DO UPDATE SET "
                    + "categories = excluded.categories, registered_at = excluded.registered_at")) {
                upsert.setLong(1, outletId);
                upsert.setString(2, station.name());
                upsert.setString(3, Json.MAPPER.writeValueAsString(station.categoryIds()));
                upsert.setLong(4, clock.millis());
                return upsert.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("station " + station.name() + " cannot be written", e);
            }
        });
    }

    /** The outlet's stations, by name. */
    public List<KitchenStation> of(long outletId) {
        return database.read(connection -> {
            List<KitchenStation> stations = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT name, categories FROM stations WHERE outlet_id = ? ORDER BY name")) {
                query.setLong(1, outletId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        List<Long> categories = new ArrayList<>();
                        Json.MAPPER.readTree(rows.getString("categories")).forEach(id -> categories.add(id.asLong()));
                        stations.add(new KitchenStation(rows.getString("name"), categories));
                    }
                } catch (IOException e) {
                    throw new SQLException("the stations of outlet " + outletId + " are unreadable", e);
                }
            }
            return stations;
        });
    }
}
