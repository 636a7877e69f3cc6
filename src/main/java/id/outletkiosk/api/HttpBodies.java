package id.outletkiosk.api;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Reads response bodies with a size cap, so a huge or endless answer fails fast instead of filling memory. */
public final class HttpBodies {
    private static final long CHUNK = 64 * 1024;

    private HttpBodies() {
    }

    /** @throws BodyTooLargeException when more than {@code maxBytes} arrive */
    public static byte[] readCapped(ResponseBody body, long maxBytes) throws IOException {
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        long read;
        while ((read = source.read(buffer, CHUNK)) != -1) {
            if (buffer.size() > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }
        return buffer.readByteArray();
    }

    /** The body grew past the configured limit. */
    public static final class BodyTooLargeException extends IOException {
        public BodyTooLargeException(long limit) {
            super("answer larger than " + limit + " bytes");
        }
    }
}
