package id.outletkiosk.server;

import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.wire.Json;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.testing.TestClocks;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reference backend speaks the central contract the way Django and DRF do. */
class ReferenceBackendTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
    private ReferenceBackend backend;

    @BeforeEach
    void start() {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback().withToken("t0k"),
                TestClocks.noonInJakarta());
    }

    @AfterEach
    void stop() {
        backend.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Response call(String method, String path, String body, String token) throws IOException {
        Request.Builder request = new Request.Builder().url(backend.baseUri() + path)
                .method(method, body == null ? null : RequestBody.create(body, JSON));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.newCall(request.build()).execute();
    }

    private JsonNode json(String method, String path, String body) throws IOException {
        try (Response response = call(method, path, body, "t0k")) {
            assertThat(response.code()).as(method + " " + path).isBetween(200, 299);
            return Json.MAPPER.readTree(response.body().string());
        }
    }

    @Test
    void theDemoMenuIsRealistic() throws IOException {
        assertThat(json("GET", "/api/categories/?since_version=0", null).get("results")).hasSizeGreaterThanOrEqualTo(6);
        JsonNode products = json("GET", "/api/products/?since_version=0", null).get("results");
        assertThat(products).hasSizeGreaterThanOrEqualTo(40);
        assertThat(products.get(0).get("price").asText()).isEqualTo("28000.00");
        JsonNode promotions = json("GET", "/api/promotions/?since_version=0", null).get("results");
        assertThat(promotions).hasSize(3);
    }

    @Test
    void everyChangeTakesTheNextValueOfOneGlobalCounter() throws IOException {
        long before = json("GET", "/api/products/?since_version=0", null).get("version").asLong();

        JsonNode changed = json("PATCH", "/admin/api/products/5/", "{\"price\": \"31000\"}");
        JsonNode created = json("POST", "/admin/api/categories/", "{\"name\": \"Baru\", \"sort_order\": 99}");
        try (Response deleted = call("DELETE", "/admin/api/promotions/2/", null, "t0k")) {
            assertThat(deleted.code()).isEqualTo(204);
        }

        assertThat(changed.get("version").asLong()).isEqualTo(before + 1);
        assertThat(changed.get("price").asText()).isEqualTo("31000.00");
        assertThat(created.get("version").asLong()).isEqualTo(before + 2);
        JsonNode since = json("GET", "/api/promotions/?since_version=" + before, null);
        assertThat(since.get("version").asLong()).isEqualTo(before + 3);
        assertThat(since.get("results")).hasSize(1);
        assertThat(since.get("results").get(0).get("is_deleted").asBoolean()).isTrue();
        assertThat(json("GET", "/api/products/?since_version=" + before, null).get("results")).hasSize(1);
    }

    @Test
    void pagesLikeDrfWhenAskedForAPageSize() throws IOException {
        JsonNode first = json("GET", "/api/products/?since_version=0&page_size=20", null);
        assertThat(first.get("count").asInt()).isEqualTo(50);
        assertThat(first.get("results")).hasSize(20);
        assertThat(first.has("version")).isFalse();
        String next = first.get("next").asText();
        assertThat(next).startsWith(backend.baseUri() + "/api/products/?page=2");
        JsonNode last = json("GET", next.substring(backend.baseUri().toString().length()).replace("page=2", "page=3"),
                null);
        assertThat(last.get("results")).hasSize(10);
        assertThat(last.get("next").isNull()).isTrue();
        try (Response beyond = call("GET", "/api/products/?page=9&page_size=20", null, "t0k")) {
            assertThat(beyond.code()).isEqualTo(404);
        }
    }

    @Test
    void refusesMissingOrWrongTokensLikeDrf() throws IOException {
        try (Response none = call("GET", "/api/products/", null, null)) {
            assertThat(none.code()).isEqualTo(401);
            assertThat(none.body().string()).contains("Authentication credentials were not provided.");
        }
        try (Response wrong = call("GET", "/api/products/", null, "nope")) {
            assertThat(wrong.code()).isEqualTo(401);
            assertThat(wrong.body().string()).contains("Invalid token.");
        }
    }

    @Test
    void redirectsAUrlWithoutItsTrailingSlashLikeDjango() throws IOException {
        try (Response response = call("GET", "/api/products?since_version=3", null, "t0k")) {
            assertThat(response.code()).isEqualTo(301);
            assertThat(response.header("Location")).isEqualTo("/api/products/?since_version=3");
        }
    }

    @Test
    void refusesBadAdminInputWithAReason() throws IOException {
        try (Response response = call("PATCH", "/admin/api/products/5/", "{\"price\": \"-1\"}", "t0k")) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("price must not be negative");
        }
        try (Response response = call("GET", "/api/products/?since_version=abc", null, "t0k")) {
            assertThat(response.code()).isEqualTo(400);
        }
        assertThat(backend.repository().live(EntityKind.PRODUCTS, 5)).isPresent();
    }

    @Test
    void ordersAreIdempotentOnTheClientOrderIdAndPricedByTheBackend() throws IOException {
        String body = "{\"outlet\": 1, \"client_order_id\": \"6f1c-uuid\", \"customer_name\": \"Budi\", "
                + "\"items\": [{\"product\": 1, \"quantity\": 2, \"notes\": \"tidak pedas\"}]}";
        JsonNode first;
        try (Response created = call("POST", "/api/public/order-groups/", body, "t0k")) {
            assertThat(created.code()).isEqualTo(201);
            first = Json.MAPPER.readTree(created.body().string());
        }
        try (Response again = call("POST", "/api/public/order-groups/", body, "t0k")) {
            assertThat(again.code()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(again.body().string()).get("id")).isEqualTo(first.get("id"));
        }
        assertThat(first.get("total_amount").asText()).isEqualTo("50400"); // 2 x (28,000 - 10 % lunch promotion)
        assertThat(first.get("status").asText()).isEqualTo("pending");
        assertThat(first.get("order_number").asText()).startsWith("ORD-");
        assertThat(json("GET", "/api/orders/?outlet_id=1&since_id=0", null)).hasSize(1);
        assertThat(json("GET", "/api/orders/?outlet_id=1&since_id=" + first.get("id").asLong(), null)).isEmpty();
    }

    @Test
    void statusFollowsTheFlowAndRefusesToGoBack() throws IOException {
        long id = backend.orders().place(new NewOrder(1, "k", null,
                java.util.List.of(new OrderItem(1, null, 1, null, null)), null)).order().centralId();
        assertThat(json("PATCH", "/api/orders/" + id + "/", "{\"status\": \"ready\"}").get("status").asText())
                .isEqualTo("ready");
        try (Response back = call("PATCH", "/api/orders/" + id + "/", "{\"status\": \"pending\"}", "t0k")) {
            assertThat(back.code()).isEqualTo(400);
            assertThat(back.body().string()).contains("Cannot change status from ready to pending.");
        }
        try (Response unknown = call("POST", "/api/public/order-groups/",
                "{\"outlet\": 1, \"items\": [{\"product\": 999, \"quantity\": 1}]}", "t0k")) {
            assertThat(unknown.code()).isEqualTo(400);
            assertThat(unknown.body().string()).contains("Invalid pk \\\"999\\\"");
        }
    }

    @Test
    void theOutletSocketBroadcastsTheSevenKeysAndAnswersPings() throws Exception {
        java.util.List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
        okhttp3.WebSocket socket = http.newWebSocket(new Request.Builder()
                .url(backend.baseUri().toString().replace("http", "ws") + "/ws/outlet/1/")
                .header("Authorization", "Token t0k").build(), new okhttp3.WebSocketListener() {
                    @Override
                    public void onMessage(okhttp3.WebSocket webSocket, String text) {
                        frames.add(text);
                    }
                });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> backend.openSockets() == 1);
        socket.send("{\"type\": \"ping\", \"timestamp\": 42}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> frames.size() == 1);
        long placedId = backend.orders().place(new NewOrder(1, "k-ws", null,
                java.util.List.of(new OrderItem(2, null, 1, null, null)), null)).order().centralId();
        backend.orders().changeStatus(placedId, OrderStatus.CANCELLED);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> frames.size() == 3);
        assertThat(frames.get(0)).isEqualTo("{\"type\":\"pong\",\"timestamp\":42}");
        JsonNode created = Json.MAPPER.readTree(frames.get(1));
        assertThat(created.get("type").asText()).isEqualTo("new_order");
        java.util.List<String> keys = new java.util.ArrayList<>();
        created.get("data").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "order_number", "outlet_id", "status", "items",
                "total_amount", "created_at");
        assertThat(Json.MAPPER.readTree(frames.get(2)).get("type").asText()).isEqualTo("order_cancelled");
        socket.close(1000, null);
    }
}
