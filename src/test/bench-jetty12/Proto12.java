import java.nio.ByteBuffer;
import java.nio.file.*;
import java.util.*;
import org.eclipse.jetty.http.*;
import org.eclipse.jetty.server.*;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Prototype (run.sh): bare Jetty 12 core handler, non-blocking, answering cached poll bytes. Args: folder selectors. */
public class Proto12 {
    static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    public static void main(String[] args) throws Exception {
        Map<String, byte[]> answers = Answers.load(Path.of(args[0]));
        int selectors = Integer.parseInt(args[1]);
        QueuedThreadPool pool = new QueuedThreadPool(16, 4);
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                byte[] body = answers.get(request.getHttpURI().getQuery());
                if (body == null) { Response.writeError(request, response, callback, 404); return true; }
                response.setStatus(200);
                response.getHeaders().put(JSON);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }
}
