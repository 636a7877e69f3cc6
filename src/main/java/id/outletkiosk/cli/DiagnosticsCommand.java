package id.outletkiosk.cli;

import id.outletkiosk.runtime.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.runtime.OutletRuntime;
import picocli.CommandLine.Command;

/**
 * {@code diagnostics}: what a developer asks a store for when something is wrong, in one paste: the
 * versions, the settings (secrets shown only as set or not), the store's status, and the last log
 * lines. Secrets are also masked in the log lines, in case one ever got there.
 */
@Command(name = "diagnostics", mixinStandardHelpOptions = true,
        description = "Print versions, settings, status and the last log lines, without secrets.")
final class DiagnosticsCommand extends StoreReportCommand {
    private final CommandContext context;

    DiagnosticsCommand(CommandContext context) {
        super(context);
        this.context = context;
    }

    @Override
    JsonNode report(OutletRuntime runtime) {
        return Reports.diagnostics(runtime);
    }

    @Override
    String asText(JsonNode report) {
        return report.toPrettyString();
    }
}
