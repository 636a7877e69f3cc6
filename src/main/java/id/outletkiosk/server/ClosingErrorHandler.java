package id.outletkiosk.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it refuses before any route sees it, such as a path with an encoded
 * NUL) say {@code Connection: close}. Jetty 12 closes the connection after such an answer without saying so,
 * and a client that keeps connections alive then sends its next request into a closed socket and gets no
 * answer at all (found by StoreServerFuzzTest with the JDK's HttpClient). Our routes' own refusals never come
 * here: they are answered by Javalin and keep the connection.
 */
final class ClosingErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        return super.handle(request, response, callback);
    }
}
