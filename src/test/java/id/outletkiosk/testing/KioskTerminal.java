package id.outletkiosk.testing;

import id.outletkiosk.store.OrderLedger;

import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.sync.Backoff;
import id.outletkiosk.sync.ExecutorTaskScheduler;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.sync.OutboxSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * A kiosk in an {@link OrderWorld}: its own store with the menu synced from the backend, its outbox, and
 * a sender that reaches the backend and the store server through the world's fault proxies.
 */
public final class KioskTerminal implements AutoCloseable {
    public final SyncHarness store;
    public final Outbox outbox;
    public final OutboxSender sender;
    public final OrderDesk desk;

    public KioskTerminal(OrderWorld world, Path folder) throws Exception {
        Files.createDirectories(folder);
        store = SyncHarness.against(folder, world.backend.baseUri());
        store.sync.runRound();
        Clock clock = Clock.systemUTC();
        outbox = new Outbox(store.database, clock);
        sender = new OutboxSender(outbox, world.centralViaProxy(), world.storeServerViaProxy(),
                new OrderLedger(store.database, clock),
                new ExecutorTaskScheduler("kiosk-outbox"), new Backoff(Duration.ofMillis(30), Duration.ofMillis(300),
                        new Random(5)));
        desk = new OrderDesk(store.catalog, store.store, outbox, sender, 1, clock);
        sender.start();
    }

    public OutboxEntry order(long product, int quantity) {
        return desk.place(List.of(new OrderDesk.CartLine(product, quantity, null)), "Tamu");
    }

    public OutboxEntry entry(long seq) {
        return outbox.all().stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        sender.close();
        outbox.close();
        store.close();
    }
}
