package id.outletkiosk.testing;

import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The kinds of trouble a store's network has, each healing itself after a while: clean closes,
 * half-open sockets, servers down and restarted, the store server's socket down while its HTTP answers,
 * malformed frames. The soak tests inject them at random into an {@link OrderWorld}.
 */
public final class NetworkFaults {
    public static final String[] KINDS = {"central clean close", "central half-open", "central down",
        "local socket down", "local http down", "backend restart", "store server restart", "malformed frames"};

    private final OrderWorld world;
    private final ScheduledExecutorService scheduler;
    private final Random random;

    public NetworkFaults(OrderWorld world, ScheduledExecutorService scheduler, Random random) {
        this.world = world;
        this.scheduler = scheduler;
        this.random = random;
    }

    public String injectOne() {
        int kind = random.nextInt(KINDS.length);
        switch (kind) {
            case 0 -> world.backend.closeSockets();
            case 1 -> healLater(world.centralProxy, p -> p.blackhole(), 300 + random.nextInt(600));
            case 2 -> healLater(world.centralProxy, p -> p.refuse(), 100 + random.nextInt(400));
            case 3 -> healLater(world.localWsProxy, p -> p.refuse(), 100 + random.nextInt(600));
            case 4 -> healLater(world.localHttpProxy, p -> p.refuse(), 100 + random.nextInt(300));
            case 5 -> world.restartBackend();
            case 6 -> world.restartLocalServer();
            default -> {
                world.backend.broadcastRaw(1, "{\"type\": \"new_order\", \"data\": {\"id\": \"broken\"}}");
                world.backend.broadcastRaw(1, "{\"type\": \"promo_started\", \"data\": {}}");
                world.backend.broadcastRaw(1, "\u0000garbage");
            }
        }
        return KINDS[kind];
    }

    private void healLater(TcpFaultProxy proxy,
            Consumer<TcpFaultProxy> fault, int millis) {
        fault.accept(proxy);
        scheduler.schedule(proxy::pass, millis, TimeUnit.MILLISECONDS);
    }

    public void healAll() {
        world.centralProxy.pass();
        world.localWsProxy.pass();
        world.localHttpProxy.pass();
    }
}
