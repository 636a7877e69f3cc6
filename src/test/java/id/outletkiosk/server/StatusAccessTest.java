package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.security.AddressRange;
import id.outletkiosk.testing.StoreServerFixture;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may read the store status page and the metrics: the manager's phone on the store Wi-Fi without a
 * token, a head-office scraper from outside only with the outlet's token, and nobody by writing a header.
 */
class StatusAccessTest {
    private static final String TOKEN = "outlet-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final StoreServerFixture fixture = new StoreServerFixture(Clock.systemUTC(), 3);
    private StoreServer server;

    @Test
    void theStoreLanReadsWithoutATokenAndTheRestOnlyWithIt() throws Exception {
        StatusAccess access = new StatusAccess(AddressRange.STORE_LAN, new OutletToken(TOKEN));

        for (String inside : List.of("127.0.0.1", "::1", "10.20.30.40", "172.16.0.9", "172.31.255.1", "192.168.1.23",
                "fd12:3456::7", "fe80::1", "::ffff:192.168.1.23")) {
            assertThat(access.mayRead(address(inside), null)).as(inside).isTrue();
        }
        for (String outside : List.of("203.0.113.7", "172.32.0.1", "8.8.8.8", "2001:db8::1", "::ffff:8.8.8.8")) {
            assertThat(access.mayRead(address(outside), null)).as(outside + " without the token").isFalse();
            assertThat(access.mayRead(address(outside), "Token wrong")).as(outside + " with a wrong token").isFalse();
            assertThat(access.mayRead(address(outside), "Bearer " + TOKEN)).as(outside + " as Bearer").isFalse();
            assertThat(access.mayRead(address(outside), "Token " + TOKEN)).as(outside + " with the token").isTrue();
        }
    }

    @Test
    void aServerWithoutATokenOpensItsStatusToTheAllowedRangesOnly() throws Exception {
        StatusAccess access = new StatusAccess(AddressRange.STORE_LAN, new OutletToken(null));

        assertThat(access.mayRead(address("192.168.1.23"), null)).isTrue();
        assertThat(access.mayRead(address("203.0.113.7"), null)).isFalse();
        assertThat(access.mayRead(address("203.0.113.7"), "Token ")).as("an empty token").isFalse();
        assertThat(access.mayRead(address("203.0.113.7"), "Token null")).isFalse();
    }

    @Test
    void allowingNobodyLeavesOnlyTheToken() throws Exception {
        StatusAccess access = new StatusAccess(AddressRange.parseList("none"), new OutletToken(TOKEN));

        assertThat(access.mayRead(address("127.0.0.1"), null)).isFalse();
        assertThat(access.mayRead(address("127.0.0.1"), "Token " + TOKEN)).isTrue();
    }

    @Test
    void theSettingReadsRangesAndRefusesNonsenseInWords() {
        var loader = new SettingsLoader(fixture.folder());

        assertThat(loader.load(Map.of(), Map.of()).statusAllow()).isEqualTo(AddressRange.STORE_LAN);
        assertThat(loader.load(Map.of(), Map.of()).display(Setting.STATUS_ALLOW))
                .isEqualTo("127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7,fe80::/10");
        assertThat(loader.load(Map.of(Setting.STATUS_ALLOW, "192.168.5.0/24, 2001:db8::/32 ,10.1.2.3"), Map.of())
                .statusAllow()).extracting(AddressRange::toString)
                .containsExactly("192.168.5.0/24", "2001:db8::/32", "10.1.2.3");

        Map<String, String> refusals = Map.of(
                "192.168.0.0/33", "has \"192.168.0.0/33\" that has a prefix \"/33\" that is not a number from 0 to 32",
                "store.lan/24", "has \"store.lan/24\" that is not an address range like 192.168.0.0/16 or fc00::/7",
                "10.0.0/8", "has \"10.0.0/8\" that is not an address range like 192.168.0.0/16 or fc00::/7",
                "10.0.0.0/8,,::1", "has an empty entry: write ranges separated by commas, or none",
                "300.1.2.3", "has \"300.1.2.3\" that is not an address range like 192.168.0.0/16 or fc00::/7");
        refusals.forEach((bad, problem) -> assertThatThrownBy(
                () -> loader.load(Map.of(Setting.STATUS_ALLOW, bad), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("status-allow: \"" + bad + "\" " + problem + " (from --status-allow)"));
    }

    @Test
    void fromThisPcTheStatusPathsAreOpenWithoutAToken() throws Exception {
        server = fixture.start(StoreServer.Options.loopback().withToken(TOKEN));

        HttpResponse<String> page = get("/status", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).as("no secret on the page").doesNotContain(TOKEN, String.valueOf(server.port()));
        assertThat(get("/metrics", null).statusCode()).isNotEqualTo(403);
    }

    @Test
    void fromOutsideTheRangesTheTokenIsNeededAndAForwardedHeaderChangesNothing() throws Exception {
        // this PC is not in 10.0.0.0/8: from here, the server sees a stranger
        server = fixture.start(StoreServer.Options.loopback().withToken(TOKEN)
                .withStatusAllow(AddressRange.parseList("10.0.0.0/8")));

        for (String path : StatusAccess.GUARDED_PATHS) {
            HttpResponse<String> refused = get(path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).isEqualTo(StatusAccess.REFUSED);
            assertThat(refused.body()).doesNotContain(TOKEN);

            HttpResponse<String> spoofed = send(request(path).header("X-Forwarded-For", "10.1.2.3")
                    .header("X-Real-IP", "10.1.2.3").header("Forwarded", "for=10.1.2.3"));
            assertThat(spoofed.statusCode()).as(path + " claiming to come from the LAN").isEqualTo(403);

            assertThat(get(path, "Token " + TOKEN).statusCode()).as(path + " with the token").isNotEqualTo(403);
        }
        assertThat(get("/api/orders?outlet_id=1", null).statusCode()).as("polls are not guarded").isEqualTo(200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = request(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static InetAddress address(String literal) {
        return StatusAccess.address(literal);
    }
}
