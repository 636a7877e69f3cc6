package id.outletkiosk.testing;

import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.sync.Backoff;
import id.outletkiosk.sync.ExecutorTaskScheduler;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.OrderStatusDesk;
import id.outletkiosk.sync.OutboxSender;
import id.outletkiosk.sync.RealtimeFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One kitchen display of an {@link OrderWorld} as the board uses its parts: its own store, order ledger
 * and realtime feed, and bumps through the status desk, the outbox and the one sender (fast backoff, so
 * replays happen within a test's patience). It remembers what its screen showed: new orders per order,
 * and every time an order's status would have moved back.
 */
public final class KitchenScreen implements AutoCloseable {
    public final String name;
    public final OrderLedger ledger;
    public final RealtimeFeed feed;
    public final Outbox outbox;
    public final OutboxSender sender;
    public final OrderStatusDesk desk;
    /** NEW_ORDER deliveries per order identity (see {@link OrderWorld#identity}). */
    public final Map<String, AtomicInteger> newOrderCount = new ConcurrentHashMap<>();
    /** Every feed event with a status older than an earlier event's for the same order. */
    public final List<String> movedBack = new CopyOnWriteArrayList<>();
    private final Map<String, OrderStatus> shown = new ConcurrentHashMap<>();
    private final Map<String, OrderStatus> heard = new ConcurrentHashMap<>();
    private final OrderWorld world;

    public KitchenScreen(OrderWorld world, Path folder, String name, long seed) throws IOException {
        this.world = world;
        this.name = name;
        Clock clock = Clock.systemUTC();
        Database database = Database.open(Files.createDirectories(folder).resolve(name + ".db"));
        ledger = new OrderLedger(database, clock);
        outbox = new Outbox(database, clock, name);
        sender = new OutboxSender(outbox, world.centralViaProxy(), world.storeServerViaProxy(), ledger,
                new ExecutorTaskScheduler(name + "-outbox"),
                new Backoff(Duration.ofMillis(30), Duration.ofMillis(300), new Random(seed)));
        desk = new OrderStatusDesk(outbox, ledger, sender);
        sender.start();
        feed = world.kitchenFeed(ledger, seed, new FeedListener() {
            @Override
            public void onOrder(OrderEvent event) {
                String identity = world.identity(event.order());
                if (event.type() == OrderEventType.NEW_ORDER) {
                    newOrderCount.computeIfAbsent(identity, key -> new AtomicInteger()).incrementAndGet();
                }
                synchronized (KitchenScreen.this) {
                    heard(identity, event.order().status(), event.type().toString());
                    show(identity, event.order().status());
                }
            }
        });
    }

    /**
     * A cook's bump (or cancel) on this screen; false when the desk refused it (the order moved on
     * meanwhile). The screen shows what the desk answers; like the board's FX thread, one lock orders it
     * with the events the feed delivers.
     */
    public synchronized boolean bump(Order order, OrderStatus next) {
        try {
            Order moved = desk.change(order, next);
            show(world.identity(moved), moved.status());
            return true;
        } catch (OrderStatusDesk.ChangeRefused refused) {
            return false;
        }
    }

    /**
     * The feed's own promise: each order's statuses arrive in order, never one older than an earlier event
     * (a closed order may only close another way, on central's word). A cook's tap is not part of it: an
     * event the feed recorded before the tap may reach the screen after it, and the board ignores such an
     * echo (KitchenBoardViewModelTest covers that rule).
     */
    private void heard(String identity, OrderStatus status, String why) {
        heard.merge(identity, status, (before, now) -> {
            if (now.isBefore(before) || (!before.isOpen() && now != before && now.isOpen())) {
                movedBack.add(name + ": " + identity + " " + before.wireName() + " -> " + now.wireName() + " (" + why
                        + ")");
                return before;
            }
            return now;
        });
    }

    /** What the board shows: the furthest status it has met, as its late-echo rule keeps it. */
    private void show(String identity, OrderStatus status) {
        shown.merge(identity, status, (before, now) -> before.isBefore(now) || (!before.isOpen() && !now.isOpen())
                ? now : before);
    }

    /** Whether the order reached this screen (a ticket a cook can tap), not merely its ledger. */
    public boolean shows(Order order) {
        return shown.containsKey(world.identity(order));
    }

    /** The order as this screen's ledger holds it, or null. */
    public Order known(Order order) {
        return ledger.find(order);
    }

    public FeedMode mode() {
        return feed.status().mode();
    }

    @Override
    public void close() {
        feed.close();
        sender.close();
        outbox.close();
        ledger.close();
    }
}
