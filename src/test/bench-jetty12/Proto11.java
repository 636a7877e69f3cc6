import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.*;
import java.util.*;
import org.eclipse.jetty.http.*;
import org.eclipse.jetty.server.*;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Prototype (run.sh): bare Jetty 11 answering cached poll bytes the way OrderPolls writes them. Args: folder selectors. */
public class Proto11 {
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
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                base.setHandled(true);
                byte[] body = answers.get(base.getQueryString());
                Response out = base.getResponse();
                if (body == null) { out.setStatus(404); return; }
                out.setStatus(200);
                out.getHttpFields().put(JSON);
                out.setContentLength(body.length);
                out.getHttpOutput().write(body);
            }
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }
}
