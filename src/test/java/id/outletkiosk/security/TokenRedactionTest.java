package id.outletkiosk.security;

import id.outletkiosk.api.OrderSocket;
import id.outletkiosk.testing.RawHttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.cli.OutletKioskCommand;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.sync.SyncFailedException;
import id.outletkiosk.testing.TestClocks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The central token and the outlet token, right or wrong, never reach a log line (at DEBUG, with
 * stack traces), a status line, {@code status --json} or the diagnostics bundle.
 */
@Timeout(60)
class TokenRedactionTest {
    private static final String CENTRAL = "central-tok-7c1e93a5";
    private static final String WRONG = "wrong-tok-4b8d02f6";
    private static final String STORE = "store-tok-e5a7c390";

    @TempDir
    Path home;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level levelBefore;
    private ReferenceBackend backend;
    private StoreServerOrders storeServerOrders;
    private StoreServer storeServer;

    @BeforeEach
    void captureEveryLogLine() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        levelBefore = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback().withToken(CENTRAL), Clock.systemUTC());
        storeServerOrders = new StoreServerOrders(Database.openStoreServerDatabase(home.resolve("local.db")), Clock.systemUTC(), 10);
        storeServer = new StoreServer(storeServerOrders, StoreServer.Options.loopback().withToken(STORE),
                Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        root.detachAppender(captured);
        root.setLevel(levelBefore);
        storeServer.close();
        storeServerOrders.close();
        backend.close();
    }

    private Map<Setting, String> flags(String token, String data) {
        return Map.of(Setting.BACKEND, backend.baseUri().toString(), Setting.TOKEN, token,
                Setting.LOCAL_HTTP, storeServer.baseUri().toString(), Setting.LOCAL_TOKEN, STORE,
                Setting.DATA_DIR, home.resolve(data).toString(), Setting.HEARTBEAT_INTERVAL, "200ms",
                Setting.HEARTBEAT_TIMEOUT, "1s");
    }

    @Test
    void noTokenInLogsStatusOrDiagnostics_whetherTheServerTookItOrRefusedIt() throws Exception {
        List<String> seen = new ArrayList<>();
        SettingsLoader loader = new SettingsLoader(home);
        try (OutletRuntime good = OutletRuntime.open(loader.load(flags(CENTRAL, "good"), Map.of()), Clock.systemUTC())) {
            good.sync().orElseThrow().runRound();
            var feed = good.startFeed();
            await().atMost(Duration.ofSeconds(15)).until(() -> feed.status().mode() == FeedMode.ONLINE);
            seen.add(good.settings().toString());
        }
        try (OutletRuntime refused = OutletRuntime.open(loader.load(flags(WRONG, "refused"), Map.of()),
                Clock.systemUTC())) {
            assertThatThrownBy(() -> refused.sync().orElseThrow().runRound()).isInstanceOf(SyncFailedException.class);
            seen.add(refused.syncStatus().current().lastError());
            assertThat(refused.syncStatus().current().lastError()).contains("token");
        }
        seen.add(cli("status", "--json", "refused"));
        seen.add(cli("diagnostics", "--json", "refused"));
        seen.add(cli("sync", "--once", "refused"));
        for (ILoggingEvent event : captured.list) {
            seen.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        try (var logs = Files.walk(home)) {
            for (Path file : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
                seen.add(Files.readString(file));
            }
        }

        assertThat(captured.list).hasSizeGreaterThan(10); // the capture works: the run logged plenty
        assertThat(String.join("\n", seen)).doesNotContain(CENTRAL).doesNotContain(WRONG).doesNotContain(STORE)
                .contains("token=(set)");
    }

    @Test
    void theHandshakeCarriesTheTokenInTheHeader_andInTheQueryWhenAsked() throws Exception {
        java.util.concurrent.BlockingQueue<RawHttpServer.Request> handshakes =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (var server = new RawHttpServer((request, socket, out) -> {
            handshakes.add(request);
            out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes());
        })) {
            for (boolean inQuery : new boolean[] {false, true}) {
                var closed = new java.util.concurrent.CountDownLatch(1);
                var why = new java.util.concurrent.atomic.AtomicReference<String>();
                var socket = new OrderSocket(java.net.URI.create("ws://127.0.0.1:" + server.uri().getPort()
                        + "/ws/outlet/1/"), CENTRAL, null, inQuery, Duration.ofSeconds(2),
                        new OrderSocket.Listener() {
                            @Override
                            public void onOpen(OrderSocket s) {
                            }

                            @Override
                            public void onText(OrderSocket s, String text) {
                            }

                            @Override
                            public void onClosed(OrderSocket s, String reason) {
                                why.set(reason);
                                closed.countDown();
                            }
                        });
                socket.connect();
                var handshake = handshakes.poll(5, java.util.concurrent.TimeUnit.SECONDS);
                closed.await(5, java.util.concurrent.TimeUnit.SECONDS);

                assertThat(handshake.header("Authorization")).isEqualTo("Token " + CENTRAL);
                assertThat(handshake.target()).isEqualTo(inQuery ? "/ws/outlet/1/?token=" + CENTRAL : "/ws/outlet/1/");
                assertThat(why.get()).isNotBlank().doesNotContain(CENTRAL); // the refusal reaches the log
            }
        }
    }

    private String cli(String command, String option, String data) {
        StringWriter out = new StringWriter();
        CommandLine line = OutletKioskCommand.commandLine(Map.of(), TestClocks.noonInJakarta(), new SettingsLoader(home));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(out, true));
        line.execute(command, option, "--backend", backend.baseUri().toString(), "--token", WRONG, "--local-token",
                STORE, "--data-dir", home.resolve(data).toString());
        return out.toString();
    }
}
