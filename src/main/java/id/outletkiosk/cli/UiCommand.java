package id.outletkiosk.cli;

import id.outletkiosk.OutletRuntime;
import id.outletkiosk.config.Settings;
import id.outletkiosk.ui.DesktopApp;
import id.outletkiosk.ui.Messages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the desktop app; with no backend configured, over the in-process demo backend. */
@Command(name = "ui", mixinStandardHelpOptions = true, description = "Start the desktop app (the default).")
final class UiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final CommandContext context;

    UiCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return run(spec);
    }

    int run(CommandSpec givenSpec) throws InterruptedException {
        Settings settings = context.settingsWithLogFile(givenSpec);
        try (OutletRuntime runtime = OutletRuntime.openWithDemoFallback(settings, context.clock())) {
            runtime.startSync();
            DesktopApp.run(runtime, Messages.forSystem());
        }
        return 0;
    }
}
