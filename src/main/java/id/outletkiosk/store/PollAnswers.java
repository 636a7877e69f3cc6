package id.outletkiosk.store;

import com.fasterxml.jackson.core.JsonGenerator;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store server's poll answers (PROTOCOL 3.1) as the UTF-8 bytes sent, kept per (outlet, since_id)
 * until the next write: pollers that are caught up all ask the same question, and the old in-memory
 * server answered it from memory. Read from SQLite on a miss, so an answer is never newer or older than
 * what is committed.
 */
final class PollAnswers {
    /** More distinct questions than this and the cache starts again: since_ids are few in a store. */
    private static final int KEPT = 256;

    private record Question(long outletId, long sinceId) {
    }

    private final Database database;
    private final Map<Question, StoreServerOrders.PollAnswer> answers = new ConcurrentHashMap<>();
    /** Moved by every write, so an answer read before a write is never kept after it. */
    private final AtomicLong generation = new AtomicLong();

    PollAnswers(Database database) {
        this.database = database;
    }

    /** Called after every committed write that can change any answer. */
    void forget() {
        generation.incrementAndGet();
        answers.clear();
    }

    /** The answer {@link #since} would give when it is in memory, else null: never reads the database. */
    StoreServerOrders.PollAnswer cached(long outletId, long sinceId) {
        return answers.get(new Question(outletId, sinceId));
    }

    /**
     * Orders of the outlet above {@code sinceId}, oldest first, in the shape of {@link OrderCodec#encode}
     * with the stored items passed through as they are.
     */
    StoreServerOrders.PollAnswer since(long outletId, long sinceId) {
        Question question = new Question(outletId, sinceId);
        StoreServerOrders.PollAnswer cached = answers.get(question);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        StoreServerOrders.PollAnswer answer = database.readPooled(connection -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            int orders = 0;
            try (PreparedStatement query = connection.prepareStatement("SELECT " + StoreServerOrders.COLUMNS
                    + " FROM local_orders WHERE outlet_id = ? AND id > ? ORDER BY id")) {
                query.setLong(1, outletId);
                query.setLong(2, sinceId);
                try (ResultSet rows = query.executeQuery(); JsonGenerator json = Json.MAPPER.createGenerator(bytes)) {
                    json.writeStartArray();
                    while (rows.next()) {
                        writeRow(json, rows);
                        orders++;
                    }
                    json.writeEndArray();
                }
            } catch (IOException e) {
                throw new SQLException("writing the poll answer failed", e);
            }
            return new StoreServerOrders.PollAnswer(bytes.toByteArray(), orders);
        });
        if (generation.get() == before) {
            if (answers.size() > KEPT) {
                answers.clear();
            }
            answers.put(question, answer);
        }
        return answer;
    }

    private static void writeRow(JsonGenerator json, ResultSet rows) throws SQLException, IOException {
        json.writeStartObject();
        json.writeNumberField("id", rows.getLong("id"));
        String reference = rows.getString("reference");
        json.writeStringField("order_number", reference != null ? reference : rows.getString("order_number"));
        json.writeNumberField("outlet_id", rows.getLong("outlet_id"));
        json.writeStringField("status", rows.getString("status"));
        json.writeFieldName("items");
        json.writeRawValue(rows.getString("items_json"));
        json.writeStringField("total_amount", rows.getString("total_amount"));
        json.writeStringField("created_at", rows.getString("created_at"));
        json.writeStringField("client_order_id", rows.getString("client_order_id"));
        json.writeStringField("customer_name", rows.getString("customer_name"));
        long central = rows.getLong("central_id");
        if (!rows.wasNull()) {
            json.writeNumberField("central_id", central);
        }
        String dishesDone = rows.getString("dishes_done");
        json.writeFieldName("dishes_done"); // extension: this server keeps dish progress, none tapped is []
        json.writeRawValue(dishesDone == null ? "[]" : dishesDone);
        json.writeEndObject();
    }
}
