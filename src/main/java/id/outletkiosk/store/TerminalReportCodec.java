package id.outletkiosk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.config.Role;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.wire.BadRowException;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.RowReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A terminal's health report on the wire (an extension, wire contract 3.2), in one place for both ends:
 * terminals encode it (sync), the store server's route decodes it (server); here, beside the record, because
 * both layers reach the store. Alerts travel lowercase, as in
 * {@code status --json} ({@code menu_outdated}), and are kept as the alert kinds' names.
 */
public final class TerminalReportCodec {
    /** Longest name, version or alert accepted: real ones are a few characters. */
    public static final int MAX_TEXT = 40;
    /** More alerts than a terminal has kinds of: a list longer than this is not a report. */
    public static final int MAX_ALERTS = 20;

    private TerminalReportCodec() {
    }

    /** The body a terminal of {@code outletId} posts; the report's receivedAt is not sent (the server stamps it). */
    public static ObjectNode encode(TerminalReport report, long outletId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("outlet_id", outletId);
        body.put("terminal", report.terminal());
        body.put("role", report.role());
        body.put("app_version", report.appVersion());
        body.put("transport", report.transport());
        body.put("transport_since", report.transportSince().toString());
        body.put("menu_version", report.menuVersion());
        body.put("menu_synced_at", report.menuSyncedAt() == null ? null : report.menuSyncedAt().toString());
        body.put("orders_waiting", report.ordersWaiting());
        body.put("status_changes_waiting", report.statusChangesWaiting());
        ArrayNode alerts = body.putArray("alerts");
        report.alerts().forEach(alert -> alerts.add(alert.toLowerCase(Locale.ROOT)));
        return body;
    }

    /**
     * The report in {@code body}, as received at {@code receivedAt} (the server's clock).
     *
     * @throws BadRowException saying which field is wrong and why
     */
    public static TerminalReport decode(JsonNode body, Instant receivedAt, ZoneId zone) {
        RowReader row = new RowReader(body, zone);
        String terminal = boundedText(row, "terminal");
        String role = boundedText(row, "role");
        if (Role.parse(role) == null) {
            throw new BadRowException("role \"" + RowReader.abbreviate(role) + "\" is not kiosk, kitchen, manager or pickup");
        }
        String transport = boundedText(row, "transport");
        if (java.util.Arrays.stream(FeedMode.values()).noneMatch(mode -> mode.wireName().equals(transport))) {
            throw new BadRowException("transport \"" + RowReader.abbreviate(transport)
                    + "\" is not online, local, polling or offline");
        }
        return new TerminalReport(terminal, Role.parse(role).wireName(), boundedText(row, "app_version"), transport,
                row.instant("transport_since", true), row.requiredId("menu_version"),
                row.instant("menu_synced_at", false), count(row, "orders_waiting"),
                count(row, "status_changes_waiting"), alerts(body.get("alerts")), receivedAt);
    }

    private static String boundedText(RowReader row, String field) {
        String text = row.requiredText(field).strip();
        if (text.length() > MAX_TEXT) {
            throw new BadRowException(field + " has " + text.length() + " characters, more than " + MAX_TEXT);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new BadRowException(field + " has control characters");
        }
        return text;
    }

    private static int count(RowReader row, String field) {
        if (!row.has(field)) {
            throw new BadRowException("has no " + field);
        }
        int count = row.wholeNumber(field, 0);
        if (count < 0) {
            throw new BadRowException(field + " must not be negative, got " + count);
        }
        return count;
    }

    /** Alert kinds by name; a kind this server does not know yet (a newer terminal's) is kept as given. */
    private static List<String> alerts(JsonNode alerts) {
        if (alerts == null || alerts.isNull()) {
            return List.of();
        }
        if (!alerts.isArray()) {
            throw new BadRowException("alerts must be a list of alert names, got " + RowReader.describe(alerts));
        }
        if (alerts.size() > MAX_ALERTS) {
            throw new BadRowException("has " + alerts.size() + " alerts, more than " + MAX_ALERTS);
        }
        List<String> kinds = new ArrayList<>();
        for (JsonNode alert : alerts) {
            if (!alert.isTextual() || !alert.textValue().matches("[A-Za-z_]{1," + MAX_TEXT + "}")) {
                throw new BadRowException("alerts must be names like menu_outdated, got " + RowReader.describe(alert));
            }
            String kind = alert.textValue().toUpperCase(Locale.ROOT);
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
