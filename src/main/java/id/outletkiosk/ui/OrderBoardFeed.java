package id.outletkiosk.ui;

import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.RealtimeFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How orders reach an {@link OrderBoard} from other threads: the feed's orders and transport as they
 * come, and the ledger's open orders at start, read off the FX thread. Each order may first be completed
 * where it arrives ({@code complete}: the kitchen names dishes from its menu, a read that does not belong
 * on the FX thread), then everything is handed to the FX thread in the order it came: in batches, all that
 * came since the FX thread last took some, so a burst of orders is applied a few at a time between two
 * frames (the board counts and lays out once per batch) rather than one task per order.
 */
public final class OrderBoardFeed {
    private final OrderBoard board;
    private final UnaryOperator<Order> complete;
    private final Executor worker;
    private final Executor fx;
    private final FeedListener listener;
    /** Changes waiting for the FX thread, in the order they came: an {@link OrderEvent}, or any other work. */
    private final Queue<Object> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOverQueued = new AtomicBoolean();

    /**
     * @param complete runs on the feed's thread or the worker, never the FX thread
     * @param worker   reads the ledger, off the FX thread
     * @param fx       the FX thread ({@code Platform::runLater} in the app)
     */
    public OrderBoardFeed(OrderBoard board, UnaryOperator<Order> complete, Executor worker, Executor fx) {
        this.board = board;
        this.complete = complete;
        this.worker = worker;
        this.fx = fx;
        this.listener = new FeedListener() {
            @Override
            public void onOrder(OrderEvent event) {
                handOver(new OrderEvent(event.type(), complete.apply(event.order()), event.via()));
            }

            @Override
            public void onStatus(FeedStatus status) {
                handOver((Runnable) () -> board.onFeedStatus(status));
            }
        };
    }

    /** Hears the feed: orders completed on the feed's thread, orders and transport applied on the FX thread. */
    public FeedListener listener() {
        return listener;
    }

    /**
     * Starts showing {@code feed}'s orders: listens first, then reads what the ledger knows, so an order
     * that arrives in between is not lost (heard twice, it is one order on the board).
     */
    public void follow(RealtimeFeed feed, Supplier<List<Order>> openOrders) {
        feed.addListener(listener);
        loadOpen(openOrders);
    }

    /** Stops hearing {@code feed}: the board is closing. */
    public void stopFollowing(RealtimeFeed feed) {
        feed.removeListener(listener);
    }

    /**
     * The open orders the ledger knows, read and completed on the worker, shown on the FX thread. Add the
     * {@link #listener()} to the feed first: an order that arrives in between is then not lost.
     */
    public void loadOpen(Supplier<List<Order>> openOrders) {
        worker.execute(() -> {
            List<Order> open = openOrders.get().stream().map(complete).toList();
            handOver((Runnable) () -> board.load(open));
        });
    }

    /** Queues a change for the FX thread; one task there takes every change queued by then. */
    private void handOver(Object change) {
        waiting.add(change);
        if (handOverQueued.compareAndSet(false, true)) {
            fx.execute(this::applyWaiting);
        }
    }

    /** On the FX thread: the waiting changes in order, runs of order events as one batch. */
    private void applyWaiting() {
        handOverQueued.set(false);
        List<OrderEvent> events = new ArrayList<>();
        for (Object change = waiting.poll(); change != null; change = waiting.poll()) {
            if (change instanceof OrderEvent event) {
                events.add(event);
                continue;
            }
            if (!events.isEmpty()) {
                board.onOrders(List.copyOf(events));
                events.clear();
            }
            ((Runnable) change).run();
        }
        if (!events.isEmpty()) {
            board.onOrders(events);
        }
    }
}
