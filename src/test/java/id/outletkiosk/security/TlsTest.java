package id.outletkiosk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.sync.RealtimeFeed;
import id.outletkiosk.sync.SyncFailedException;
import id.outletkiosk.testing.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS and WSS against the project's own servers on 127.0.0.1 with a self-signed certificate: trusted
 * through the CA file, refused without it and refused with a wrong pin, each with one clear line.
 */
@Timeout(60)
class TlsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    static Path folder;

    private static SelfSignedCertificate central;
    private static SelfSignedCertificate other;
    private static ReferenceBackend backend;
    private static StoreServerOrders storeServerOrders;
    private static StoreServer storeServer;

    @BeforeAll
    static void startSecureServers() throws Exception {
        central = SelfSignedCertificate.create(folder.resolve("certs"), "central");
        other = SelfSignedCertificate.create(folder.resolve("certs"), "impostor");
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback().withTls(central.keys()),
                Clock.systemUTC());
        storeServerOrders = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("local.db")), Clock.systemUTC(),
                100);
        storeServer = new StoreServer(storeServerOrders, StoreServer.Options.loopback().withTls(central.keys()),
                Clock.systemUTC()).start();
    }

    @AfterAll
    static void stopServers() {
        storeServer.close();
        storeServerOrders.close();
        backend.close();
    }

    private OutletRuntime terminal(String name, Map<Setting, String> more) throws Exception {
        Path home = folder.resolve(name);
        Files.createDirectories(home);
        Map<Setting, String> flags = new HashMap<>(more);
        flags.putIfAbsent(Setting.BACKEND, backend.baseUri().toString());
        flags.put(Setting.DATA_DIR, home.resolve("data").toString());
        flags.put(Setting.HEARTBEAT_INTERVAL, "200ms");
        flags.put(Setting.HEARTBEAT_TIMEOUT, "1s");
        return OutletRuntime.open(new SettingsLoader(home).load(flags, Map.of()), Clock.systemUTC());
    }

    @Test
    void withTheCaFile_menuSyncsOverHttps_andOrdersComeOverWss() throws Exception {
        assertThat(backend.baseUri().getScheme()).isEqualTo("https");
        try (OutletRuntime runtime = terminal("trusted", Map.of(Setting.CA_FILE, central.pem.toString()))) {
            runtime.sync().orElseThrow().runRound();

            assertThat(runtime.catalog().product(1)).isPresent();
            RealtimeFeed feed = runtime.startFeed();
            await().atMost(PATIENCE).until(() -> feed.status().mode() == FeedMode.ONLINE);
        }
    }

    @Test
    void theStoreServerOverWss_isTrustedThroughTheSameCaFile() throws Exception {
        assertThat(storeServer.socketUri().getScheme()).isEqualTo("wss");
        try (OutletRuntime runtime = terminal("store", Map.of(Setting.CA_FILE, central.pem.toString(),
                Setting.BACKEND, "https://127.0.0.1:1", // central unreachable: the store server it is
                Setting.LOCAL_HTTP, storeServer.baseUri().toString(),
                Setting.LOCAL_WS, storeServer.socketUri().toString()))) {
            RealtimeFeed feed = runtime.startFeed();
            await().atMost(PATIENCE).until(() -> feed.status().mode() == FeedMode.LOCAL);
        }
    }

    @Test
    void withoutTheCaFile_theCertificateIsRefusedWithOneClearLine_andNothingFallsBackToPlainText() throws Exception {
        try (OutletRuntime runtime = terminal("untrusted", Map.of())) {
            assertThatThrownBy(() -> runtime.sync().orElseThrow().runRound()).isInstanceOf(SyncFailedException.class);

            String error = runtime.syncStatus().current().lastError();
            assertThat(error).startsWith("backend certificate not trusted at 127.0.0.1:" + backend.port() + ": ");
            assertThat(runtime.catalog().product(1)).isEmpty();
            RealtimeFeed feed = runtime.startFeed();
            await().atMost(PATIENCE).until(() -> feed.status().lastError() != null);
            assertThat(feed.status().mode()).isEqualTo(FeedMode.OFFLINE);
            assertThat(feed.status().lastError()).contains("certificate not trusted");
        }
    }

    @Test
    void aPinnedKeyMustMatch_theRightPinPasses_aWrongOneIsRefused() throws Exception {
        String rightPin = Tls.pinOf(Tls.readCertificates(central.pem).get(0));
        String wrongPin = Tls.pinOf(Tls.readCertificates(other.pem).get(0));
        try (OutletRuntime pinned = terminal("pinned", Map.of(Setting.CA_FILE, central.pem.toString(),
                Setting.BACKEND_PIN, rightPin))) {
            pinned.sync().orElseThrow().runRound();
            assertThat(pinned.catalog().product(1)).isPresent();
        }
        try (OutletRuntime wrong = terminal("wrong-pin", Map.of(Setting.CA_FILE, central.pem.toString(),
                Setting.BACKEND_PIN, wrongPin))) {
            assertThatThrownBy(() -> wrong.sync().orElseThrow().runRound()).isInstanceOf(SyncFailedException.class);
            assertThat(wrong.syncStatus().current().lastError()).startsWith("backend certificate not trusted")
                    .contains("public key pin mismatch: expected " + wrongPin + ", the server sent " + rightPin);
            assertThat(wrong.catalog().product(1)).isEmpty();
        }
    }

    @Test
    void aBadCaFileOrPinIsASettingsErrorAtStart() throws Exception {
        Path notPem = folder.resolve("not-a-cert.pem");
        Files.writeString(notPem, "hello");
        SettingsLoader loader = new SettingsLoader(folder);
        assertThatThrownBy(() -> loader.load(Map.of(Setting.CA_FILE, notPem.toString()), Map.of()))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("ca-file: ");
        assertThatThrownBy(() -> loader.load(Map.of(Setting.BACKEND_PIN, "sha256/short"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("backend-pin: \"sha256/short\" is not a pin like sha256/ followed by 44 Base64 characters"
                        + " (from --backend-pin)");
    }
}
