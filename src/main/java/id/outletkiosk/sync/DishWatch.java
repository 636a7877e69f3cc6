package id.outletkiosk.sync;

import id.outletkiosk.api.OrderSocket;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prep station's or the expo's second ear: dish progress lives on the store server, and central's
 * socket never carries it, so while the feed is on central's socket such a screen also keeps a socket
 * to the store server and hands its frames to the intake (which records them like any other, once).
 * It is no transport of the feed: the tier machine never hears of it. On the store server's own socket,
 * or polling it, the feed hears the dishes anyway, and this socket is closed. Opened, it asks for the
 * store server's list once (taps made while it was away); silent, it pings so the server keeps it; closed
 * by the server, it comes back after {@link #AGAIN_AFTER}. On the feed's loop thread only.
 */
final class DishWatch {
    private static final Logger LOG = LoggerFactory.getLogger(DishWatch.class);
    static final Duration AGAIN_AFTER = Duration.ofSeconds(5);
    /** The store server closes sockets silent for two minutes. */
    static final Duration PING_EVERY = Duration.ofSeconds(30);

    /** What the watch reports, posted to the loop thread by the feed. */
    interface Ears {
        void heard(String text);

        void opened();

        void closed(DishWatch watch, OrderSocket socket);
    }

    private final FeedEndpoints endpoints;
    private final Duration connectTimeout;
    private final Ears ears;
    private OrderSocket socket;
    private boolean wanted;
    private long notBeforeNanos;
    private long lastPingNanos;

    DishWatch(FeedEndpoints endpoints, Duration connectTimeout, Ears ears) {
        this.endpoints = endpoints;
        this.connectTimeout = connectTimeout;
        this.ears = ears;
    }

    /** Wanted while the feed is on central's socket (and the screen cooks or expedites), else closed. */
    void want(boolean now, long nanos) {
        if (endpoints.localSocket() == null) {
            return;
        }
        wanted = now;
        if (!wanted && socket != null) {
            socket.close();
            socket = null;
        }
        tick(nanos);
    }

    void tick(long nanos) {
        if (!wanted) {
            return;
        }
        if (socket == null && nanos - notBeforeNanos >= 0) {
            open(nanos);
        } else if (socket != null && socket.isOpen() && nanos - lastPingNanos >= PING_EVERY.toNanos()) {
            socket.send("{\"type\":\"ping\",\"timestamp\":" + System.currentTimeMillis() + "}");
            lastPingNanos = nanos;
        }
    }

    /** The server closed {@code closed} (or it never opened): another after a while, if still wanted. */
    void onClosed(OrderSocket closed, long nanos) {
        if (closed == socket) {
            socket = null;
            notBeforeNanos = nanos + AGAIN_AFTER.toNanos();
        }
    }

    void close() {
        wanted = false;
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private void open(long nanos) {
        lastPingNanos = nanos;
        OrderSocket opening = new OrderSocket(endpoints.localSocket(), endpoints.localToken(), endpoints.localTls(),
                endpoints.tokenInQuery(), connectTimeout, new OrderSocket.Listener() {
                    @Override
                    public void onOpen(OrderSocket opened) {
                        ears.opened();
                    }

                    @Override
                    public void onText(OrderSocket from, String text) {
                        ears.heard(text);
                    }

                    @Override
                    public void onClosed(OrderSocket closed, String reason) {
                        LOG.debug("the store server's socket for dish progress closed: {}", reason);
                        ears.closed(DishWatch.this, closed);
                    }
                });
        socket = opening;
        opening.connect();
    }
}
