package id.outletkiosk.cli;

import id.outletkiosk.config.AppInfo;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.config.SettingsLoader;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code outlet-kiosk [subcommand]}: with no subcommand, the desktop app. */
@Command(name = "outlet-kiosk", mixinStandardHelpOptions = true, versionProvider = OutletKioskCommand.Version.class,
        description = "Offline-first kiosk and kitchen display client. With no command: start the app.",
        subcommands = {UiCommand.class, SyncCommand.class, StatusCommand.class, CatalogCommand.class,
                ListenCommand.class, OrderCommand.class, OrderStatusCommand.class, OutboxCommand.class,
                DemoBackendCommand.class, StoreServerCommand.class, DiagnosticsCommand.class, ManagerPinCommand.class})
public final class OutletKioskCommand implements Callable<Integer> {
    /** Exit code for a bad setting or bad usage. */
    public static final int BAD_SETTINGS = 2;
    /** Exit code for a failure at run time (backend unreachable, bad data). */
    public static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    private final CommandContext context;

    OutletKioskCommand(CommandContext context) {
        this.context = context;
    }

    /** The configured command line, with settings read from {@code env} and the current user's home. */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, Clock.systemDefaultZone(), SettingsLoader.forCurrentUser());
    }

    public static CommandLine commandLine(Map<String, String> env, Clock clock, SettingsLoader loader) {
        CommandContext context = new CommandContext(env, clock, loader);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return type.getDeclaredConstructor(CommandContext.class).newInstance(context);
                } catch (NoSuchMethodException noContext) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        };
        CommandLine commandLine = new CommandLine(OutletKioskCommand.class, factory);
        SettingsOptions.addTo(commandLine.getCommandSpec());
        // once per command: a command with an alias (store-server, once local-server) is listed under both
        new java.util.LinkedHashSet<>(commandLine.getSubcommands().values())
                .forEach(sub -> SettingsOptions.addTo(sub.getCommandSpec()));
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof SettingsException) {
                line.getErr().println("outlet-kiosk: " + exception.getMessage());
                return BAD_SETTINGS;
            }
            line.getErr().println("outlet-kiosk: " + exception.getMessage());
            org.slf4j.LoggerFactory.getLogger(OutletKioskCommand.class).debug("command failed", exception);
            return FAILED;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        return new UiCommand(context).run(spec);
    }

    /** Prints the build version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"outlet-kiosk " + AppInfo.version()};
        }
    }
}
