package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.runtime.OutletRuntime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that reads the local store (no network) and prints a report, as text or with {@code --json}. */
abstract class StoreReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print as JSON")
    boolean json;

    private final CommandContext context;

    StoreReportCommand(CommandContext context) {
        this.context = context;
    }

    /** The report as JSON; the text form is made from it, so both always say the same. */
    abstract JsonNode report(OutletRuntime runtime);

    abstract String asText(JsonNode report);

    @Override
    public Integer call() {
        try (OutletRuntime runtime = OutletRuntime.open(context.settings(spec), context.clock())) {
            JsonNode report = report(runtime);
            PrintWriter out = CommandContext.out(spec);
            out.println(json ? report.toPrettyString() : asText(report));
            out.flush();
        }
        return 0;
    }
}
