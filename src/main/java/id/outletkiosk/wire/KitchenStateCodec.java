package id.outletkiosk.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.model.KitchenState;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code data} of a {@code kitchen_status_changed} frame, and the body of the store server's
 * {@code /api/kitchen-status}: {@code {"outlet_id": 1, "status": "busy", "wait_minutes": 15,
 * "changed_at": "2026-05-04T12:00:00Z", "changed_by": "KITCHEN"}}. Two readers: a strict one for what a
 * kitchen asks the store server to keep, and a liberal one for what screens hear from any server.
 */
public final class KitchenStateCodec {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenStateCodec.class);
    /** Unknown statuses already logged: one line each, not one a poll. */
    private static final Set<String> UNKNOWN_LOGGED = ConcurrentHashMap.newKeySet();

    /** A terminal's name is a few letters; this leaves room and keeps a store's table small. */
    static final int MAX_NAME = 40;

    private KitchenStateCodec() {
    }

    public static ObjectNode encode(long outletId, KitchenState state) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("outlet_id", outletId)
                .put("status", state.status().wireName());
        if (state.waitMinutes() != null) {
            data.put("wait_minutes", state.waitMinutes());
        }
        if (state.changedAt() != null) {
            data.put("changed_at", state.changedAt().toString());
        }
        if (state.changedBy() != null) {
            data.put("changed_by", state.changedBy());
        }
        return data;
    }

    /**
     * What a kitchen asks to be kept: a known status ("closed" counts as paused), a wait of 1 to 240
     * minutes when given, a time when given.
     *
     * @throws BadRowException with what is wrong, for a 400
     */
    public static KitchenState decodeStrict(JsonNode data, ZoneId zone) {
        if (data == null || !data.isObject()) {
            throw new BadRowException("is " + RowReader.describe(data) + ", expected an object with a status");
        }
        RowReader row = new RowReader(data, zone);
        String name = row.optionalText("status");
        KitchenState.Status status = KitchenState.Status.fromWireName(name);
        if (status == null) {
            throw new BadRowException("status " + (name == null ? "is missing" : "\"" + RowReader.abbreviate(name)
                    + "\" is not one of open, busy, paused"));
        }
        JsonNode waitNode = data.path("wait_minutes");
        Integer wait = waitNode.isMissingNode() || waitNode.isNull() ? null : row.wholeNumber("wait_minutes", 0);
        if (wait != null && status == KitchenState.Status.BUSY
                && (wait < 1 || wait > KitchenState.LONGEST_WAIT_MINUTES)) {
            throw new BadRowException("wait_minutes " + wait + " is not 1 to " + KitchenState.LONGEST_WAIT_MINUTES);
        }
        String by = row.optionalText("changed_by");
        if (by != null && by.length() > MAX_NAME) {
            throw new BadRowException("changed_by is " + by.length() + " characters, more than " + MAX_NAME);
        }
        return new KitchenState(status, wait, row.instant("changed_at", false), by);
    }

    /**
     * What a screen hears, from whichever server: an unknown status is taken for open (one log line per
     * status), a wait out of range or a bad time is left out, so a kiosk keeps selling on a server's typo.
     */
    public static KitchenState decodeLiberal(JsonNode data, ZoneId zone) {
        String name = data == null ? null : data.path("status").asText(null);
        KitchenState.Status status = KitchenState.Status.fromWireName(name);
        if (status == null) {
            if (UNKNOWN_LOGGED.add(String.valueOf(name))) {
                LOG.info("kitchen status \"{}\" is not one this app knows: taken for open",
                        RowReader.abbreviate(String.valueOf(name)));
            }
            return KitchenState.open();
        }
        JsonNode wait = data.path("wait_minutes");
        Integer minutes = wait.canConvertToInt() && wait.asInt() >= 1
                && wait.asInt() <= KitchenState.LONGEST_WAIT_MINUTES ? wait.asInt() : null;
        java.time.Instant changedAt;
        try {
            changedAt = new RowReader(data, zone).instant("changed_at", false);
        } catch (BadRowException e) {
            changedAt = null;
        }
        return new KitchenState(status, minutes, changedAt, data.path("changed_by").asText(null));
    }
}
