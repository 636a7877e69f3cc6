package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.store.TerminalReportCodec;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.StoreServerFixture;
import id.outletkiosk.testing.TestClocks;
import id.outletkiosk.wire.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Terminals tell the store server how they are: kept with the server's time, refused clearly when wrong. */
class TerminalHealthRoutesTest {
    private static final String TOKEN = "outlet-secret";
    private static final Instant LONG_AGO = Instant.EPOCH;

    private final HttpClient http = HttpClient.newHttpClient();
    private final SteppingClock clock = SteppingClock.atNoonInJakarta();
    @RegisterExtension
    final StoreServerFixture fixture = new StoreServerFixture(clock, 3);
    private StoreServerOrders store;
    private StoreServer server;

    @BeforeEach
    void start() {
        store = fixture.store();
        server = fixture.start(StoreServer.Options.loopback().withToken(TOKEN));
    }

    /** A kiosk on the store server's socket with an order waiting for central, as the terminals send it. */
    private static ObjectNode kioskReport() {
        return TerminalReportCodec.encode(new TerminalReport("K2", "kiosk", "1.4.0", "local",
                Instant.parse("2026-11-25T04:50:00Z"), 42, Instant.parse("2026-11-25T04:00:00Z"), 1, 0,
                List.of("CENTRAL_UNREACHABLE", "ORDERS_WAITING"), null), 1);
    }

    @Test
    void aReportIsKeptStampedWithTheStoreServersClockNotTheTerminals() throws Exception {
        clock.advance(Duration.ofSeconds(7));

        HttpResponse<String> answer = post(kioskReport().toString(), TOKEN);

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(store.terminals().reportedSince(LONG_AGO)).containsExactly(new TerminalReport("K2", "kiosk",
                "1.4.0", "local", Instant.parse("2026-11-25T04:50:00Z"), 42, Instant.parse("2026-11-25T04:00:00Z"),
                1, 0, List.of("CENTRAL_UNREACHABLE", "ORDERS_WAITING"), TestClocks.NOON.plusSeconds(7)));
    }

    @Test
    void aTerminalsNextReportReplacesItsLast() throws Exception {
        post(kioskReport().toString(), TOKEN);
        clock.advance(Duration.ofSeconds(15));

        post(kioskReport().put("transport", "polling").put("orders_waiting", 0).toString(), TOKEN);

        assertThat(store.terminals().reportedSince(LONG_AGO)).singleElement().satisfies(report -> {
            assertThat(report.transport()).isEqualTo("polling");
            assertThat(report.ordersWaiting()).isZero();
            assertThat(report.receivedAt()).isEqualTo(TestClocks.NOON.plusSeconds(15));
        });
    }

    @Test
    void aReportWithoutTheOutletsTokenIsRefusedAndNotKept() throws Exception {
        assertThat(post(kioskReport().toString(), null).statusCode()).isEqualTo(401);
        assertThat(post(kioskReport().toString(), "guessed").statusCode()).isEqualTo(401);

        assertThat(store.terminals().reportedSince(LONG_AGO)).isEmpty();
    }

    @Test
    void badReportsAreRefusedWithTheReasonAndNothingIsKept() throws Exception {
        Map<String, String> reasons = Map.ofEntries(
                Map.entry("[1, 2]", "is a list, not an object"),
                Map.entry("{not json", "body is not valid JSON"),
                Map.entry(without("terminal"), "has no terminal"),
                Map.entry(with("terminal", "K".repeat(41)), "terminal has 41 characters, more than 40"),
                Map.entry(with("role", "cashier"), "role \"cashier\" is not kiosk, kitchen, manager or pickup"),
                Map.entry(with("transport", "pigeon"), "transport \"pigeon\" is not online, local, polling or offline"),
                Map.entry(with("transport_since", "yesterday"), "transport_since must be an ISO 8601 time"),
                Map.entry(without("app_version"), "has no app_version"),
                Map.entry(kioskReport().put("menu_version", -1).toString(), "menu_version must not be negative"),
                Map.entry(kioskReport().put("orders_waiting", "many").toString(),
                        "orders_waiting must be a whole number"),
                Map.entry(without("status_changes_waiting"), "has no status_changes_waiting"),
                Map.entry(kioskReport().put("alerts", "menu_outdated").toString(), "alerts must be a list"),
                Map.entry(manyAlerts(21), "has 21 alerts, more than 20"),
                Map.entry(kioskReport().put("outlet_id", 2).toString(), "is for outlet 2, not served here"));

        for (Map.Entry<String, String> bad : reasons.entrySet()) {
            HttpResponse<String> answer = post(bad.getKey(), TOKEN);

            assertThat(answer.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(answer.body()).path("error").asText()).as(bad.getKey())
                    .contains(bad.getValue());
        }
        assertThat(store.terminals().reportedSince(LONG_AGO)).isEmpty();
    }

    @Test
    void anAlertThisServerDoesNotKnowYetIsKeptAsTheTerminalSaidIt() throws Exception {
        ObjectNode report = kioskReport();
        report.putArray("alerts").add("printer_out_of_paper").add("menu_outdated").add("MENU_OUTDATED");

        assertThat(post(report.toString(), TOKEN).statusCode()).isEqualTo(204);

        assertThat(store.terminals().reportedSince(LONG_AGO).get(0).alerts())
                .containsExactly("PRINTER_OUT_OF_PAPER", "MENU_OUTDATED");
    }

    private static String without(String field) {
        ObjectNode report = kioskReport();
        report.remove(field);
        return report.toString();
    }

    private static String with(String field, String value) {
        return kioskReport().put(field, value).toString();
    }

    private static String manyAlerts(int count) {
        ObjectNode report = kioskReport();
        var alerts = report.putArray("alerts");
        for (int index = 0; index < count; index++) {
            alerts.add("alert_" + (char) ('a' + index));
        }
        return report.toString();
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + TerminalHealthRoutes.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
