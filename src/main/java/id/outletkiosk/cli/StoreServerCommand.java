package id.outletkiosk.cli;

import id.outletkiosk.config.Durations;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.store.Retention;

import id.outletkiosk.sync.FeedListener;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Settings;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.server.StoreServerWarmUp;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code store-server --port 3001}: the outlet's durable store server, following the backend when set. */
// "local-server" was its first name: installed services still start it so
@Command(name = "store-server", aliases = "local-server", mixinStandardHelpOptions = true,
        description = "Run the outlet's store server (orders in SQLite in the data folder).")
final class StoreServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "3001", description = "port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0",
            description = "address to bind (default ${DEFAULT-VALUE}: the store LAN; kiosks must reach it)")
    String host;

    @Option(names = "--keep-closed", defaultValue = "100",
            description = "closed orders kept per outlet (open ones are always kept; default ${DEFAULT-VALUE})")
    int keepClosed;

    @Option(names = "--outlets", split = ",", paramLabel = "ID",
            description = "outlets whose orders this server takes (default: the outlet setting); others get 4xx")
    java.util.List<Long> outlets;

    @Option(names = "--requests-per-second", defaultValue = "50",
            description = "requests a second per client address, bursts of twice that (default ${DEFAULT-VALUE})")
    int requestsPerSecond;

    @Option(names = "--max-sockets", defaultValue = "200",
            description = "open WebSockets at most (default ${DEFAULT-VALUE})")
    int maxSockets;

    @Option(names = "--socket-idle-timeout", defaultValue = "2m",
            description = "a socket silent this long is closed (default ${DEFAULT-VALUE}; clients ping every 2 s)")
    String socketIdleTimeout;

    @Option(names = "--warm-up", defaultValue = "2s",
            description = "before the port opens, poll a scratch copy of the server this long so the first terminals"
                    + " meet compiled code (default ${DEFAULT-VALUE}; 0s: none)")
    String warmUp;

    @picocli.CommandLine.Mixin
    ServerTlsOptions tls = new ServerTlsOptions();

    /** Terminals wait for the port meanwhile: past this, waiting costs them more than cold code would. */
    private static final java.time.Duration MAX_WARM_UP = java.time.Duration.ofSeconds(10);

    private final CommandContext context;

    StoreServerCommand(CommandContext context) {
        this.context = context;
    }

    private StoreServer.Options serverOptions(Settings settings) {
        java.time.Duration idle = Durations.parse(socketIdleTimeout);
        if (idle == null || idle.isZero() || idle.isNegative()) {
            throw new SettingsException("--socket-idle-timeout: \"" + socketIdleTimeout
                    + "\" is not a positive duration like 90s or 2m");
        }
        if (requestsPerSecond < 1 || maxSockets < 1) {
            throw new SettingsException("--requests-per-second and --max-sockets must be at least 1");
        }
        java.util.Set<Long> served = outlets == null || outlets.isEmpty() ? java.util.Set.of((long) settings.outlet())
                : java.util.Set.copyOf(outlets);
        return new StoreServer.Options(host, port, settings.localToken(), 64 * 1024, served, requestsPerSecond,
                maxSockets, idle, tls.keys(context.env()), settings.statusAllow());
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        Settings settings = context.settingsWithLogFile(spec);
        java.nio.file.Files.createDirectories(settings.dataDir().resolve("local-server-feed"));
        // the server's own feed must not poll itself: it follows the central backend only
        Settings followerSettings = settings.withLocalServer(null, null);
        java.time.Duration warmUpBudget = Durations.parse(warmUp);
        if (warmUpBudget == null || warmUpBudget.isNegative() || warmUpBudget.compareTo(MAX_WARM_UP) > 0) {
            throw new SettingsException("--warm-up: \"" + warmUp + "\" is not a duration from 0s to "
                    + Durations.format(MAX_WARM_UP) + ", like 2s or 1500ms");
        }
        StoreServer.Options options = serverOptions(settings); // a bad flag is told before the warm-up's wait
        StoreServerWarmUp.run(warmUpBudget, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        StoreServerOrders store = new StoreServerOrders(
                Database.openStoreServerDatabase(settings.dataDir().resolve("local-server.db")), context.clock(),
                keepClosed);
        try (UntilStopped stopped = new UntilStopped(); store; StoreServer server = new StoreServer(store, options,
                context.clock()).start();
                OutletRuntime follower = OutletRuntime.open(followerSettings.withDataDir(
                        settings.dataDir().resolve("local-server-feed")), context.clock())) {
            if (settings.hasBackend()) {
                follower.startFeed().addListener(FeedListener.ofOrders(event -> server.recordFromCentral(event.order())));
            }
            follower.startHousekeeping(store.retentionPurges().toArray(Retention.Purge[]::new));

            spec.commandLine().getOut().println("store server on " + server.baseUri()
                    + (settings.hasBackend() ? ", following " + settings.backend() + " for outlet " + settings.outlet()
                            : "") + "; Ctrl+C stops");
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return 0;
    }
}
