package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.AppInfo;
import id.outletkiosk.OutletRuntime;
import id.outletkiosk.api.Json;
import id.outletkiosk.config.Settings;
import id.outletkiosk.logging.LogFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;

/**
 * {@code diagnostics}: what a developer asks a store for when something is wrong, in one paste: the
 * versions, the settings (secrets shown only as set or not), the store's status, and the last log
 * lines. Secrets are also masked in the log lines, in case one ever got there.
 */
@Command(name = "diagnostics", mixinStandardHelpOptions = true,
        description = "Print versions, settings, status and the last log lines, without secrets.")
final class DiagnosticsCommand extends StoreReportCommand {
    static final int LOG_LINES = 200;
    private final CommandContext context;

    DiagnosticsCommand(CommandContext context) {
        super(context);
        this.context = context;
    }

    @Override
    JsonNode report(OutletRuntime runtime) {
        Settings settings = runtime.settings();
        ObjectNode report = Json.newMapper().createObjectNode();
        report.put("app_version", AppInfo.version());
        report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.put("settings", settings.toString()); // toString shows tokens only as (set) / (none)
        report.set("status", new StatusCommand(context).report(runtime));
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

    static String mask(String line, String... secrets) {
        String masked = line;
        for (String secret : java.util.Arrays.stream(secrets).filter(s -> s != null && !s.isEmpty()).toList()) {
            masked = masked.replace(secret, "(secret)");
        }
        return masked;
    }

    @Override
    String asText(JsonNode report) {
        return report.toPrettyString();
    }
}
