package id.outletkiosk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An HTTP front on 127.0.0.1 that forwards each GET to a server and lets a test act after the server
 * answered and before the client receives the answer. The client waits for that answer before it asks
 * for the next page, so "the menu changed between page 1 and page 2" happens exactly there, with no timing.
 */
public final class ForwardingProxy implements AutoCloseable {
    /** One forwarded request and the server's answer, as the client received it. */
    public record Exchange(String target, int status, byte[] body) {
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** The first page of a listing: the client's own request, before it follows any {@code next} link. */
        public boolean isFirstPageOf(String path) {
            return path().equals(path) && !target.contains("page=");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final URI target;
    private final HttpClient forwarder = HttpClient.newHttpClient();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final RawHttpServer front;
    private volatile Consumer<Exchange> afterAnswer = exchange -> { };

    public ForwardingProxy(URI target) throws IOException {
        this.target = target;
        this.front = new RawHttpServer(this::forward);
    }

    public URI uri() {
        return front.uri();
    }

    /** Runs on the proxy's thread after each answer came back from the server, before the client gets it. */
    public void afterEachAnswer(Consumer<Exchange> hook) {
        afterAnswer = hook;
    }

    /** Every exchange so far, oldest first. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void forward(RawHttpServer.Request request, Socket socket, OutputStream out)
            throws IOException, InterruptedException {
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(target.resolve(request.target()))
                .method(request.method(), HttpRequest.BodyPublishers.noBody());
        for (String header : List.of("Accept", "Authorization")) {
            String value = request.header(header);
            if (value != null) {
                forwarded.header(header, value);
            }
        }
        HttpResponse<byte[]> answer = forwarder.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        Exchange exchange = new Exchange(request.target(), answer.statusCode(), answer.body());
        exchanges.add(exchange);
        afterAnswer.accept(exchange);
        RawHttpServer.writeAnswer(out, exchange.status(),
                answer.headers().firstValue("Content-Type").orElse("application/json"), exchange.bodyText());
    }

    @Override
    public void close() throws IOException {
        front.close();
    }
}
