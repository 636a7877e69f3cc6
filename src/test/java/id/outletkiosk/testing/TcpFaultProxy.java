package id.outletkiosk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 between a client and a server, that can break the link the ways networks
 * do: {@link #blackhole()} keeps every connection open but lets no byte through (a half-open socket
 * TCP does not report), {@link #refuse()} resets every connection at once and new ones as they come
 * (a server down), {@link #pass()} heals it. The target port may change (a restarted server).
 */
public final class TcpFaultProxy implements AutoCloseable {
    /** What happens to bytes and connections. */
    public enum Mode {
        PASS, BLACKHOLE, REFUSE
    }

    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private volatile Mode mode = Mode.PASS;
    private volatile String dropMarker;
    private final java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();

    public TcpFaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public URI http() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    public Mode mode() {
        return mode;
    }

    public void retarget(int port) {
        targetPort = port;
    }

    /** Connections stay open, nothing passes: the far end looks alive to TCP and silent to the app. */
    public void blackhole() {
        mode = Mode.BLACKHOLE;
    }

    /** Every connection reset now, and every new one as it arrives. */
    public void refuse() {
        mode = Mode.REFUSE;
        resetAll();
    }

    /** Heals the link for new connections; blackholed ones are dropped, as a real network's would time out. */
    public void pass() {
        if (mode == Mode.BLACKHOLE) {
            resetAll();
        }
        mode = Mode.PASS;
    }

    /**
     * Bytes from the server that contain {@code marker} are lost, the connection stays up: a frame the
     * server meant to send and never did (Channels' at-most-once {@code group_send}). WebSocket frames
     * from a server are not masked, so a frame's JSON can be recognised in the bytes.
     */
    public void dropFromServer(String marker) {
        dropMarker = marker;
    }

    /** Stops {@link #dropFromServer}. */
    public void dropNothing() {
        dropMarker = null;
    }

    /** How many reads from the server {@link #dropFromServer} has lost. */
    public int droppedFromServer() {
        return dropped.get();
    }

    public void resetAll() {
        for (Socket socket : open) {
            reset(socket);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.REFUSE) {
                    reset(client);
                    continue;
                }
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException targetDown) {
                    reset(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromServer) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (fromServer && isDropped(buffer, read)) {
                        dropped.incrementAndGet();
                    } else if (mode == Mode.PASS) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side went away: take the other with it
            } finally {
                reset(from);
                reset(to);
            }
        }, "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean isDropped(byte[] buffer, int length) {
        String marker = dropMarker;
        return marker != null && new String(buffer, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(marker);
    }

    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        resetAll();
    }
}
