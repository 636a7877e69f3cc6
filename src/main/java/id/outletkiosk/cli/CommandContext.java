package id.outletkiosk.cli;

import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.logging.LogFiles;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs from its surroundings: environment, clock, settings loader, output. */
record CommandContext(Map<String, String> env, Clock clock, SettingsLoader loader) {

    Settings settings(CommandSpec spec) {
        return loader.load(SettingsOptions.given(spec), env);
    }

    /** Settings for a long-running command, which also keeps its log in the data folder. */
    Settings settingsWithLogFile(CommandSpec spec) {
        Settings settings = settings(spec);
        LogFiles.writeTo(settings.dataDir());
        return settings;
    }

    /** Orders and status changes go to the backend, else the store server: one of them must be set. */
    static void requireOrderServer(Settings settings, String what) {
        if (!settings.hasBackend() && settings.localHttp() == null) {
            throw new SettingsException("backend: neither --backend nor --local-http is set: nowhere to " + what);
        }
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }
}
