package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.store.TerminalReportCodec;
import id.outletkiosk.testing.PrometheusText;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.StoreServerFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} of a real store server after a small day: kiosk orders, one from central, polls of
 * every outcome, a socket, two terminals reporting. The body is read by Prometheus' own checker (promtool)
 * and by a strict parser, and every counter moved by exactly what the test did.
 */
class MetricsRoutesTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** Each client address gets 10 requests (a burst of twice 5 a second); the test's clock never refills it. */
    private static final int REQUESTS_PER_SECOND = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private final SteppingClock clock = SteppingClock.atNoonInJakarta();
    private final List<String> frames = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final StoreServerFixture fixture = new StoreServerFixture(clock, 100);
    private StoreServerOrders store;
    private StoreServer server;
    private WebSocket socket;

    @BeforeEach
    void start() {
        store = fixture.store();
        server = fixture.start(StoreServer.Options.loopback()
                .withLimits(REQUESTS_PER_SECOND, 10, Duration.ofMinutes(2)));
    }

    @AfterEach
    void stop() {
        if (socket != null) {
            socket.abort();
        }
    }

    @Test
    void aStoresDayIsCountedExactlyAndPrometheusReadsIt() throws Exception {
        listen();
        assertThat(post("/api/orders", StoreServerTest.order("k-1")).statusCode()).isEqualTo(201);
        assertThat(post("/api/orders", StoreServerTest.order("k-2")).statusCode()).isEqualTo(201);
        assertThat(post("/api/orders", StoreServerTest.order("k-1")).statusCode()).as("a replay is no new order")
                .isEqualTo(200);
        server.recordFromCentral(new Order(501L, null, null, "ORD-501", 1, OrderStatus.PENDING,
                List.of(new OrderItem(12, null, 1, null, null)), null, Instant.now(clock), null, null, null));
        assertThat(post(TerminalHealthRoutes.PATH, report("K1", "kiosk", "online", List.of())).statusCode())
                .isEqualTo(204);
        assertThat(post(TerminalHealthRoutes.PATH, report("D1", "kitchen", "polling", List.of("MENU_OUTDATED")))
                .statusCode()).isEqualTo(204);
        await().atMost(5, TimeUnit.SECONDS).until(() -> frames.size() == 3); // new_order k-1, k-2, ORD-501

        assertThat(get("/api/orders?outlet_id=1").body()).contains("k-1", "k-2", "ORD-501"); // 3 served
        assertThat(get("/api/orders?outlet_id=1&since_id=3").body()).isEqualTo("[]");
        assertThat(get("/api/orders").statusCode()).isEqualTo(400);
        int refused = 0;
        for (int poll = 0; poll < 5; poll++) { // 8 requests made above of 10: 2 more pass, 3 are refused
            refused += get("/api/orders?outlet_id=1&since_id=3").statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(3);
        clock.advance(Duration.ofSeconds(90));

        HttpResponse<String> metrics = get(MetricsRoutes.PATH);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        PrometheusText text = PrometheusText.parse(metrics.body());

        assertThat(counter(text, "outletkiosk_orders_received_total", Map.of("origin", "kiosk"))).isEqualTo(2);
        assertThat(counter(text, "outletkiosk_orders_received_total", Map.of("origin", "central"))).isEqualTo(1);
        assertThat(counter(text, "outletkiosk_orders_served_total", Map.of("via", "poll"))).isEqualTo(3);
        assertThat(counter(text, "outletkiosk_orders_served_total", Map.of("via", "socket"))).isEqualTo(3);
        assertThat(counter(text, "outletkiosk_socket_frames_total", Map.of("type", "new_order", "outcome", "sent")))
                .isEqualTo(3);
        assertThat(counter(text, "outletkiosk_polls_total", Map.of("outcome", "answered"))).isEqualTo(1);
        assertThat(counter(text, "outletkiosk_polls_total", Map.of("outcome", "caught_up"))).isEqualTo(3);
        assertThat(counter(text, "outletkiosk_polls_total", Map.of("outcome", "bad_request"))).isEqualTo(1);
        assertThat(counter(text, "outletkiosk_polls_total", Map.of("outcome", "rate_limited"))).isEqualTo(3);
        assertThat(counter(text, "outletkiosk_http_request_duration_seconds_count",
                Map.of("method", "GET", "route", "/api/orders"))).isEqualTo(8);
        assertThat(counter(text, "outletkiosk_http_request_duration_seconds_count",
                Map.of("method", "POST", "route", "/api/orders"))).isEqualTo(3);
        assertThat(counter(text, "outletkiosk_open_sockets", Map.of())).isEqualTo(1);
        assertThat(counter(text, "outletkiosk_database_size_bytes", Map.of()))
                .isEqualTo(Files.size(fixture.folder().resolve("local.db")) + walBytes());

        assertThat(counter(text, "outletkiosk_terminals", Map.of("role", "kiosk", "transport", "online"))).isEqualTo(1);
        assertThat(counter(text, "outletkiosk_terminals", Map.of("role", "kitchen", "transport", "polling")))
                .isEqualTo(1);
        assertThat(counter(text, "outletkiosk_terminals", Map.of("role", "kiosk", "transport", "offline"))).isZero();
        assertThat(counter(text, "outletkiosk_terminal_orders_waiting", Map.of("terminal", "K1", "role", "kiosk")))
                .isEqualTo(2);
        assertThat(counter(text, "outletkiosk_terminal_menu_age_seconds", Map.of("terminal", "D1", "role", "kitchen")))
                .isEqualTo(90 + 600);
        assertThat(counter(text, "outletkiosk_terminal_report_age_seconds", Map.of("terminal", "K1", "role", "kiosk")))
                .isEqualTo(90);
        assertThat(text.matching("outletkiosk_terminal_alerts", Map.of("terminal", "D1")))
                .extracting(sample -> sample.labels().get("alert")).containsExactly("MENU_OUTDATED");

        assertThat(text.types()).allSatisfy((family, type) -> assertThat(family).startsWith("outletkiosk_"));
        assertThat(text.types()).allSatisfy((family, type) -> assertThat(family)
                .matches(type.equals("counter") ? ".*_total" : ".*"));
        assertPromtoolAccepts(metrics.body());
    }

    @Test
    void terminalsSilentForADayAreNoLongerExported() throws Exception {
        post(TerminalHealthRoutes.PATH, report("K1", "kiosk", "online", List.of()));
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        PrometheusText text = PrometheusText.parse(get(MetricsRoutes.PATH).body());

        assertThat(text.matching("outletkiosk_terminal_info", Map.of())).isEmpty();
        assertThat(counter(text, "outletkiosk_terminals", Map.of("role", "kiosk", "transport", "online"))).isZero();
    }

    private static double counter(PrometheusText text, String name, Map<String, String> labels) {
        return text.value(name, labels).orElseThrow(() -> new AssertionError("no sample " + name + labels));
    }

    private long walBytes() throws IOException {
        Path wal = fixture.folder().resolve("local.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    /** Prometheus' own reader and linter: names, units, {@code _total}, HELP and TYPE lines. */
    private static void assertPromtoolAccepts(String exposition) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "promtool is missing: apt-get install -y prometheus (CI's .ci/run installs it)");
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true)
                .start();
        try (var stdin = promtool.getOutputStream()) {
            stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool check metrics said: %s", said).isZero();
    }

    private void listen() {
        socket = StoreServerTest.listen(http.newWebSocketBuilder(), URI.create(server.socketUri() + "?outlet_id=1"),
                frames);
        await().atMost(5, TimeUnit.SECONDS).until(() -> server.meters().figures().openSockets() == 1);
    }

    /** A terminal's report, its menu refreshed ten minutes before the test's noon; two orders wait on it. */
    private String report(String terminal, String role, String transport, List<String> alerts) {
        Instant now = clock.instant();
        return TerminalReportCodec.encode(new TerminalReport(terminal, role, "1.4.0", transport,
                now.minusSeconds(60), 42, now.minusSeconds(600), 2, 0, alerts, null), 1).toString();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
