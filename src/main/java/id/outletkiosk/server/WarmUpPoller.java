package id.outletkiosk.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One terminal of {@link StoreServerWarmUp}: a kept-alive socket sending one poll and reading its answer at
 * a time, as a kitchen screen does. Deliberately a bare HTTP/1.1 exchange, not an HTTP client: the CPU of
 * the warm-up should go to the server's code, which is what gets compiled.
 */
final class WarmUpPoller implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    WarmUpPoller(int port, Duration timeout) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** A GET of {@code pathAndQuery} as a terminal sends it. */
    static byte[] request(String pathAndQuery, boolean acceptsGzip) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + (acceptsGzip ? "Accept-Encoding: gzip\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code request} and reads its whole answer; anything but a 200 with a length is an error. */
    void poll(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.1 200")) {
            throw new IOException("the scratch server answered \"" + statusLine + "\"");
        }
        long length = -1;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(header.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("the scratch server's answer has no Content-Length");
        }
        in.skipNBytes(length); // throws EOFException when the answer is cut short
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new IOException("the scratch server closed the connection");
            }
            if (next != '\r') {
                line.append((char) next);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
