package id.outletkiosk.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.testing.TempFolders;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any request a neighbour on the store LAN can send (a body, a path, a query) gets an answer below 500
 * from the store server: a refusal with a reason, or the order taken. A 500, a hang or a dead server is
 * a finding. Requests go over real HTTP to the server on 127.0.0.1.
 */
@Tag("fuzz")
class StoreServerFuzzTest {
    private static final String TOKEN = "fuzz-outlet-token";
    private static Path folder;
    private static StoreServerOrders store;
    private static StoreServer server;
    private static HttpClient http;

    @BeforeAll
    static void startServer() throws Exception {
        folder = Files.createTempDirectory("local-server-fuzz");
        store = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("local.db")), Clock.systemUTC(), 50);
        server = new StoreServer(store, StoreServer.Options.loopback().withToken(TOKEN)
                .withLimits(1_000_000, 200, Duration.ofMinutes(2)), Clock.systemUTC()).start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        store.close();
        TempFolders.deleteTree(folder);
    }

    @FuzzTest
    void anyRequestIsAnsweredBelow500(FuzzedDataProvider data) throws Exception {
        // the test itself talks to the server on loopback; Jazzer's SSRF detector would flag that
        BugDetectors.allowNetworkConnections((host, port) -> port == server.port());
        int route = data.consumeInt(0, 2);
        boolean withToken = data.consumeBoolean();
        HttpRequest.Builder request;
        switch (route) {
            case 0 -> request = HttpRequest.newBuilder(uri("/api/orders"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(data.consumeRemainingAsBytes()));
            case 1 -> {
                String id = URLEncoder.encode(data.consumeString(24), StandardCharsets.UTF_8);
                request = HttpRequest.newBuilder(uri("/api/orders/" + id))
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(data.consumeRemainingAsBytes()));
            }
            default -> request = HttpRequest.newBuilder(uri("/api/orders?outlet_id="
                    + URLEncoder.encode(data.consumeString(32), StandardCharsets.UTF_8) + "&since_id="
                    + URLEncoder.encode(data.consumeRemainingAsString(), StandardCharsets.UTF_8))).GET();
        }
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(5));
        if (withToken) {
            request.header("Authorization", "Token " + TOKEN);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + request.build().method() + " "
                    + request.build().uri() + ": " + response.body());
        }
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(server.baseUri() + pathAndQuery);
    }
}
