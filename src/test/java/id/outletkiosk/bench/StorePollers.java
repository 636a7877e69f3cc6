package id.outletkiosk.bench;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.Order;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Terminals polling the store server ({@code GET /api/orders?since_id=}) with the app's own client, each
 * on its own keep-alive connection at a steady pace, as screens in polling mode do all day: most ask for
 * what is newer than the last order they saw; one in three asks again for the last fifty (a screen
 * catching up after a restart), so the server's answers differ from poll to poll.
 */
final class StorePollers implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final List<BackendClient> clients = new ArrayList<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;

    /** {@code pollers} threads, each polling {@code perSecond} times a second. */
    StorePollers(URI storeServer, int pollers, double perSecond) {
        long gapNanos = (long) (1e9 / perSecond);
        for (int i = 0; i < pollers; i++) {
            BackendClient http = new BackendClient("store server", Setting.LOCAL_TOKEN, storeServer, null,
                    Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 24);
            clients.add(http);
            boolean catchingUp = i % 3 == 2;
            Thread thread = new Thread(() -> poll(OrderServerClient.local(http, ZoneId.systemDefault()), catchingUp,
                    gapNanos), "store poller " + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    StorePollers start() {
        threads.forEach(Thread::start);
        return this;
    }

    long polls() {
        return polls.get();
    }

    long failures() {
        return failures.get();
    }

    private void poll(OrderServerClient orders, boolean catchingUp, long gapNanos) {
        long lastSeen = 0;
        long next = System.nanoTime();
        while (running) {
            try {
                List<Order> answer = orders.ordersSince(1, catchingUp ? Math.max(0, lastSeen - 50) : lastSeen);
                for (Order order : answer) {
                    lastSeen = Math.max(lastSeen, order.localId() == null ? 0 : order.localId());
                }
                polls.incrementAndGet();
            } catch (BackendException e) {
                failures.incrementAndGet();
            }
            next += gapNanos;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        clients.forEach(BackendClient::close);
    }
}
