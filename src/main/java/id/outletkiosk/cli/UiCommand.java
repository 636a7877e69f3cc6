package id.outletkiosk.cli;

import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Role;
import id.outletkiosk.config.Settings;
import id.outletkiosk.ui.app.DesktopApp;
import id.outletkiosk.ui.Messages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the desktop app; with no backend configured, the demo store (kiosk and kitchen side by side). */
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
        if (!settings.hasBackend() && settings.role() == Role.KIOSK) {
            // nothing configured: the whole store side by side, over an in-process backend and store server
            try (DemoOutlet store = DemoOutlet.start(settings, context.clock())) {
                DesktopApp.runDemo(store, Messages.forSystem());
            }
            return 0;
        }
        try (OutletRuntime runtime = OutletRuntime.openWithDemoFallback(settings, context.clock())) {
            runtime.startSync();
            runtime.startHousekeeping();
            DesktopApp.run(runtime, Messages.forSystem());
        }
        return 0;
    }
}
