package id.outletkiosk.sync;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.ServiceTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the speed-of-service times: each order change the realtime feed announces, each change made at
 * this terminal's own desk (a cook's bump, which the feed never announces: see
 * {@link OrderStatusDesk.ChangeListener}) and each station's part done, written to {@link ServiceTimes}
 * with the time read from the terminal's clock when it was heard. The disk writes run on a thread of
 * their own, in the order heard, so the feed and the cook never wait for them; a write that fails is
 * logged and lost (a figure, never an order).
 */
public final class ServiceClock implements FeedListener, OrderStatusDesk.ChangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceClock.class);
    /** How long closing waits for the writes already heard, so the store is not closed under them. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final ServiceTimes times;
    private final Clock clock;
    private final ExecutorService writer;

    /** @param writer one thread, so the writes keep the order in which they were heard */
    public ServiceClock(ServiceTimes times, Clock clock, ExecutorService writer) {
        this.times = times;
        this.clock = clock;
        this.writer = writer;
    }

    /** A clock with a writer thread of its own, until closed. */
    public static ServiceClock start(ServiceTimes times, Clock clock) {
        return new ServiceClock(times, clock, Executors.newSingleThreadExecutor(DaemonThreads.named("service-clock")));
    }

    @Override
    public void onOrder(OrderEvent event) {
        Instant heard = clock.instant();
        Order order = event.order();
        write(order, () -> times.orderSeen(order, heard));
    }

    @Override
    public void changed(Order before, OrderStatus next) {
        Instant at = clock.instant();
        write(before, () -> times.statusReached(before, next, at));
    }

    /** A station's cook tapped its part of {@code order} done. */
    public void stationDone(Order order, String station) {
        Instant at = clock.instant();
        write(order, () -> times.stationDone(order, station, at));
    }

    /** {@code order}'s ticket shows at {@code station}: it counts in the station's figures from now. */
    public void stationHas(Order order, String station) {
        Instant heard = clock.instant();
        write(order, () -> times.stationHas(order, station, heard));
    }

    private void write(Order order, Runnable work) {
        try {
            writer.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("speed of service: the times of order {} could not be kept: {}", order.label(),
                            e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("speed of service: closing, order {} not timed", order.label());
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("speed of service: writes still pending at close were dropped");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
