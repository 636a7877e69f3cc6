package id.outletkiosk.cli;

import id.outletkiosk.runtime.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.runtime.OutletRuntime;
import picocli.CommandLine.Command;

/** {@code status}: what the local store holds and how its last sync went; reads only the store, no network. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the local store's sync health.")
final class StatusCommand extends StoreReportCommand {
    StatusCommand(CommandContext context) {
        super(context);
    }

    @Override
    ObjectNode report(OutletRuntime runtime) {
        return Reports.status(runtime);
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
