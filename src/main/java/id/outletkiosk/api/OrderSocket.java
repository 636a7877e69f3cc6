package id.outletkiosk.api;

import id.outletkiosk.AppInfo;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One order WebSocket (central PROTOCOL 2, or the local server's 3.3). Connects in the background and
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
        this.listener = listener;
        Map<String, String> headers = new HashMap<>();
        headers.put("User-Agent", AppInfo.userAgent());
        if (token != null && !token.isEmpty()) {
            headers.put("Authorization", "Token " + token);
        }
        this.client = new Client(uri, headers, (int) connectTimeout.toMillis());
        client.setConnectionLostTimeout(0);
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
            String why = lastError != null ? lastError
                    : (remote ? "closed by the server" : "closed") + " (code " + code
                            + (reason == null || reason.isEmpty() ? "" : ", " + reason) + ")";
            reportClosed(why);
        }

        @Override
        public void onError(Exception error) {
            lastError = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        }
    }
}
