package id.outletkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.outletkiosk.config.Setting;
import id.outletkiosk.testing.RawHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A backend configured over plain HTTP is spoken to over plain HTTP only: the client is built without TLS (so no
 * trust store is loaded at a kiosk's start), and a redirect to https comes back as one clear line, not a crash.
 */
@Timeout(30)
class BackendClientTest {
    private static void answer(java.io.OutputStream out, String status, String headers, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
    }

    private static BackendClient clientOf(RawHttpServer server) {
        return new BackendClient("backend", Setting.TOKEN, server.uri(), "secret", Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20);
    }

    @Test
    void aPlainHttpBackendAnswersJsonAsBefore() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, socket, out) ->
                answer(out, "200 OK", "Content-Type: application/json\r\n", "{\"count\": 0}"));
                BackendClient client = clientOf(server)) {
            BackendClient.FetchedBody body = client.getJson(client.apiUrl("products/"), null);

            assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"count\": 0}");
            assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Token secret");
        }
    }

    @Test
    void aRedirectToHttpsIsNotFollowed_itIsOneClearLineNamingTheStatus() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, socket, out) ->
                answer(out, "301 Moved Permanently", "Location: https://127.0.0.1:9/api/products/\r\n", ""));
                BackendClient client = clientOf(server)) {
            assertThatThrownBy(() -> client.getJson(client.apiUrl("products/"), null))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("backend answered HTTP 301");
            assertThat(server.requests()).hasSize(1);
        }
    }
}
