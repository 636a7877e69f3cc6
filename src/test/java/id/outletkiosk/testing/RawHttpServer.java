package id.outletkiosk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deliberately misbehaving HTTP server on 127.0.0.1: each request's answer is written byte by byte
 * by a test's {@link Responder}, so tests can send what no well-behaved server library would (resets
 * mid-body, endless bodies, silence).
 */
public final class RawHttpServer implements AutoCloseable {
    /** Writes the whole answer, status line included. */
    @FunctionalInterface
    public interface Responder {
        void respond(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    /** The request line's path and query, and the headers as read. */
    public record Request(String method, String target, List<String> headers) {
        public String header(String name) {
            String prefix = name.toLowerCase() + ":";
            return headers.stream().filter(h -> h.toLowerCase().startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
    }

    private final ServerSocket serverSocket;
    private final Responder responder;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger handlerFailures = new AtomicInteger();
    private final Thread acceptor;

    public RawHttpServer(Responder responder) throws IOException {
        this.responder = responder;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
    }

    public List<Request> requests() {
        return requests;
    }

    /** True once {@link #close()} was called: endless responders stop on this. */
    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Blocks a responder until the server is closed or the time is up: "a server that never answers". */
    public void awaitClose(long millis) throws InterruptedException {
        closed.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                open.add(socket);
                Thread handler = new Thread(() -> handle(socket), "raw-http-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String requestLine = reader.readLine();
            if (requestLine == null) {
                return;
            }
            List<String> headers = new java.util.ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null && !line.isEmpty()) {
                headers.add(line);
            }
            String[] parts = requestLine.split(" ");
            Request request = new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers);
            requests.add(request);
            OutputStream out = socket.getOutputStream();
            responder.respond(request, socket, out);
            out.flush();
        } catch (IOException e) {
            // the client hung up: expected in most fault tests
        } catch (InterruptedException | RuntimeException e) {
            handlerFailures.incrementAndGet();
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        serverSocket.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    /** A complete answer with a Content-Length. */
    public static void writeAnswer(OutputStream out, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
    }

    public static void writeJson(OutputStream out, int status, String body) throws IOException {
        writeAnswer(out, status, "application/json", body);
    }
}
