package id.outletkiosk.server;

import id.outletkiosk.store.StoreServerOrders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * {@code GET /api/orders} (PROTOCOL 3.1), the route every terminal polls every few seconds, answered at
 * Jetty's door: the whole route lives here (query, rate limit, answer, errors), and other requests go on
 * to Javalin. A poll thus skips Javalin's per-request work (its context, query map, servlet and session
 * scopes, result stream), about a third of a poll's CPU in a profile (BENCHMARKS.md, issue 16). Answers
 * come as bytes from {@link StoreServerOrders#sinceAnswer}; a large one is gzipped for a client that asks,
 * once per answer, as Javalin did.
 */
final class OrderPolls extends HandlerWrapper {
    private static final String PATH = "/api/orders";
    /** Javalin's own threshold: below it, gzip costs more than it saves. */
    private static final int GZIP_FROM_BYTES = 1500;
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField GZIPPED = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private final StoreServerOrders store;
    private final RequestRate rate;
    private final ServerMeters meters;
    /** Gzipped copies by answer (identity: each cached answer is one array), dropped when answers change. */
    private final Map<byte[], byte[]> gzipped = new ConcurrentHashMap<>();

    OrderPolls(StoreServerOrders store, RequestRate rate, ServerMeters meters) {
        this.store = store;
        this.rate = rate;
        this.meters = meters;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        // Javalin ignores a trailing slash; so does this route
        if (!"GET".equals(base.getMethod()) || !(PATH.equals(target) || (PATH + "/").equals(target))) {
            super.handle(target, base, request, response);
            return;
        }
        base.setHandled(true);
        long start = System.nanoTime();
        byte[] body;
        int orders = 0;
        int status = 200;
        try {
            StoreServerOrders.PollAnswer answer = answer(base);
            body = answer.json();
            orders = answer.orders();
        } catch (StoreServer.ApiError refused) {
            status = refused.status;
            if (refused.retryAfterSeconds != null) {
                response.setHeader("Retry-After", refused.retryAfterSeconds);
            }
            body = refused.body().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException failed) {
            meters.pollRefused(500, start);
            throw failed;
        }
        org.eclipse.jetty.server.Response out = base.getResponse();
        out.setStatus(status);
        out.getHttpFields().put(JSON);
        if (body.length >= GZIP_FROM_BYTES && acceptsGzip(base)) {
            body = gzipped(body);
            out.getHttpFields().put(GZIPPED);
        }
        out.setContentLength(body.length);
        out.getHttpOutput().write(body);
        if (status == 200) {
            meters.pollAnswered(orders, start);
        } else {
            meters.pollRefused(status, start);
        }
    }

    private StoreServerOrders.PollAnswer answer(Request request) {
        rate.admit(request.getRemoteAddr());
        String query = request.getQueryString();
        String outlet = parameter(query, "outlet_id");
        if (outlet == null) {
            throw new StoreServer.ApiError(400, "outlet_id is required");
        }
        String since = parameter(query, "since_id");
        return store.sinceAnswer(StoreServer.parseLong(outlet, "outlet_id"),
                since == null ? 0 : StoreServer.parseLong(since, "since_id"));
    }

    private byte[] gzipped(byte[] answer) {
        if (gzipped.size() > 64) {
            gzipped.clear(); // answers are replaced at every write: the old ones' copies are garbage
        }
        return gzipped.computeIfAbsent(answer, plain -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(plain.length / 4);
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(plain);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("gzip into memory failed", e);
            }
            return bytes.toByteArray();
        });
    }

    private static boolean acceptsGzip(Request request) {
        String accepted = request.getHeader("Accept-Encoding");
        return accepted != null && accepted.contains("gzip");
    }

    /** The first value of {@code name} in the query, decoded; null when absent (as Javalin's queryParam). */
    static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        int at = 0;
        while (at <= query.length()) {
            int end = query.indexOf('&', at);
            if (end < 0) {
                end = query.length();
            }
            int equals = query.indexOf('=', at);
            int nameEnd = equals < 0 || equals > end ? end : equals;
            if (nameEnd - at == name.length() && query.startsWith(name, at)) {
                String value = nameEnd == end ? "" : query.substring(nameEnd + 1, end);
                return value.indexOf('%') < 0 && value.indexOf('+') < 0 ? value : decode(value);
            }
            at = end + 1;
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value; // not a number either way: the caller says so
        }
    }
}
