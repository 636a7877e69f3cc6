package id.outletkiosk.cli;

import id.outletkiosk.config.Setting;

import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo-backend --port 8000}: the reference backend with the demo menu, until stopped. */
@Command(name = "demo-backend", mixinStandardHelpOptions = true,
        description = "Run the reference backend (central contract) with a demo menu.")
final class DemoBackendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8000", description = "port to listen on (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to bind (default ${DEFAULT-VALUE}: this machine only)")
    String host;

    @Option(names = "--page-size", defaultValue = "0",
            description = "answer in DRF pages of this many rows (default: one envelope, no pages)")
    int pageSize;

    @Option(names = "--generate", paramLabel = "PRODUCTS",
            description = "serve a generated menu of this many products instead of the demo menu")
    Integer generatedProducts;

    @picocli.CommandLine.Mixin
    ServerTlsOptions tls = new ServerTlsOptions();

    private final CommandContext context;

    DemoBackendCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        String token = SettingsOptions.given(spec).get(Setting.TOKEN);
        if (token == null) {
            token = context.env().get(Setting.TOKEN.envName());
        }
        MasterDataRepository repository = new MasterDataRepository();
        if (generatedProducts == null) {
            SampleMenu.seed(repository, context.clock());
        } else {
            SampleMenu.generate(repository, context.clock(), Math.max(1, generatedProducts / 100), generatedProducts,
                    Math.max(1, generatedProducts / 20));
        }
        try (UntilStopped stopped = new UntilStopped(); ReferenceBackend backend = new ReferenceBackend(repository,
                new ReferenceBackend.Options(host, port, token, pageSize, tls.keys(context.env()))).start()) {
            spec.commandLine().getOut().println("reference backend on " + backend.baseUri()
                    + (token == null ? "" : " (token required)") + "; Ctrl+C stops");
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return 0;
    }
}
