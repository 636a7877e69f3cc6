package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.testing.StoreServerFixture;
import id.outletkiosk.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kitchen's open / busy / paused switch on the store server: kept, told to every screen, kept through restarts. */
class KitchenStatusRoutesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String TOKEN = "outlet-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final StoreServerFixture fixture = new StoreServerFixture(Clock.systemUTC(), 3);
    private StoreServerOrders store;
    private StoreServer server;
    private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        store = fixture.store();
        server = fixture.start(StoreServer.Options.loopback().withToken(TOKEN));
    }

    @AfterEach
    void stop() {
        sockets.forEach(WebSocket::abort);
    }

    @Test
    void aKitchenNeverSetIsOpen() throws Exception {
        HttpResponse<String> answer = get("/api/kitchen-status?outlet_id=1");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(answer.body()).path("status").asText()).isEqualTo("open");
    }

    @Test
    void theKitchenGoesBusyAndEveryScreenOfTheOutletHearsIt() throws Exception {
        List<String> frames = listen("?outlet_id=1");

        HttpResponse<String> answer = put("{\"outlet_id\": 1, \"status\": \"busy\", \"wait_minutes\": 15, "
                + "\"changed_at\": \"2026-05-04T12:00:00Z\", \"changed_by\": \"KITCHEN\"}", TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> !frames.isEmpty());
        JsonNode frame = Json.MAPPER.readTree(frames.get(0));
        assertThat(frame.path("type").asText()).isEqualTo("kitchen_status_changed");
        assertThat(frame.path("data").path("status").asText()).isEqualTo("busy");
        assertThat(frame.path("data").path("wait_minutes").asInt()).isEqualTo(15);
        assertThat(frame.path("data").path("changed_at").asText()).isEqualTo("2026-05-04T12:00:00Z");
        JsonNode polled = Json.MAPPER.readTree(get("/api/kitchen-status?outlet_id=1").body());
        assertThat(polled.path("status").asText()).isEqualTo("busy");
        assertThat(polled.path("changed_by").asText()).isEqualTo("KITCHEN");
    }

    @Test
    void aPauseSurvivesARestartOfTheStoreServerAndALateScreenHearsItFirst() throws Exception {
        put("{\"outlet_id\": 1, \"status\": \"paused\"}", TOKEN);
        int port = server.port();

        sockets.forEach(WebSocket::abort);
        server = fixture.restart(StoreServer.Options.loopback().withToken(TOKEN).withPort(port));
        store = fixture.store();

        assertThat(Json.MAPPER.readTree(get("/api/kitchen-status?outlet_id=1").body()).path("status").asText())
                .isEqualTo("paused");
        List<String> frames = listen("?outlet_id=1");
        await().atMost(PATIENCE).until(() -> !frames.isEmpty());
        assertThat(Json.MAPPER.readTree(frames.get(0)).path("data").path("status").asText()).isEqualTo("paused");
    }

    @Test
    void aScreenJoiningAnOpenKitchenHearsNothingFirst() throws Exception {
        List<String> frames = listen("?outlet_id=1");
        WebSocket socket = sockets.get(0);
        socket.sendText("{\"type\": \"ping\", \"timestamp\": 5}", true).join();

        await().atMost(PATIENCE).until(() -> !frames.isEmpty());
        assertThat(Json.MAPPER.readTree(frames.get(0)).path("type").asText()).isEqualTo("pong");
    }

    @Test
    void onlyTheOutletsTokenSwitchesTheKitchen() throws Exception {
        assertThat(put("{\"outlet_id\": 1, \"status\": \"paused\"}", null).statusCode()).isEqualTo(401);
        assertThat(put("{\"outlet_id\": 1, \"status\": \"paused\"}", "guess").statusCode()).isEqualTo(401);

        assertThat(Json.MAPPER.readTree(get("/api/kitchen-status?outlet_id=1").body()).path("status").asText())
                .isEqualTo("open");
    }

    @Test
    void badSwitchesAreRefusedWithWhatIsWrongAndChangeNothing() throws Exception {
        assertRefused("{\"outlet_id\": 1, \"status\": \"on fire\"}", "\\\"on fire\\\" is not one of open, busy, paused");
        assertRefused("{\"outlet_id\": 1}", "status is missing");
        assertRefused("{\"status\": \"busy\"}", "needs outlet_id");
        assertRefused("{\"outlet_id\": 7, \"status\": \"busy\"}", "outlet 7 is not served here");
        assertRefused("{\"outlet_id\": 1, \"status\": \"busy\", \"wait_minutes\": 0}", "wait_minutes 0 is not 1 to 240");
        assertRefused("{\"outlet_id\": 1, \"status\": \"busy\", \"wait_minutes\": \"soon\"}", "must be a whole number");
        assertRefused("{\"outlet_id\": 1, \"status\": \"busy\", \"changed_at\": \"noon\"}", "ISO 8601");
        assertRefused("not json", "not valid JSON");
        assertThat(get("/api/kitchen-status").statusCode()).isEqualTo(400);

        assertThat(Json.MAPPER.readTree(get("/api/kitchen-status?outlet_id=1").body()).path("status").asText())
                .isEqualTo("open");
    }

    @Test
    void aRetryOfAnOlderSettingDoesNotUndoANewerOne() throws Exception {
        put("{\"outlet_id\": 1, \"status\": \"paused\", \"changed_at\": \"2026-05-04T12:05:00Z\"}", TOKEN);

        HttpResponse<String> late = put("{\"outlet_id\": 1, \"status\": \"busy\", \"wait_minutes\": 10, "
                + "\"changed_at\": \"2026-05-04T12:00:00Z\"}", TOKEN);

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(late.body()).path("status").asText()).isEqualTo("paused");
        assertThat(Json.MAPPER.readTree(get("/api/kitchen-status?outlet_id=1").body()).path("status").asText())
                .isEqualTo("paused");
    }

    @Test
    void closedFromAnotherServersHabitIsKeptAsPaused() throws Exception {
        put("{\"outlet_id\": 1, \"status\": \"closed\"}", TOKEN);

        assertThat(Json.MAPPER.readTree(get("/api/kitchen-status?outlet_id=1").body()).path("status").asText())
                .isEqualTo("paused");
    }

    private void assertRefused(String body, String why) throws Exception {
        HttpResponse<String> answer = put(body, TOKEN);
        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        assertThat(answer.body()).as(body).contains(why);
    }

    private List<String> listen(String query) {
        List<String> frames = new CopyOnWriteArrayList<>();
        sockets.add(http.newWebSocketBuilder().header("Authorization", "Token " + TOKEN)
                .buildAsync(URI.create(server.socketUri() + query), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).join());
        return frames;
    }

    private HttpResponse<String> put(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/kitchen-status"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
