package id.outletkiosk.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.KitchenStateCodec;
import java.io.IOException;
import java.time.ZoneId;
import okhttp3.HttpUrl;

/**
 * The store server's kitchen switch (our extension, wire contract 3.2): {@code PUT /api/kitchen-status}
 * sets it, {@code GET /api/kitchen-status?outlet_id=} reads it. A store server without the extension
 * answers 404, which arrives as a {@link BackendException.Problem#REJECTED}.
 */
public final class KitchenStatusClient {
    private final BackendClient http;
    private final ZoneId zone;

    public KitchenStatusClient(BackendClient http, ZoneId zone) {
        this.http = http;
        this.zone = zone;
    }

    /** The kitchen's state as the store server keeps it (open when never set). */
    public KitchenState read(long outletId) throws BackendException {
        HttpUrl url = http.apiUrl("kitchen-status").newBuilder()
                .addQueryParameter("outlet_id", Long.toString(outletId)).build();
        return decode(http.getJson(url, null).bytes());
    }

    /** Asks the store server to keep {@code state}; answers what it keeps (a newer setting stays). */
    public KitchenState set(long outletId, KitchenState state) throws BackendException {
        return decode(http.sendJson(http.apiUrl("kitchen-status"), "PUT", KitchenStateCodec.encode(outletId, state))
                .bytes());
    }

    private KitchenState decode(byte[] bytes) throws BackendException {
        try {
            JsonNode node = Json.read(bytes);
            if (node == null || !node.isObject()) {
                throw bad();
            }
            return KitchenStateCodec.decodeLiberal(node, zone);
        } catch (JacksonException e) {
            throw bad();
        } catch (IOException e) {
            throw bad();
        }
    }

    private static BackendException bad() {
        return new BackendException(BackendException.Problem.BAD_DATA,
                "store server sent a bad kitchen status answer (not a JSON object)");
    }
}
