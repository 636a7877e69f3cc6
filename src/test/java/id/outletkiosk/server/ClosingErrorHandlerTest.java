package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.testing.StoreServerFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request Jetty refuses before any route sees it is answered with {@code Connection: close}, because Jetty
 * closes the connection after it: a keep-alive client must not send its next request into that socket. A
 * route's own refusal keeps the connection. Spoken over a raw socket, so that nothing hides the header.
 */
class ClosingErrorHandlerTest {
    @RegisterExtension
    final StoreServerFixture fixture = new StoreServerFixture(Clock.systemUTC(), 100);

    @Test
    void aPathWithAnEncodedNulIsRefusedAndTheCloseIsAnnounced_aRoutesOwnRefusalKeepsTheConnection() throws Exception {
        StoreServer server = fixture.start(StoreServer.Options.loopback().withToken("secret"));

        assertThat(responseHead(server.port(), "PATCH /api/orders/%00 HTTP/1.1"))
                .contains("HTTP/1.1 400 Bad Request").anyMatch(line -> line.equalsIgnoreCase("Connection: close"));
        assertThat(responseHead(server.port(), "PATCH /api/orders/7 HTTP/1.1")) // no token: the route refuses it
                .contains("HTTP/1.1 401 Unauthorized").noneMatch(line -> line.toLowerCase().startsWith("connection:"));
    }

    @Test
    void theReferenceBackendAnnouncesTheCloseToo() throws Exception {
        try (ReferenceBackend backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), Clock.systemUTC())) {
            assertThat(responseHead(backend.port(), "GET /api/%00 HTTP/1.1"))
                    .contains("HTTP/1.1 400 Bad Request").anyMatch(line -> line.equalsIgnoreCase("Connection: close"));
        }
    }

    /** Sends {@code requestLine} with an empty body and reads the answer's status line and headers. */
    private static List<String> responseHead(int port, String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }
}
