package id.outletkiosk.api;

import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.RowReader;

import id.outletkiosk.wire.Json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.VersionedRow;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the three answer shapes of PROTOCOL 1.1 (envelope with version, DRF page, bare list) into a
 * {@link MasterDataPage}. Refuses the whole page on the first bad row: a partial menu is worse than the
 * previous one.
 */
public final class MasterDataDecoder {
    private final ZoneId zone;

    public MasterDataDecoder(ZoneId zone) {
        this.zone = zone;
    }

    public MasterDataPage decode(EntityKind kind, byte[] body) throws BackendException {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (JacksonException e) {
            throw badData(kind, "is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw badData(kind, "could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw badData(kind, "is empty");
        }
        JsonNode rows;
        Long envelopeVersion = null;
        Long count = null;
        String next = null;
        if (root.isArray()) {
            rows = root;
        } else if (root.isObject() && root.get("results") != null && root.get("results").isArray()) {
            rows = root.get("results");
            envelopeVersion = wholeNumberOrNull(kind, "version", root.get("version"));
            count = wholeNumberOrNull(kind, "count", root.get("count"));
            next = nextLink(kind, root.get("next"));
        } else {
            throw badData(kind, "is " + RowReader.describe(root)
                    + ", expected a list of rows or an object with \"results\"");
        }
        List<VersionedRow> upserts = new ArrayList<>(rows.size());
        Map<Long, Long> tombstones = new LinkedHashMap<>();
        long maxVersion = -1;
        int index = 0;
        for (JsonNode node : rows) {
            try {
                RowReader row = new RowReader(node, zone);
                if (row.flag("is_deleted", false)) {
                    long id = row.requiredId("id");
                    long version = row.requiredId("version");
                    tombstones.merge(id, version, Math::max);
                    maxVersion = Math.max(maxVersion, version);
                } else {
                    VersionedRow decoded = MasterDataCodec.decode(kind, row);
                    upserts.add(decoded);
                    maxVersion = Math.max(maxVersion, decoded.version());
                }
            } catch (BadRowException e) {
                throw badData(kind, "row " + (index + 1) + idHint(node) + " " + e.getMessage());
            }
            index++;
        }
        if (envelopeVersion != null && maxVersion > envelopeVersion) {
            throw badData(kind, "has a row at version " + maxVersion + " above the answer's version " + envelopeVersion);
        }
        return new MasterDataPage(upserts, tombstones, envelopeVersion, next, maxVersion, count, rows.size());
    }

    private static Long wholeNumberOrNull(EntityKind kind, String name, JsonNode value) throws BackendException {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw badData(kind, "has " + name + " " + RowReader.describe(value) + ", expected a whole number");
        }
        return value.longValue();
    }

    private static String nextLink(EntityKind kind, JsonNode next) throws BackendException {
        if (next == null || next.isNull()) {
            return null;
        }
        if (!next.isTextual() || next.textValue().isBlank()) {
            throw badData(kind, "has next " + RowReader.describe(next) + ", expected a URL or null");
        }
        return next.textValue();
    }

    private static String idHint(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && id.isIntegralNumber() ? " (id " + id.asText() + ")" : "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return RowReader.abbreviate(newline < 0 ? message : message.substring(0, newline));
    }

    static BackendException badData(EntityKind kind, String problem) {
        return new BackendException(BackendException.Problem.BAD_DATA,
                "backend sent bad " + kind.wireName() + " data: the answer " + problem);
    }
}
