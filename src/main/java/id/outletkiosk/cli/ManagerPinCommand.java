package id.outletkiosk.cli;

import id.outletkiosk.config.Settings;
import id.outletkiosk.security.ManagerPin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manager-pin}: sets the PIN that opens the manager panel on this terminal. The PIN is read
 * from standard input (so it stays out of the shell history), or {@code --pin} for scripts.
 */
@Command(name = "manager-pin", mixinStandardHelpOptions = true,
        description = "Set the manager PIN (4 to 8 digits) from standard input; only a salted hash is stored.")
final class ManagerPinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pin", description = "the PIN (visible in the shell history: prefer standard input)")
    String pin;

    private final CommandContext context;

    ManagerPinCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = context.settings(spec);
        char[] typed = pin != null ? pin.toCharArray() : readLine();
        try {
            ManagerPin.set(settings.dataDir(), typed);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("outlet-kiosk: manager-pin: " + e.getMessage());
            return OutletKioskCommand.BAD_SETTINGS;
        } finally {
            Arrays.fill(typed, '\0');
        }
        spec.commandLine().getOut().println("manager PIN set for " + settings.dataDir());
        return 0;
    }

    private static char[] readLine() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.strip().toCharArray();
    }
}
