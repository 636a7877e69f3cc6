package id.outletkiosk.server;

import id.outletkiosk.config.SettingsException;

import io.javalin.config.JavalinConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS (and WSS on the same port) for the project's servers: the certificate and key come from a
 * PKCS#12 file (what {@code keytool} and {@code openssl pkcs12 -export} write). With TLS the server
 * listens on TLS only; nothing plain is left open beside it.
 */
public final class ServerTls {
    /** A PKCS#12 key store and its password. */
    public record Keys(Path pkcs12, String password) {
        public Keys {
            if (!Files.isReadable(pkcs12)) {
                throw new SettingsException("tls-keystore: " + pkcs12
                        + " does not exist or is not readable");
            }
        }

        @Override
        public String toString() {
            return "Keys[" + pkcs12 + ", password=(hidden)]";
        }
    }

    private ServerTls() {
    }

    /**
     * Starts {@code app}: plain on {@code host:port}, or, with keys, on the TLS connector that
     * {@link #listen} added. @return the port bound
     */
    public static int start(io.javalin.Javalin app, String host, int port, Keys keys) {
        if (keys == null) {
            app.start(host, port);
            return app.port();
        }
        app.start();
        return networkConnector(app, network -> network.getDefaultConnectionFactory() instanceof SslConnectionFactory)
                .getLocalPort();
    }

    /** {@code app}'s first network connector that {@code which} accepts (it must have one). */
    static ServerConnector networkConnector(io.javalin.Javalin app, Predicate<ServerConnector> which) {
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector network && which.test(network)) {
                return network;
            }
        }
        throw new IllegalStateException("no such network connector started");
    }

    /** Makes {@code config}'s server listen with TLS on {@code host:port} (0: any free port). */
    public static void listen(JavalinConfig config, Keys keys, String host, int port) {
        listen(config, keys, host, port, -1);
    }

    /**
     * Makes {@code config}'s server listen with plain HTTP on {@code host:port} (0: any free port) with
     * {@code selectors} selector threads (-1: Jetty's default, half the cores), instead of Javalin's default
     * connector.
     */
    public static void listenPlain(JavalinConfig config, String host, int port, int selectors) {
        config.jetty.addConnector((server, httpConfiguration) -> {
            return bound(new ServerConnector(server, -1, selectors, new HttpConnectionFactory(httpConfiguration)),
                    host, port);
        });
    }

    /** As {@link #listen(JavalinConfig, Keys, String, int)}, with {@code selectors} selector threads (-1: Jetty's). */
    public static void listen(JavalinConfig config, Keys keys, String host, int port, int selectors) {
        config.jetty.addConnector((server, httpConfiguration) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(keys.pkcs12().toAbsolutePath().toString());
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePassword(keys.password());
            // clients reach store servers by IP address: the SNI host check would refuse them
            HttpConfiguration https = new HttpConfiguration(httpConfiguration);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            return bound(new ServerConnector(server, -1, selectors, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https)), host, port);
        });
    }

    private static ServerConnector bound(ServerConnector connector, String host, int port) {
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
