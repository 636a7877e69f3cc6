package id.outletkiosk.testing;

import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.sync.Backoff;
import id.outletkiosk.sync.ExecutorTaskScheduler;
import id.outletkiosk.sync.OrderStatusDesk;
import id.outletkiosk.sync.OutboxSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * The kitchen terminal of an {@link OrderWorld} making status changes as its board does: the same store
 * and ledger as its feed, an outbox, the one sender (central through its proxy, the store server through
 * its HTTP proxy) and the status desk. Fast backoff, so replays happen within a test's patience.
 */
public final class BumpingKitchen implements AutoCloseable {
    public final Outbox outbox;
    public final OutboxSender sender;
    public final OrderStatusDesk desk;

    public BumpingKitchen(OrderWorld world) {
        Clock clock = Clock.systemUTC();
        outbox = new Outbox(world.kitchenDatabase, clock, "KDS");
        sender = new OutboxSender(outbox,
                OrderServerClient.central(world.client("backend", Setting.TOKEN, world.centralProxy.http().toString()),
                        clock.getZone()),
                OrderServerClient.local(world.client("local sync server", Setting.LOCAL_TOKEN,
                        world.localHttpProxy.http().toString()), clock.getZone()),
                world.kitchenLedger, new ExecutorTaskScheduler("kitchen-outbox"),
                new Backoff(Duration.ofMillis(30), Duration.ofMillis(300), new Random(8)));
        desk = new OrderStatusDesk(outbox, world.kitchenLedger, sender);
        sender.start();
    }

    /** The status change as the outbox holds it now. */
    public StatusChangeEntry change(long seq) {
        return outbox.allStatusChanges().stream().filter(change -> change.seq() == seq).findFirst().orElseThrow();
    }

    /** The kitchen's order as its ledger knows it now (every key). */
    public Order known(Order order, OrderWorld world) {
        return world.kitchenLedger.find(order);
    }

    @Override
    public void close() {
        sender.close();
        outbox.close();
    }
}
