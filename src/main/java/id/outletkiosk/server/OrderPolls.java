package id.outletkiosk.server;

import id.outletkiosk.store.StoreServerOrders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /api/orders} (PROTOCOL 3.1), the route every terminal polls every few seconds, answered at
 * Jetty's door: the whole route lives here (query, rate limit, answer, errors), and other requests go on
 * to Javalin. A poll thus skips Javalin's per-request work (its context, query map, servlet and session
 * scopes, result stream), about a third of a poll's CPU in a profile (BENCHMARKS.md, issue 16). Answers
 * come as bytes from {@link StoreServerOrders#sinceAnswer}; a large one is gzipped for a client that asks,
 * once per answer, as Javalin did.
 *
 * <p>It declares itself non-blocking, so Jetty 12 calls it on the selector thread that read the request: a
 * poll answered from the cached bytes ({@link StoreServerOrders#cachedSinceAnswer}) is parsed, answered and
 * written there, with no hand-off to a pool thread (the unpark was 7-8 % of a poll under Jetty 11). Whatever
 * may block goes to the pool first: a poll whose answer must be read from SQLite, and every request for
 * Javalin, whose servlet reads bodies and commits writes on the calling thread.
 */
final class OrderPolls extends Handler.Wrapper {
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

    /** Non-blocking whatever Javalin is: this handler never blocks the thread that calls it (see above). */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        // Javalin ignores a trailing slash; so does this route
        if (!HttpMethod.GET.is(request.getMethod()) || !(PATH.equals(path) || (PATH + "/").equals(path))) {
            onPool(() -> {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            }, request, response, callback);
            return true;
        }
        long start = System.nanoTime();
        Question question;
        try {
            question = admittedQuestion(request);
        } catch (StoreServer.ApiError refused) {
            refuse(refused, response, callback, start);
            return true;
        }
        StoreServerOrders.PollAnswer cached = store.cachedSinceAnswer(question.outlet, question.since);
        if (cached != null) {
            send(cached, request, response, callback, start);
        } else {
            onPool(() -> answerFromDatabase(question, request, response, callback, start), request, response,
                    callback);
        }
        return true;
    }

    /** Runs {@code work} on the server's pool; what it throws fails the request as a handler's throw would. */
    private void onPool(ThrowingWork work, Request request, Response response, Callback callback) {
        getServer().getThreadPool().execute(() -> {
            try {
                work.run();
            } catch (Throwable failed) {
                Response.writeError(request, response, callback, failed);
            }
        });
    }

    private interface ThrowingWork {
        void run() throws Exception;
    }

    /** The rate limit and the query checked, once per poll; the question it asks. */
    private Question admittedQuestion(Request request) {
        rate.admit(Request.getRemoteAddr(request)); // the socket's peer, as Javalin's ctx.ip()
        return question(request);
    }

    /** A poll whose answer is not in memory, on the pool: {@code question} as {@link #handle} read it. */
    private void answerFromDatabase(Question question, Request request, Response response, Callback callback,
            long start) {
        StoreServerOrders.PollAnswer answer;
        try {
            answer = store.sinceAnswer(question.outlet, question.since);
        } catch (StoreServer.ApiError refused) {
            refuse(refused, response, callback, start);
            return;
        } catch (RuntimeException failed) {
            meters.pollRefused(500, start);
            throw failed;
        }
        send(answer, request, response, callback, start);
    }

    private void send(StoreServerOrders.PollAnswer answer, Request request, Response response, Callback callback,
            long start) {
        byte[] body = answer.json();
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(JSON);
        if (body.length >= GZIP_FROM_BYTES && acceptsGzip(request)) {
            body = gzipped(body);
            headers.put(GZIPPED);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        meters.pollAnswered(answer.orders(), start);
    }

    private void refuse(StoreServer.ApiError refused, Response response, Callback callback, long start) {
        byte[] body = refused.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(refused.status);
        HttpFields.Mutable headers = response.getHeaders();
        if (refused.retryAfterSeconds != null) {
            headers.put(HttpHeader.RETRY_AFTER, refused.retryAfterSeconds);
        }
        headers.put(JSON);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        meters.pollRefused(refused.status, start);
    }

    private record Question(long outlet, long since) {
    }

    private static Question question(Request request) {
        String query = request.getHttpURI().getQuery();
        String outlet = parameter(query, "outlet_id");
        if (outlet == null) {
            throw new StoreServer.ApiError(400, "outlet_id is required");
        }
        String since = parameter(query, "since_id");
        return new Question(StoreServer.parseLong(outlet, "outlet_id"),
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
        String accepted = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
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
