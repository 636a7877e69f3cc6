package id.outletkiosk.cli;

import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsLoader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs from its surroundings: environment, clock, settings loader, output. */
record CommandContext(Map<String, String> env, Clock clock, SettingsLoader loader) {

    Settings settings(CommandSpec spec) {
        return loader.load(SettingsOptions.given(spec), env);
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }
}
