package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.testing.RawHttpServer;
import id.outletkiosk.testing.StoreSnapshot;
import id.outletkiosk.testing.SyncHarness;
import id.outletkiosk.testing.TestClocks;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synced kiosk meets a broken backend. Categories and products come back fine with a changed price;
 * promotions are broken in one way per test. Every time: one clear error, the status says so, and the
 * store keeps exactly its previous snapshot (the good price change is NOT half-applied).
 */
@Timeout(30)
class BadBackendTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(700);
    private static final long BODY_LIMIT = 256 * 1024;

    @TempDir
    Path folder;

    private ReferenceBackend goodBackend;
    private SyncHarness synced;
    private List<String> snapshot;
    private RawHttpServer badServer;

    @BeforeEach
    void syncFromAGoodBackend() throws Exception {
        MasterDataRepository menu = new MasterDataRepository();
        SampleMenu.seed(menu, TestClocks.noonInJakarta());
        goodBackend = new ReferenceBackend(menu, ReferenceBackend.Options.loopback()).start();
        synced = SyncHarness.against(folder, goodBackend.baseUri());
        synced.sync.runRound();
        snapshot = StoreSnapshot.of(synced.database);
    }

    @AfterEach
    void stop() throws IOException {
        synced.close();
        goodBackend.close();
        if (badServer != null) {
            badServer.close();
        }
    }

    /** Serves a good price change for categories and products; the promotions answer is the test's. */
    private SyncFailedException syncAgainst(RawHttpServer.Responder promotions) throws IOException {
        return syncAgainstServer((request, socket, out) -> {
            if (request.path().equals("/api/promotions/")) {
                promotions.respond(request, socket, out);
            } else if (request.path().equals("/api/products/")) {
                RawHttpServer.writeJson(out, 200, "{\"version\": 900, \"results\": [{\"id\": 1, \"name\": "
                        + "\"Nasi Goreng Spesial\", \"category\": 1, \"price\": \"99000\", \"version\": 900}]}");
            } else {
                RawHttpServer.writeJson(out, 200, "{\"version\": 900, \"results\": []}");
            }
        });
    }

    /** Serves a good category change; the one product row is the test's. */
    private SyncFailedException syncAgainstProducts(String badRow) throws IOException {
        return syncAgainstServer((request, socket, out) -> {
            if (request.path().equals("/api/products/")) {
                RawHttpServer.writeJson(out, 200, "{\"version\": 901, \"results\": [" + badRow + "]}");
            } else {
                RawHttpServer.writeJson(out, 200, "{\"version\": 901, \"results\": [{\"id\": 1, \"name\": \"Nasi\", "
                        + "\"sort_order\": 1, \"version\": 901}]}");
            }
        });
    }

    private SyncFailedException syncAgainstServer(RawHttpServer.Responder server) throws IOException {
        badServer = new RawHttpServer(server);
        try (SyncHarness kiosk = synced.pointedAt(folder, badServer.uri(), SHORT_TIMEOUT, BODY_LIMIT)) {
            SyncFailedException failure = catchThrowableOfType(SyncFailedException.class, kiosk.sync::runRound);
            assertThat(failure).as("the round must fail").isNotNull();
            assertThat(StoreSnapshot.of(kiosk.database)).as("store untouched").isEqualTo(snapshot);
            assertThat(kiosk.status.current().state()).isEqualTo(SyncState.ERROR);
            assertThat(kiosk.status.current().lastError()).isEqualTo(failure.getMessage());
            assertThat(kiosk.status.current().versions().get(EntityKind.PRODUCTS))
                    .isEqualTo(synced.store.versions().get(EntityKind.PRODUCTS));
            return failure;
        }
    }

    private static RawHttpServer.Responder json(String body) {
        return (request, socket, out) -> RawHttpServer.writeJson(out, 200, body);
    }

    @Test
    void invalidJson() throws Exception {
        SyncFailedException failure = syncAgainst(json("{\"version\": 900, \"results\": [{\"id\": 1,"));
        assertThat(failure).hasMessageContaining("bad promotions data").hasMessageContaining("not valid JSON");
        assertThat(failure.worthRetrying()).isFalse();
    }

    @Test
    void htmlErrorPageFromAProxy() throws Exception {
        SyncFailedException failure = syncAgainst((request, socket, out) -> RawHttpServer.writeAnswer(out, 502,
                "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));
        assertThat(failure).hasMessage("backend answered HTTP 502 for promotions: an HTML page \"502 Bad Gateway\"");
        assertThat(failure.worthRetrying()).isTrue();
    }

    @Test
    void htmlPageWithStatus200() throws Exception {
        SyncFailedException failure = syncAgainst((request, socket, out) -> RawHttpServer.writeAnswer(out, 200,
                "text/html; charset=utf-8", "<html><body>Django REST framework</body></html>"));
        assertThat(failure).hasMessageContaining("sent an HTML page, not JSON, for promotions");
    }

    @Test
    void priceAsAnObject() throws Exception {
        SyncFailedException failure = syncAgainstProducts("{\"id\": 5, \"name\": \"Es Teh\", \"price\": {\"amount\": 5000},"
                + " \"version\": 901}");
        assertThat(failure).hasMessage("backend sent bad products data: the answer row 1 (id 5) price must be a "
                + "decimal amount, got an object");
    }

    @Test
    void rowWithoutId() throws Exception {
        SyncFailedException failure = syncAgainst(json("{\"version\": 900, \"results\": [{\"name\": \"Promo\", "
                + "\"discount_type\": \"fixed\", \"discount_value\": \"1000\", \"start_date\": \"2024-01-01T00:00:00Z\","
                + " \"version\": 899}]}"));
        assertThat(failure).hasMessage("backend sent bad promotions data: the answer row 1 has no id");
    }

    @Test
    void negativePrice() throws Exception {
        SyncFailedException failure = syncAgainstProducts("{\"id\": 5, \"name\": \"Es Teh\", \"price\": \"-5000\","
                + " \"version\": 901}");
        assertThat(failure).hasMessageContaining("row 1 (id 5) price must not be negative, got -5000");
    }

    @Test
    void unparsablePrice() throws Exception {
        SyncFailedException failure = syncAgainstProducts("{\"id\": 5, \"name\": \"Es Teh\", \"price\": \"Rp 5.000\","
                + " \"version\": 901}");
        assertThat(failure).hasMessageContaining("price must be a decimal amount like \"15000\" or \"15000.00\", "
                + "got \"Rp 5.000\"");
    }

    @Test
    void connectionResetInTheMiddleOfTheBody() throws Exception {
        SyncFailedException failure = syncAgainst((request, socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    + "{\"version\": 900, \"results\": [").getBytes(StandardCharsets.UTF_8));
            out.flush();
            resetConnection(socket);
        });
        assertThat(failure).hasMessageContaining("broke off while reading promotions");
        assertThat(failure.worthRetrying()).isTrue();
    }

    @Test
    void bodyThatNeverEnds() throws Exception {
        SyncFailedException failure = syncAgainst((request, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[".getBytes(
                    StandardCharsets.UTF_8));
            byte[] row = "{\"id\": 1, \"name\": \"x\", \"version\": 1},".getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!badServer.isClosed() && System.nanoTime() < deadline) {
                out.write(row); // until the client hangs up
            }
        });
        assertThat(failure).hasMessageContaining("larger than the 262144-byte limit");
    }

    @Test
    void bodyThatTricklesForever() throws Exception {
        SyncFailedException failure = syncAgainst((request, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[".getBytes(
                    StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!badServer.isClosed() && System.nanoTime() < deadline) {
                out.write(' '); // one byte now and then keeps a read timeout from firing; the call timeout must
                out.flush();
                badServer.awaitClose(100);
            }
        });
        assertThat(failure).hasMessageContaining("did not answer promotions in time");
    }

    @Test
    void serverThatAnswersAfterAMinute() throws Exception {
        long started = System.nanoTime();
        SyncFailedException failure = syncAgainst((request, socket, out) -> {
            badServer.awaitClose(60_000);
            RawHttpServer.writeJson(out, 200, "[]");
        });
        assertThat(failure).hasMessageContaining("did not answer promotions in time (read-timeout 700ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void tokenRefused() throws Exception {
        SyncFailedException failure = syncAgainst((request, socket, out) -> RawHttpServer.writeJson(out, 401,
                "{\"detail\": \"Invalid token.\"}"));
        assertThat(failure).hasMessage("backend refused access to promotions (HTTP 401: Invalid token.); "
                + "the backend wants a token: set --token or OUTLET_KIOSK_TOKEN");
        assertThat(failure.worthRetrying()).isFalse();
    }

    @Test
    void nextLinkThatLoopsBackToItself() throws Exception {
        SyncFailedException failure = syncAgainst((request, socket, out) -> RawHttpServer.writeJson(out, 200,
                "{\"count\": 1, \"next\": \"http://elsewhere.example" + request.target() + "\", \"previous\": null, "
                        + "\"results\": []}"));
        assertThat(failure).hasMessageStartingWith("backend's promotions pages loop: the next link leads back to "
                + "/api/promotions/?since_version=");
        // the foreign host in the link was never contacted: every request came to our configured server
        assertThat(badServer.requests()).allSatisfy(r -> assertThat(r.header("Host")).startsWith("127.0.0.1"));
    }

    @Test
    void wrongShapeAtTheTop() throws Exception {
        SyncFailedException failure = syncAgainst(json("{\"detail\": \"Not found.\"}"));
        assertThat(failure).hasMessage("backend sent bad promotions data: the answer is an object, expected a list "
                + "of rows or an object with \"results\"");
    }

    private static void resetConnection(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
