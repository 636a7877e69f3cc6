package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.wire.Json;
import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.sync.SyncFailedException;
import id.outletkiosk.sync.SyncRoundResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sync --once}: one round, then a report; without {@code --once}: keep the menu fresh until stopped. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Fetch menu, categories and promotions changed since the stored versions.")
final class SyncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--once", description = "run one round and exit: 0 when it committed, 1 when it failed")
    boolean once;

    @Option(names = "--json", description = "print the round's report as JSON")
    boolean json;

    private final CommandContext context;

    SyncCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        // the daemon keeps a log file; a one-off round only prints
        Settings settings = once ? context.settings(spec) : context.settingsWithLogFile(spec);
        if (!settings.hasBackend()) {
            throw new SettingsException("backend: not set; give --backend URL or OUTLET_KIOSK_BACKEND");
        }
        PrintWriter out = CommandContext.out(spec);
        try (OutletRuntime runtime = OutletRuntime.open(settings, context.clock())) {
            if (!once) {
                return runForever(runtime, out);
            }
            try {
                SyncRoundResult result = runtime.sync().orElseThrow().runRound(); // a backend is set: checked above
                out.println(json ? toJson(result) : toTable(result));
                out.flush();
                return 0;
            } catch (SyncFailedException e) {
                spec.commandLine().getErr().println("outlet-kiosk: sync failed: " + e.getMessage());
                return OutletKioskCommand.FAILED;
            }
        }
    }

    private static int runForever(OutletRuntime runtime, PrintWriter out) throws InterruptedException {
        try (UntilStopped stopped = new UntilStopped()) {
            out.println("syncing every " + runtime.settings().refreshInterval() + " from "
                    + runtime.settings().backend() + "; Ctrl+C stops");
            out.flush();
            runtime.startSync();
            runtime.startHousekeeping();
            stopped.await();
        }
        return 0;
    }

    static String toTable(SyncRoundResult result) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("synced in %d ms, %d bytes in %d requests%n", result.duration().toMillis(),
                result.bytesReceived(), result.requests()));
        table.append(String.format("%-11s %10s %10s %9s %8s %7s%n", "kind", "from", "to", "received", "written",
                "rows"));
        for (EntityKind kind : EntityKind.values()) {
            table.append(String.format("%-11s %10d %10d %9d %8d %7d%n", kind.wireName(), result.fromVersions().get(kind),
                    result.toVersions().get(kind), result.rowsReceived().get(kind), result.rowsWritten().get(kind),
                    result.rowCounts().get(kind)));
        }
        return table.toString().stripTrailing();
    }

    static String toJson(SyncRoundResult result) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("duration_ms", result.duration().toMillis());
        root.put("bytes_received", result.bytesReceived());
        root.put("requests", result.requests());
        for (EntityKind kind : EntityKind.values()) {
            ObjectNode entity = root.putObject(kind.wireName());
            entity.put("from_version", result.fromVersions().get(kind));
            entity.put("to_version", result.toVersions().get(kind));
            entity.put("rows_received", result.rowsReceived().get(kind));
            entity.put("rows_written", result.rowsWritten().get(kind));
            entity.put("rows", result.rowCounts().get(kind));
        }
        return root.toString();
    }
}
