package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.OutletRuntime;
import id.outletkiosk.api.Json;
import id.outletkiosk.config.Durations;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.SyncStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: what the local store holds and how its last sync went; reads only the store, no network. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the local store's sync health.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print as JSON")
    boolean json;

    private final CommandContext context;

    StatusCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (OutletRuntime runtime = OutletRuntime.open(context.settings(spec), context.clock())) {
            ObjectNode report = report(runtime);
            PrintWriter out = CommandContext.out(spec);
            out.println(json ? report.toPrettyString() : human(report));
            out.flush();
        }
        return 0;
    }

    static ObjectNode report(OutletRuntime runtime) {
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
        return report;
    }

    private static String human(ObjectNode report) {
        StringBuilder text = new StringBuilder();
        report.properties().forEach(field -> {
            String value = field.getValue().isObject() ? field.getValue().toString() : field.getValue().asText();
            text.append(String.format("%-18s %s%n", field.getKey().replace('_', ' '), value));
        });
        return text.toString().stripTrailing();
    }
}
