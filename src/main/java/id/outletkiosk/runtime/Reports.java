package id.outletkiosk.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.config.AppInfo;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.wire.Json;
import id.outletkiosk.config.Durations;
import id.outletkiosk.config.Settings;
import id.outletkiosk.logging.LogFiles;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.store.TerminalReport;
import java.util.List;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.SyncStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The two reports a store hands over when something is wrong: {@code status} (what the store holds and
 * how its sync went) and the diagnostics bundle (versions, settings, status, the last log lines). The
 * CLI prints them, the manager's panel copies them; neither ever holds the token or the PIN hash.
 */
public final class Reports {
    /** Log lines in a diagnostics bundle: enough for the last few minutes of a busy store. */
    public static final int LOG_LINES = 200;

    private Reports() {
    }

    /** What the local store holds and how its last sync went; reads the store only, no network. */
    public static ObjectNode status(OutletRuntime runtime) {
        SyncStatus status = runtime.syncStatus().current();
        Instant now = runtime.clock().instant();
        ObjectNode report = Json.MAPPER.createObjectNode();
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
        report.put("status_changes_pending", outbox.statusChangesQueued());
        report.put("status_changes_attention", outbox.statusChangesAttention());
        ArrayNode alerts = report.putArray("alerts"); // feed silence counts only in a running app
        runtime.alerts(outbox).forEach(alert -> alerts.add(alert.kind().name().toLowerCase(java.util.Locale.ROOT)));
        return report;
    }

    /**
     * This terminal's health as the store server is told it (receivedAt is the server's to stamp): from
     * the sources of {@link #status} and the status bar, the feed's {@code status} among them.
     */
    public static TerminalReport terminalReport(OutletRuntime runtime, FeedStatus feed) {
        Settings settings = runtime.settings();
        SyncStatus menu = runtime.syncStatus().current();
        OutboxStatus outbox = runtime.outbox().status();
        List<String> alerts = runtime.alerts(outbox).stream().map(alert -> alert.kind().name()).toList();
        return new TerminalReport(settings.kiosk().terminal(), settings.role().wireName(), AppInfo.version(),
                feed.mode().wireName(), feed.modeSince(), menu.dataVersion(), menu.lastSuccess(), outbox.queued(),
                outbox.statusChangesQueued(), alerts, null);
    }

    /** Versions, settings (secrets only as set or not), status and the last log lines with secrets masked. */
    public static ObjectNode diagnostics(OutletRuntime runtime) {
        Settings settings = runtime.settings();
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("app_version", AppInfo.version());
        report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.put("settings", settings.toString()); // toString shows tokens only as (set) / (none)
        report.set("status", status(runtime));
        ArrayNode log = report.putArray("log_tail");
        try {
            for (String line : LogFiles.lastLines(settings.dataDir(), LOG_LINES)) {
                log.add(mask(line, settings.token(), settings.localToken()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log file: " + e.getMessage(), e);
        }
        return report;
    }

    /** Each non-empty secret replaced by "(secret)", in case one ever reached a log line. */
    public static String mask(String line, String... secrets) {
        String masked = line;
        for (String secret : java.util.Arrays.stream(secrets).filter(s -> s != null && !s.isEmpty()).toList()) {
            masked = masked.replace(secret, "(secret)");
        }
        return masked;
    }
}
