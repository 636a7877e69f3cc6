package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.testing.StoreServerFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The poll route answered before Javalin ({@link OrderPolls}) answers exactly as the Javalin route did:
 * the same bytes, gzip for a large answer when asked, the query read as Javalin read it.
 */
class OrderPollsTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final StoreServerFixture fixture = new StoreServerFixture(Clock.systemUTC(), 100);
    private StoreServerOrders store;
    private StoreServer server;

    @BeforeEach
    void start() {
        store = fixture.store();
        server = fixture.start(StoreServer.Options.loopback());
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void placeOrders(int count) {
        for (int n = 1; n <= count; n++) {
            store.save(new Order(null, null, "kiosk-" + n, null, 1, OrderStatus.PENDING,
                    List.of(new OrderItem(n, "Nasi goreng " + n, 1, new BigDecimal("25000"), "tidak pedas")),
                    new BigDecimal("25000"), Instant.parse("2026-11-30T11:00:00Z"), "Tamu " + n, null, null));
        }
    }

    @Test
    void aKitchenPollingAfterTheLunchRushGetsTheWholeListGzippedWhenItAsks_andTheSameOrders() throws Exception {
        placeOrders(30);
        HttpResponse<byte[]> plain = get("/api/orders?outlet_id=1", null);
        HttpResponse<byte[]> gzipped = get("/api/orders?outlet_id=1", "gzip, deflate");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).hasSizeGreaterThan(1500);
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(store.sinceJson(1, 0));
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.body()).hasSizeLessThan(plain.body().length);
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void aCaughtUpPollIsAnsweredPlainEvenWhenGzipIsWelcome_itIsTooSmallToGainFromIt() throws Exception {
        placeOrders(3);
        HttpResponse<byte[]> caughtUp = get("/api/orders?outlet_id=1&since_id=3", "gzip");

        assertThat(caughtUp.statusCode()).isEqualTo(200);
        assertThat(caughtUp.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(caughtUp.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void aPollWithATrailingSlashOrEncodedDigitsIsAnsweredLikeAnyOther() throws Exception {
        placeOrders(3);
        String expected = store.sinceJson(1, 1);

        assertThat(new String(get("/api/orders/?outlet_id=1&since_id=1", null).body(), StandardCharsets.UTF_8))
                .isEqualTo(expected);
        assertThat(new String(get("/api/orders?since_id=%31&outlet_id=1", null).body(), StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    @Test
    void theQueryIsReadAsJavalinReadIt_theFirstValueOfAnExactName() {
        assertThat(OrderPolls.parameter("outlet_id=1&since_id=5", "since_id")).isEqualTo("5");
        assertThat(OrderPolls.parameter("since_id=5&since_id=7", "since_id")).isEqualTo("5");
        assertThat(OrderPolls.parameter("xoutlet_id=9&outlet_id=1", "outlet_id")).isEqualTo("1");
        assertThat(OrderPolls.parameter("outlet_id=1&since_id", "since_id")).isEmpty();
        assertThat(OrderPolls.parameter("outlet_id=1&since_id=", "since_id")).isEmpty();
        assertThat(OrderPolls.parameter("outlet_id=1", "since_id")).isNull();
        assertThat(OrderPolls.parameter(null, "since_id")).isNull();
        assertThat(OrderPolls.parameter("note=a+b%20c", "note")).isEqualTo("a b c");
    }

    @Test
    void otherRoutesUnderTheSamePathStillReachJavalin() throws Exception {
        placeOrders(1);
        HttpRequest bump = HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/orders/1"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"preparing\"}")).build();

        assertThat(http.send(bump, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(new String(get("/api/orders?outlet_id=1", null).body(), StandardCharsets.UTF_8))
                .contains("\"status\":\"preparing\"");
    }

    @Test
    void jettyRunsOnTheSmallPoolNotItsDefault200Threads() throws Exception {
        assertThat(server.jettyThreadPool()).isInstanceOf(QueuedThreadPool.class);
        QueuedThreadPool pool = (QueuedThreadPool) server.jettyThreadPool();
        assertThat(pool.getMaxThreads()).isEqualTo(StoreServer.MAX_THREADS);
        placeOrders(1);
        assertThat(get("/api/orders?outlet_id=1", null).statusCode()).isEqualTo(200);
        assertThat(pool.getThreads()).isLessThanOrEqualTo(StoreServer.MAX_THREADS);
    }

    @Test
    void oneSelectorThreadReadsAndAnswersThePolls_theMeasuredChoiceUnderJetty12() throws Exception {
        assertThat(server.selectorThreads()).isEqualTo(StoreServer.SELECTORS).isEqualTo(1);
        placeOrders(1);
        assertThat(get("/api/orders?outlet_id=1", null).statusCode()).isEqualTo(200);
    }

    /**
     * Jetty 12 runs a non-blocking handler on the selector thread that read the request: a poll whose answer
     * is in memory needs no pool thread at all, so it is answered while every one of them is stuck (here on
     * a latch; in a store, behind slow SQLite commits), and a write waits its turn on the pool. The poll
     * comes on the terminal's open connection (kept alive from the first poll): accepting a new connection
     * takes a pool thread in Jetty 12.
     */
    @Test
    void aCachedPollIsAnsweredWhileEveryPoolThreadIsBlocked_aWriteWaitsForAThread() throws Exception {
        placeOrders(3);
        String expected = store.sinceJson(1, 1);
        assertThat(new String(get("/api/orders?outlet_id=1&since_id=1", null).body(), StandardCharsets.UTF_8))
                .isEqualTo(expected); // now in memory, and the connection open
        assertThat(server.invocationType()).isEqualTo(Invocable.InvocationType.NON_BLOCKING);
        QueuedThreadPool pool = (QueuedThreadPool) server.jettyThreadPool();
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int n = 0; n < pool.getMaxThreads(); n++) {
                pool.execute(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.getQueueSize() > 0 && pool.getIdleThreads() == 0);
            HttpRequest poll = HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/orders?outlet_id=1&since_id=1"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> answered = http.send(poll, HttpResponse.BodyHandlers.ofString());
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).isEqualTo(expected);

            HttpRequest bump = HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/orders/1"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(1))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"preparing\"}")).build();
            assertThatThrownBy(() -> http.send(bump, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class);
        } finally {
            release.countDown();
        }
    }
}
