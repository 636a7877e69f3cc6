package id.outletkiosk;

import id.outletkiosk.cli.OutletKioskCommand;

/**
 * The one entry point, for {@code java -jar}, {@code mvn javafx:run} and installers alike. A plain class,
 * not a JavaFX Application, so a fat jar starts without the JavaFX launcher's module checks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = OutletKioskCommand.commandLine(System.getenv()).execute(args);
        System.exit(exitCode);
    }
}
