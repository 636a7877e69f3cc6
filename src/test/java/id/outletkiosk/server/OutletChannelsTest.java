package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/**
 * A socket that dies between the open check and the write. Real sockets cannot be made to die at that
 * instant on demand (the CI run that found this needed a proxy cut during a status change), so the
 * Jetty session is a stand-in whose connection is already gone, as Jetty 12 reports it: the send's
 * callback fails with an {@link EofException}.
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
        Session gone = socket(text -> {
            throw sneaky(new EofException("reset by peer"));
        });

        assertThatCode(() -> channels.answer(gone, "{\"type\":\"ping\",\"timestamp\":1}"))
                .doesNotThrowAnyException();
    }

    private interface Wire {
        void send(String text);
    }

    /** A Jetty 12 session whose sends go to {@code wire}; what the wire throws fails the send's callback, as Jetty reports it. */
    private static Session socket(Wire wire) {
        return (Session) Proxy.newProxyInstance(OutletChannelsTest.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "sendText" -> {
                        Callback callback = (Callback) args[1];
                        try {
                            wire.send((String) args[0]);
                            callback.succeed();
                        } catch (Throwable e) {
                            callback.fail(e);
                        }
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
