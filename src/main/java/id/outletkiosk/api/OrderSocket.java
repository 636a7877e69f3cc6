package id.outletkiosk.api;

import id.outletkiosk.config.AppInfo;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import id.outletkiosk.security.Tls;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One order WebSocket (central PROTOCOL 2, or the store server's 3.3). Connects in the background and
 * reports through its {@link Listener} on Java-WebSocket's thread; exactly one {@code onClosed} ends
 * every socket, whether it opened or not. The library's own 60 s heartbeat is off: the feed runs
 * its own, much shorter one.
 */
public final class OrderSocket {
    /** What a socket reports. Calls come from the socket's own thread. */
    public interface Listener {
        void onOpen(OrderSocket socket);

        void onText(OrderSocket socket, String text);

        void onClosed(OrderSocket socket, String reason);
    }

    private final Client client;
    private final Listener listener;
    private final AtomicBoolean closedReported = new AtomicBoolean();
    private volatile String lastError;

    public OrderSocket(URI uri, String token, Duration connectTimeout, Listener listener) {
        this(uri, token, null, false, connectTimeout, listener);
    }

    /**
     * @param tls          whom to trust on {@code wss://} (null: the system's trust store)
     * @param tokenInQuery also send the token as {@code ?token=}, for backends that read it only there
     */
    public OrderSocket(URI uri, String token, Tls tls, boolean tokenInQuery, Duration connectTimeout,
            Listener listener) {
        this.listener = listener;
        Map<String, String> headers = new HashMap<>();
        headers.put("User-Agent", AppInfo.userAgent());
        boolean hasToken = token != null && !token.isEmpty();
        if (hasToken) {
            headers.put("Authorization", "Token " + token);
        }
        URI target = hasToken && tokenInQuery ? withQueryToken(uri, token) : uri;
        this.client = new Client(target, headers, (int) connectTimeout.toMillis());
        client.setConnectionLostTimeout(0);
        if (tls != null && "wss".equalsIgnoreCase(uri.getScheme())) {
            client.setSocketFactory(tls.context().getSocketFactory());
        }
    }

    private static URI withQueryToken(URI uri, String token) {
        String pair = "token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
        String query = uri.getRawQuery() == null ? pair : uri.getRawQuery() + "&" + pair;
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query);
    }

    /** Starts connecting; the listener hears {@code onOpen} or {@code onClosed}. */
    public void connect() {
        client.connect();
    }

    /** @return false when the socket is not open (the text is not sent) */
    public boolean send(String text) {
        if (!client.isOpen()) {
            return false;
        }
        try {
            client.send(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean isOpen() {
        return client.isOpen();
    }

    /** Closes with 1000; also stops a connect in progress. */
    public void close() {
        client.close();
    }

    private void reportClosed(String reason) {
        if (closedReported.compareAndSet(false, true)) {
            listener.onClosed(this, reason);
        }
    }

    private final class Client extends WebSocketClient {
        Client(URI uri, Map<String, String> headers, int connectTimeoutMillis) {
            super(uri, new Draft_6455(), headers, connectTimeoutMillis);
            setTcpNoDelay(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            listener.onOpen(OrderSocket.this);
        }

        @Override
        public void onMessage(String message) {
            listener.onText(OrderSocket.this, message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            listener.onText(OrderSocket.this, "(binary frame of " + bytes.remaining() + " bytes)");
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (lastError == null && code == org.java_websocket.framing.CloseFrame.NEVER_CONNECTED) {
                // a failed TLS handshake reaches onError from the library's other thread, sometimes just after
                // this: wait a moment for the real cause (a refused certificate) rather than report "closed"
                java.util.concurrent.CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> reportClosed(closeReason(code, reason, remote)));
                return;
            }
            reportClosed(closeReason(code, reason, remote));
        }

        private String closeReason(int code, String reason, boolean remote) {
            return lastError != null ? lastError
                    : (remote ? "closed by the server" : "closed") + " (code " + code
                            + (reason == null || reason.isEmpty() ? "" : ", " + reason) + ")";
        }

        @Override
        public void onError(Exception error) {
            if (error instanceof javax.net.ssl.SSLException) {
                lastError = Tls.describe("server", getURI().getHost() + ":" + getURI().getPort(), error);
                return;
            }
            lastError = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        }
    }
}
