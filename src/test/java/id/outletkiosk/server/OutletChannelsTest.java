package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.javalin.websocket.WsContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.RemoteEndpoint;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/**
 * A socket that dies between the open check and the write. Real sockets cannot be made to die at that
 * instant on demand (the CI run that found this needed a proxy cut during a status change), so the
 * Jetty session is a stand-in whose connection is already gone, as Jetty reports it: a checked
 * {@link EofException} that Javalin's Kotlin code passes on unchecked.
 */
class OutletChannelsTest {

    @Test
    void aSocketThatVanishesMidBroadcastDoesNotFailTheChangeOrStarveTheOthers() {
        OutletChannels channels = new OutletChannels();
        List<String> heard = new CopyOnWriteArrayList<>();
        channels.join(socket(text -> {
            throw sneaky(new EofException("reset by peer"));
        }), 1);
        channels.join(socket(heard::add), 1);

        assertThatCode(() -> channels.broadcast(1, "order_cancelled", "{\"type\":\"order_cancelled\"}")).doesNotThrowAnyException();
        assertThat(heard).containsExactly("{\"type\":\"order_cancelled\"}");
    }

    @Test
    void aPingFromASocketThatVanishesBeforeItsPongIsIgnored() {
        OutletChannels channels = new OutletChannels();
        WsContext gone = socket(text -> {
            throw sneaky(new EofException("reset by peer"));
        });

        assertThatCode(() -> channels.answer(gone, "{\"type\":\"ping\",\"timestamp\":1}"))
                .doesNotThrowAnyException();
    }

    private interface Wire {
        void send(String text);
    }

    private static WsContext socket(Wire wire) {
        RemoteEndpoint remote = (RemoteEndpoint) Proxy.newProxyInstance(OutletChannelsTest.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendString")) {
                        wire.send((String) args[0]);
                    }
                    return null;
                });
        Session session = (Session) Proxy.newProxyInstance(OutletChannelsTest.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "getRemote" -> remote;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        return new WsContext("socket-" + System.nanoTime(), session) { };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
