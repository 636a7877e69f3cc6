package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.OutletRuntime;
import id.outletkiosk.api.Json;
import id.outletkiosk.config.Durations;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.SyncStatus;
import java.time.Instant;
import picocli.CommandLine.Command;

/** {@code status}: what the local store holds and how its last sync went; reads only the store, no network. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the local store's sync health.")
final class StatusCommand extends StoreReportCommand {
    StatusCommand(CommandContext context) {
        super(context);
    }

    @Override
    ObjectNode report(OutletRuntime runtime) {
        SyncStatus status = runtime.syncStatus().current();
        Instant now = runtime.clock().instant();
        ObjectNode report = Json.newMapper().createObjectNode();
        report.put("backend", runtime.settings().hasBackend() ? runtime.settings().backend().toString() : null);
        report.put("outlet", runtime.settings().outlet());
        report.put("store", runtime.settings().storeFile().toString());
        for (EntityKind kind : EntityKind.values()) {
            report.put(kind.wireName(), status.rowCounts().getOrDefault(kind, 0));
        }
        report.put("active_promotions", runtime.catalog().activePromotions(now).size());
        ObjectNode versions = report.putObject("versions");
        for (EntityKind kind : EntityKind.values()) {
            versions.put(kind.wireName(), status.versions().getOrDefault(kind, 0L));
        }
        report.put("data_version", status.dataVersion());
        report.put("last_attempt", status.lastAttempt() == null ? null : status.lastAttempt().toString());
        report.put("last_success", status.lastSuccess() == null ? null : status.lastSuccess().toString());
        report.put("last_error", status.lastError());
        report.put("outdated", status.isOutdatedAt(now));
        report.put("outdated_after", Durations.format(status.outdatedAfter()));
        OutboxStatus outbox = runtime.outbox().status();
        report.put("outbox_pending", outbox.queued());
        report.put("outbox_attention", outbox.attention());
        report.put("outbox_sent", outbox.sent());
        report.put("outbox_total_mismatches", outbox.mismatches());
        report.put("oldest_pending_age_s", outbox.oldestQueuedAge().toSeconds());
        return report;
    }

    @Override
    String asText(JsonNode report) {
        StringBuilder text = new StringBuilder();
        report.properties().forEach(field -> {
            String value = field.getValue().isObject() ? field.getValue().toString() : field.getValue().asText();
            text.append(String.format("%-18s %s%n", field.getKey().replace('_', ' '), value));
        });
        return text.toString().stripTrailing();
    }
}
