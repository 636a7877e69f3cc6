package id.outletkiosk.server;

import id.outletkiosk.wire.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.api.MasterDataCodec;
import id.outletkiosk.wire.RowReader;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.VersionedRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;

/**
 * Head office's side of the reference backend, for demos and tests: create, change and delete menu rows,
 * each change stamped with the next global version.
 *
 * <pre>
 * POST   /admin/api/{kind}/        {"name": "...", "price": "15000", ...}   -> 201 row (id optional)
 * PATCH  /admin/api/{kind}/{id}/   {"price": "20000"}                        -> 200 row
 * DELETE /admin/api/{kind}/{id}/                                             -> 204
 * </pre>
 */
final class MasterDataAdmin {
    private final MasterDataRepository repository;

    MasterDataAdmin(MasterDataRepository repository) {
        this.repository = repository;
    }

    void register(RoutesConfig routing) {
        routing.post("/admin/api/{kind}/", this::create);
        routing.patch("/admin/api/{kind}/{id}/", this::change);
        routing.delete("/admin/api/{kind}/{id}/", this::delete);
    }

    private void create(Context ctx) {
        EntityKind kind = ReferenceBackend.kind(ctx.pathParam("kind"));
        ObjectNode fields = body(ctx);
        if (!fields.hasNonNull("id")) {
            fields.put("id", repository.nextId(kind));
        }
        fields.put("version", 0);
        VersionedRow row = repository.put(kind, decode(kind, fields));
        respond(ctx.status(201), row);
    }

    private void change(Context ctx) {
        EntityKind kind = ReferenceBackend.kind(ctx.pathParam("kind"));
        long id = id(ctx);
        ObjectNode patch = body(ctx);
        VersionedRow row = repository.update(kind, id, current -> {
            ObjectNode merged = MasterDataCodec.encode(current);
            merged.setAll(patch);
            merged.put("id", id);
            return decode(kind, merged);
        }).orElseThrow(() -> new DrfError(404, "Not found."));
        respond(ctx, row);
    }

    private void delete(Context ctx) {
        EntityKind kind = ReferenceBackend.kind(ctx.pathParam("kind"));
        if (!repository.delete(kind, id(ctx))) {
            throw new DrfError(404, "Not found.");
        }
        ctx.status(204);
    }

    private ObjectNode body(Context ctx) {
        try {
            JsonNode node = Json.read(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new DrfError(400, "Expected a JSON object.");
            }
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw new DrfError(400, "JSON parse error: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new DrfError(400, "Unreadable body.");
        }
    }

    private static VersionedRow decode(EntityKind kind, ObjectNode fields) {
        try {
            return MasterDataCodec.decode(kind, new RowReader(fields, ZoneId.systemDefault()));
        } catch (BadRowException e) {
            throw new DrfError(400, "row " + e.getMessage());
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new DrfError(404, "Not found.");
        }
    }

    private void respond(Context ctx, VersionedRow row) {
        try {
            ctx.contentType("application/json").result(Json.MAPPER.writeValueAsBytes(MasterDataCodec.encode(row)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
