package id.outletkiosk.server;

import id.outletkiosk.testing.SteppingClock;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.wire.Json;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.testing.StoreServerFixture;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outlet's store server speaks PROTOCOL 3 exactly, keeps its orders through restarts, refuses bad writes. */
class StoreServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final StoreServerFixture fixture = new StoreServerFixture(Clock.systemUTC(), 3);
    private StoreServerOrders store;
    private StoreServer server;

    @BeforeEach
    void start() {
        store = fixture.store();
        server = fixture.start(StoreServer.Options.loopback().withToken("outlet-secret"));
    }

    private HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        return send("POST", "/api/orders", body, token);
    }

    private HttpResponse<String> patch(String path, String body, String token) throws IOException, InterruptedException {
        return send("PATCH", path, body, token);
    }

    private HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKitchenBumpsAnOrderForwardOnlyWithTheTokenAndTheSocketsHearIt() throws Exception {
        long id = Json.MAPPER.readTree(post(order("k-1"), "outlet-secret").body()).get("id").asLong();
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket socket = listen(server.socketUri(), frames);

        assertThat(patch("/api/orders/" + id, "{\"status\": \"preparing\"}", null).statusCode()).isEqualTo(401);
        HttpResponse<String> bumped = patch("/api/orders/" + id, "{\"status\": \"preparing\"}", "outlet-secret");
        assertThat(bumped.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(bumped.body()).get("status").asText()).isEqualTo("preparing");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.stream()
                .anyMatch(frame -> frame.contains("order_updated") && frame.contains("preparing")));

        HttpResponse<String> back = patch("/api/orders/" + id, "{\"status\": \"pending\"}", "outlet-secret");
        assertThat(back.statusCode()).isEqualTo(409);
        assertThat(back.body()).contains("cannot go back to pending");
        assertThat(patch("/api/orders/" + id, "{\"status\": \"eaten\"}", "outlet-secret").statusCode())
                .isEqualTo(400);
        assertThat(patch("/api/orders/999", "{\"status\": \"ready\"}", "outlet-secret").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/orders?outlet_id=1").body()).contains("\"status\":\"preparing\"");
        socket.abort();
    }

    /** A WebSocket client that keeps every text frame it receives. */
    private WebSocket listen(URI uri, List<String> frames) {
        return listen(http.newWebSocketBuilder().header("Authorization", "Token outlet-secret"), uri, frames);
    }

    /** A socket that keeps every text frame it hears in {@code frames}. */
    static WebSocket listen(WebSocket.Builder builder, URI uri, List<String> frames) {
        return builder.buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                frames.add(data.toString());
                webSocket.request(1);
                return null;
            }
        }).join();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A kiosk's order body, as POST /api/orders takes it. */
    static String order(String clientOrderId) {
        return "{\"outlet_id\": 1, \"client_order_id\": \"" + clientOrderId + "\", \"customer_name\": \"Budi\", "
                + "\"items\": [{\"product\": 12, \"quantity\": 2, \"price\": \"15000\", \"notes\": \"tidak pedas\"}]}";
    }

    @Test
    void ordersPostedAreListedSinceAnIdAsABareArrayOldestFirst() throws Exception {
        HttpResponse<String> first = post(order("k-1"), "outlet-secret");
        post(order("k-2"), "outlet-secret");
        post(order("k-3"), "outlet-secret");

        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode created = Json.MAPPER.readTree(first.body());
        assertThat(created.get("id").asLong()).isPositive();
        assertThat(created.get("total_amount").asText()).isEqualTo("30000");
        JsonNode since = Json.MAPPER.readTree(get("/api/orders?outlet_id=1&since_id=" + created.get("id")).body());
        assertThat(since.isArray()).isTrue();
        assertThat(since).extracting(n -> n.get("client_order_id").asText()).containsExactly("k-2", "k-3");
        assertThat(Json.MAPPER.readTree(get("/api/orders?outlet_id=1").body())).hasSize(3);
        assertThat(Json.MAPPER.readTree(get("/api/orders?outlet_id=2").body())).isEmpty();
    }

    @Test
    void postingTheSameClientOrderIdAgainCreatesNothing() throws Exception {
        JsonNode first = Json.MAPPER.readTree(post(order("k-1"), "outlet-secret").body());
        HttpResponse<String> again = post(order("k-1"), "outlet-secret");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(again.body()).get("id")).isEqualTo(first.get("id"));
        assertThat(Json.MAPPER.readTree(get("/api/orders?outlet_id=1").body())).hasSize(1);
    }

    @Test
    void ordersSurviveARestart() throws Exception {
        post(order("k-1"), "outlet-secret");
        int port = server.port();
        server = fixture.restart(StoreServer.Options.loopback().withPort(port));

        JsonNode orders = Json.MAPPER.readTree(get("/api/orders?outlet_id=1").body());
        assertThat(orders).singleElement().satisfies(o -> assertThat(o.get("client_order_id").asText()).isEqualTo("k-1"));
    }

    @Test
    void keepsEveryOpenOrderAndOnlyTheLatestClosedOnes() throws Exception {
        for (int i = 1; i <= 6; i++) {
            JsonNode created = Json.MAPPER.readTree(post(order("k-" + i), "outlet-secret").body());
            if (i <= 5) {
                var known = store.byLocalId(created.get("id").asLong());
                store.save(known.withStatus(OrderStatus.COMPLETED));
            }
        }
        JsonNode orders = Json.MAPPER.readTree(get("/api/orders?outlet_id=1").body());
        assertThat(orders).extracting(o -> o.get("client_order_id").asText()).containsExactly("k-3", "k-4", "k-5",
                "k-6");
    }

    @Test
    void badRequestsAreRefusedWithAReasonAndStoreNothing() throws Exception {
        assertRefused(post(order("k-1"), null), 401, "token");
        assertRefused(post(order("k-1"), "wrong"), 401, "token");
        assertRefused(post("{\"outlet_id\": 1, \"items\": []}", "outlet-secret"), 400, "has no items");
        assertRefused(post("{\"items\": [{\"product\": 1}]}", "outlet-secret"), 400, "has no outlet_id");
        assertRefused(post("{\"outlet_id\": 1, \"items\": [{\"product\": 1, \"quantity\": 0}]}", "outlet-secret"), 400,
                "quantity must be 1 to 999");
        assertRefused(post("not json", "outlet-secret"), 400, "not valid JSON");
        assertRefused(post(order("k-1").replace("tidak pedas", "x".repeat(70_000)), "outlet-secret"), 413, "");
        assertRefused(get("/api/orders"), 400, "outlet_id is required");
        assertRefused(get("/api/orders?outlet_id=abc"), 400, "outlet_id must be a whole number");
        assertThat(store.since(1, 0)).isEmpty();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(reason);
    }

    @Test
    void socketPushesNewOrdersAndAnswersPings() throws Exception {
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket socket = listen(URI.create(server.socketUri() + "?outlet_id=1"), frames);
        socket.sendText("{\"type\": \"ping\", \"timestamp\": 1704969000000}", true).join();
        post(order("k-9"), "outlet-secret");

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 2);
        assertThat(frames).anySatisfy(f -> assertThat(f).isEqualTo("{\"type\":\"pong\",\"timestamp\":1704969000000}"));
        assertThat(frames).anySatisfy(f -> assertThat(f).contains("\"type\":\"new_order\"").contains("k-9"));
        socket.abort();
    }

    @Test
    void twoRowsOfOneOrderAreMergedOnceSomethingLinksThem() {
        var item = java.util.List.of(new OrderItem(1, null, 1, null, null));
        var kioskCopy = store.save(new Order(null, null, "k-1", null, 1, OrderStatus.PENDING, item,
                null, null, null, null, null)).order();
        store.save(new Order(77L, null, null, "ORD-77", 1, OrderStatus.PREPARING, item, null, null,
                null, null, null)); // a frame alone: no client order id
        assertThat(store.since(1, 0)).hasSize(2);

        store.save(new Order(77L, null, "k-1", "ORD-77", 1, OrderStatus.PREPARING, item, null,
                null, null, null, null));

        assertThat(store.since(1, 0)).singleElement().satisfies(order -> {
            assertThat(order.localId()).isEqualTo(kioskCopy.localId());
            assertThat(order.centralId()).isEqualTo(77L);
            assertThat(order.clientOrderId()).isEqualTo("k-1");
            assertThat(order.status()).isEqualTo(OrderStatus.PREPARING);
        });
    }

    @Test
    void writesAndSocketsWithoutTheOutletTokenAreRefused() throws Exception {
        HttpResponse<String> noToken = post(order("k-no-token"), null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).contains("writes need the outlet's token");
        assertThat(post(order("k-wrong"), "guess").statusCode()).isEqualTo(401);

        var refused = closeOf(server.socketUri());
        assertThat(refused.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("4003 the outlet token is required");
        // with the token in the query (clients that cannot set headers), it stays open
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket socket = listen(http.newWebSocketBuilder(), URI.create(server.socketUri() + "?token=outlet-secret"),
                frames);
        post(order("k-with-token"), "outlet-secret");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.stream().anyMatch(f -> f.contains("k-with-token")));
        socket.abort();
    }

    @Test
    void absurdOrdersAreRefusedWithTheReason() throws Exception {
        String unknownOutlet = order("k-outlet").replace("\"outlet_id\": 1", "\"outlet_id\": 7");
        assertRefused(post(unknownOutlet, "outlet-secret"), 400, "order is for outlet 7, not served here");
        assertRefused(post(order("k-qty").replace("\"quantity\": 2", "\"quantity\": 150"), "outlet-secret"), 400,
                "asks for 150 of product 12: quantities are 1 to 99");
        assertRefused(post(order("k-lots").replace("\"quantity\": 2", "\"quantity\": 5000"), "outlet-secret"), 400,
                "quantity must be 1 to 999, got 5000");
        assertRefused(post(order("k-zero").replace("\"quantity\": 2", "\"quantity\": 0"), "outlet-secret"), 400,
                "quantity must be 1 to 999, got 0");
        String longNotes = order("k-notes").replace("tidak pedas", "x".repeat(201));
        assertRefused(post(longNotes, "outlet-secret"), 400, "notes of 201 characters");
        String huge = order("k-huge").replace("tidak pedas", "x".repeat(70_000));
        assertThat(post(huge, "outlet-secret").statusCode()).isEqualTo(413);
        assertThat(Json.MAPPER.readTree(get("/api/orders?outlet_id=1").body())).isEmpty();
    }

    @Test
    void aClientThatFloodsTheServerIsSlowedTo429_andOthersAreNot() throws Exception {
        SteppingClock clock = SteppingClock.atNoonInJakarta(); // time stands still: the counts are exact on any machine
        server = fixture.start(StoreServer.Options.loopback().withToken("outlet-secret")
                .withLimits(5, 200, Duration.ofMinutes(2)), clock);
        assertThat(statusesOf(30)).as("a burst of 10, then nothing until time passes")
                .containsExactlyElementsOf(java.util.Collections.nCopies(10, 200)).hasSize(10);
        HttpResponse<String> slowed = get("/api/orders?outlet_id=1");
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).contains("1");
        assertThat(slowed.body()).contains("too many requests from 127.0.0.1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(statusesOf(10)).as("5 a second").hasSize(5);
    }

    @Test
    void socketsBeyondTheCapAreTurnedAway() throws Exception {
        server = fixture.start(StoreServer.Options.loopback().withLimits(50, 2, Duration.ofMinutes(2)));
        WebSocket first = listenOpen(server.socketUri());
        WebSocket second = listenOpen(server.socketUri());
        var refused = closeOf(server.socketUri());
        assertThat(refused.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("1013 too many sockets, try again later");
        first.abort();
        second.abort();
    }

    @Test
    void aSilentSocketIsClosedAfterTheIdleTimeout() throws Exception {
        server = fixture.start(StoreServer.Options.loopback().withLimits(50, 10, Duration.ofMillis(500)));
        assertThat(closeOf(server.socketUri()).get(5, java.util.concurrent.TimeUnit.SECONDS)).startsWith("1001 ");
    }

    /** Opens a socket without a token and completes with how the server closed it: "code reason". */
    private java.util.concurrent.CompletableFuture<String> closeOf(URI uri) {
        var closed = new java.util.concurrent.CompletableFuture<String>();
        http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
            }
        }).join();
        return closed;
    }

    private WebSocket listenOpen(URI uri) {
        return http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
        }).join();
    }

    /** Makes {@code count} reads and keeps the statuses of those the server answered (not refused with 429). */
    private List<Integer> statusesOf(int count) throws Exception {
        List<Integer> answered = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int status = get("/api/orders?outlet_id=1").statusCode();
            if (status != 429) {
                answered.add(status);
            }
        }
        return answered;
    }

    @Test
    void aStationsDishesDoneLiveWithTheOrderReachTheSocketsAndSurviveARestart() throws Exception {
        String mixed = "{\"outlet_id\": 1, \"client_order_id\": \"k-9\", \"items\": [{\"product\": 1, \"quantity\": 1},"
                + " {\"product\": 37, \"quantity\": 2}, {\"product\": 36, \"quantity\": 1}]}";
        long id = Json.MAPPER.readTree(post(mixed, "outlet-secret").body()).get("id").asLong();
        assertThat(get("/api/orders?outlet_id=1").body()).contains("\"dishes_done\":[]");
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket socket = listen(server.socketUri(), frames);

        String bar = "{\"outlet_id\": 1, \"client_order_id\": \"k-9\", \"lines\": [1], \"done\": true}";
        assertThat(send("POST", "/api/orders/dishes", bar, null).statusCode()).isEqualTo(401);
        HttpResponse<String> tapped = send("POST", "/api/orders/dishes", bar, "outlet-secret");
        assertThat(tapped.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(tapped.body()).get("dishes_done").toString()).isEqualTo("[1]");
        String kitchen = "{\"outlet_id\": 1, \"id\": " + id + ", \"lines\": [2, 0], \"done\": true}";
        assertThat(Json.MAPPER.readTree(send("POST", "/api/orders/dishes", kitchen, "outlet-secret").body())
                .get("dishes_done").toString()).isEqualTo("[0,1,2]");
        String takenBack = "{\"outlet_id\": 1, \"id\": " + id + ", \"lines\": [2], \"done\": false}";
        send("POST", "/api/orders/dishes", takenBack, "outlet-secret");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.stream()
                .anyMatch(frame -> frame.contains("order_updated") && frame.contains("\"dishes_done\":[0,1]")));
        socket.abort();

        server = fixture.restart(StoreServer.Options.loopback().withToken("outlet-secret"));
        store = fixture.store();
        assertThat(store.byLocalId(id).dishesDone().lines()).containsExactly(0, 1);
        assertThat(get("/api/orders?outlet_id=1").body()).contains("\"dishes_done\":[0,1]");
    }

    @Test
    void dishesForAnOrderItDoesNotKnowOrWithoutLinesAreRefusedWithTheReason() throws Exception {
        post(order("k-1"), "outlet-secret");
        HttpResponse<String> unknown = send("POST", "/api/orders/dishes",
                "{\"outlet_id\": 1, \"central_id\": 404, \"lines\": [0], \"done\": true}", "outlet-secret");
        assertThat(unknown.statusCode()).isEqualTo(404);
        for (String bad : List.of("{\"outlet_id\": 1, \"lines\": [0], \"done\": true}",
                "{\"client_order_id\": \"k-1\", \"lines\": [], \"done\": true}",
                "{\"client_order_id\": \"k-1\", \"lines\": [\"first\"], \"done\": true}",
                "{\"client_order_id\": \"k-1\", \"lines\": [0], \"done\": \"yes\"}", "[]")) {
            HttpResponse<String> refused = send("POST", "/api/orders/dishes", bad, "outlet-secret");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(refused.body()).get("error").asText()).as(bad).isNotBlank();
        }
    }

    @Test
    void stationsSayWhatTheyCookAndTheExpoReadsThem() throws Exception {
        assertThat(send("PUT", "/api/stations", "{\"outlet_id\": 1, \"name\": \"Bar\", \"categories\": [7]}",
                "outlet-secret").statusCode()).isEqualTo(204);
        send("PUT", "/api/stations", "{\"outlet_id\": 1, \"name\": \"Dapur\", \"categories\": [1, 2]}", "outlet-secret");
        send("PUT", "/api/stations", "{\"outlet_id\": 1, \"name\": \"Bar\", \"categories\": [7, 8]}", "outlet-secret");
        assertThat(send("PUT", "/api/stations", "{\"outlet_id\": 1, \"name\": \"Bar\", \"categories\": [\"x\"]}",
                "outlet-secret").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/stations", "{\"outlet_id\": 9, \"name\": \"Bar\", \"categories\": []}",
                "outlet-secret").statusCode()).isEqualTo(400);

        assertThat(Json.MAPPER.readTree(get("/api/stations?outlet_id=1").body()).toString())
                .isEqualTo("[{\"name\":\"Bar\",\"categories\":[7,8]},{\"name\":\"Dapur\",\"categories\":[1,2]}]");
    }
}
