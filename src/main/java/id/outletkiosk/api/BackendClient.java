package id.outletkiosk.api;

import id.outletkiosk.wire.RowReader;

import id.outletkiosk.config.AppInfo;
import id.outletkiosk.config.Durations;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.EntityKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import id.outletkiosk.security.Tls;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * JSON-over-HTTP client of one server: the central backend (PROTOCOL 1) or the store server
 * (PROTOCOL 3). Every request asks for JSON, carries the token when one is set, and is bounded by
 * connect, read and whole-call timeouts and a body size cap. Failures become {@link BackendException}s
 * whose message names the server.
 */
public final class BackendClient implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    private final String serverName;
    private final Setting tokenSetting;
    private final HttpUrl baseUrl;
    private final String token;
    private final long maxBodyBytes;
    private final Duration readTimeout;
    private final OkHttpClient http;

    /** The menu download's client: the central backend with the settings' timeouts, trusting {@code tls}. */
    public BackendClient(Settings settings, Tls tls) {
        this("backend", Setting.TOKEN, settings.backend(), settings.token(), settings.connectTimeout(),
                settings.readTimeout(), settings.callTimeout(), settings.maxBodyBytes(), tls);
    }

    /** Whom the central backend's certificate must satisfy: system store, CA file, and the pin if set. */
    public static Tls centralTls(Settings settings) {
        return Tls.trusting(settings.tls().caFile(), settings.tls().backendPin());
    }

    /** Store servers: system store and CA file; never the central pin (they have their own keys). */
    public static Tls storeTls(Settings settings) {
        return Tls.trusting(settings.tls().caFile(), null);
    }

    public BackendClient(URI backend, String token, Duration connectTimeout, Duration readTimeout,
            Duration callTimeout, long maxBodyBytes) {
        this("backend", Setting.TOKEN, backend, token, connectTimeout, readTimeout, callTimeout, maxBodyBytes);
    }

    /**
     * @param serverName   how messages call the server: "backend", "store server"
     * @param tokenSetting the setting a person fixes when the server refuses the token
     */
    public BackendClient(String serverName, Setting tokenSetting, URI backend, String token, Duration connectTimeout,
            Duration readTimeout, Duration callTimeout, long maxBodyBytes) {
        this(serverName, tokenSetting, backend, token, connectTimeout, readTimeout, callTimeout, maxBodyBytes, null);
    }

    /** @param tls whom to trust for https (null: the system's trust store) */
    public BackendClient(String serverName, Setting tokenSetting, URI backend, String token, Duration connectTimeout,
            Duration readTimeout, Duration callTimeout, long maxBodyBytes, Tls tls) {
        this.serverName = serverName;
        this.tokenSetting = tokenSetting;
        HttpUrl parsed = HttpUrl.parse(backend.toString());
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + backend);
        }
        this.baseUrl = parsed;
        this.token = token;
        this.maxBodyBytes = maxBodyBytes;
        this.readTimeout = readTimeout;
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (tls != null && parsed.isHttps()) {
            builder.sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager());
        } else if (!parsed.isHttps()) {
            // every URL this client asks for is under a plain-HTTP base (apiUrl, followLink), so it never needs TLS:
            // without this OkHttp loads the JDK's trust store as it is built (~0.13 s of a kiosk's start before its
            // window, and of every sync --once; BENCHMARKS.md, issue 16). A redirect to https is not followed: it
            // comes back as its 3xx status, one clear line naming the server (set the https URL instead).
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false);
        }
        this.http = builder
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(true) // a keep-alive connection gone stale (server restarted) is retried once
                .build();
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** {@code <base>/api/<segments>}: keeps any path prefix of the base and the trailing slash exactly. */
    public HttpUrl apiUrl(String pathAfterApi) {
        String basePath = baseUrl.encodedPath();
        String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
        return baseUrl.newBuilder().encodedPath(prefix + "api/" + pathAfterApi).build();
    }

    /**
     * A DRF {@code next} link, re-rooted on our configured base: its path and query are kept, its
     * scheme, host and port are ours. A proxy that rewrites the host or drops https must not send
     * our token elsewhere.
     */
    public HttpUrl followLink(String link) throws BackendException {
        HttpUrl absolute = HttpUrl.parse(link);
        if (absolute == null) {
            absolute = baseUrl.resolve(link);
        }
        if (absolute == null) {
            throw new BackendException(BackendException.Problem.BAD_DATA,
                    "backend sent a next link that is not a URL: " + RowReader.abbreviate(link));
        }
        return baseUrl.newBuilder().encodedPath(absolute.encodedPath()).encodedQuery(absolute.encodedQuery()).build();
    }

    /** GETs a URL and returns its JSON body, or throws with one line that says what went wrong. */
    public FetchedBody getJson(HttpUrl url, EntityKind kindForMessages) throws BackendException {
        return send(url, "GET", null, kindForMessages == null ? url.encodedPath() : kindForMessages.wireName());
    }

    /** POSTs or PATCHes a JSON body and returns the JSON answer. */
    public FetchedBody sendJson(HttpUrl url, String method, JsonNode body) throws BackendException {
        return send(url, method, RequestBody.create(body.toString(), JSON), url.encodedPath());
    }

    private FetchedBody send(HttpUrl url, String method, RequestBody requestBody, String what) throws BackendException {
        Request.Builder request = new Request.Builder().url(url).method(method, requestBody)
                .header("Accept", "application/json")
                .header("User-Agent", AppInfo.userAgent());
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Token " + token);
        }
        Call call = http.newCall(request.build());
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw statusProblem(response, body, what);
            }
            String contentType = response.header("Content-Type", "");
            byte[] bytes = HttpBodies.readCapped(body, maxBodyBytes);
            if (contentType.toLowerCase(java.util.Locale.ROOT).contains("html")) {
                throw new BackendException(BackendException.Problem.BAD_DATA, serverName + " sent an HTML page, not JSON, for "
                        + what + " (HTTP " + response.code() + "): is the backend URL right?");
            }
            return new FetchedBody(bytes, bytes.length, response.code());
        } catch (HttpBodies.BodyTooLargeException e) {
            throw new BackendException(BackendException.Problem.TOO_LARGE,
                    serverName + "'s " + what + " answer is larger than the " + maxBodyBytes + "-byte limit (max-body-bytes)", e);
        } catch (IOException e) {
            throw networkProblem(e, what);
        }
    }

    private BackendException statusProblem(Response response, ResponseBody body, String what) {
        int code = response.code();
        String detail = ErrorBodies.detail(body, response.header("Content-Type", ""));
        String suffix = detail == null ? "" : ": " + detail;
        if (code == 401 || code == 403) {
            String where = tokenSetting.flag() + " or " + tokenSetting.envName();
            String advice = token == null || token.isEmpty()
                    ? "the " + serverName + " wants a token: set " + where
                    : "the configured token was refused: check " + where;
            return new BackendException(BackendException.Problem.AUTH,
                    serverName + " refused access to " + what + " (HTTP " + code + suffix + "); " + advice);
        }
        boolean refusal = code >= 400 && code < 500 && code != 408 && code != 425 && code != 429;
        BackendException.Problem problem = code == 429 ? BackendException.Problem.RATE_LIMITED
                : refusal ? BackendException.Problem.REJECTED : BackendException.Problem.HTTP_STATUS;
        return new BackendException(problem, serverName + " answered HTTP " + code + " for " + what + suffix, code);
    }

    private BackendException networkProblem(IOException e, String what) {
        String host = baseUrl.host() + ":" + baseUrl.port();
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new BackendException(BackendException.Problem.UNREACHABLE,
                    "cannot reach the " + serverName + " at " + host + " (" + e.getMessage() + ")", e);
        }
        if (e instanceof UnknownHostException) {
            return new BackendException(BackendException.Problem.UNREACHABLE,
                    "cannot find the " + serverName + " host " + baseUrl.host() + " (no DNS answer)", e);
        }
        if (e instanceof SSLException) {
            // one clear line, never a quiet retry over plain HTTP
            return new BackendException(BackendException.Problem.UNREACHABLE, Tls.describe(serverName, host, e), e);
        }
        if (e instanceof InterruptedIOException) {
            return new BackendException(BackendException.Problem.TIMEOUT, serverName + " at " + host
                    + " did not answer " + what + " in time (read-timeout " + Durations.format(readTimeout)
                    + ", call-timeout applies to the whole request)", e);
        }
        return new BackendException(BackendException.Problem.BROKEN_CONNECTION,
                "connection to the " + serverName + " at " + host + " broke off while reading " + what + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A JSON body, how many bytes it took on the wire (after any transfer decoding), and the status code. */
    public record FetchedBody(byte[] bytes, long byteCount, int status) {
    }

    /** The zone in which timestamps without an offset are read. */
    public static ZoneId outletZone() {
        return ZoneId.systemDefault();
    }
}
