package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.Frame;
import id.outletkiosk.api.FrameDecoder;
import id.outletkiosk.api.OrderCodec;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.api.OrderSocket;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.store.OrderLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live orders over the best transport that works: central WebSocket, local server WebSocket, local
 * server HTTP polling, or offline. A lost transport drops the feed to the next tier at once; better
 * tiers are retried in the background with backoff and jitter, and the feed climbs back as soon as
 * one works. Every (re)connect and switch first catches up from the server's order list (since the
 * last id read), then goes live; a frame for an order not yet known is treated as a hint and checked
 * against the list (Channels drops frames, the list is the truth). Every order passes the
 * {@link OrderLedger}, so each change reaches listeners once, in order, whatever came twice.
 *
 * <p>All state lives on one thread; socket callbacks and timers only post work to it.
 */
public final class RealtimeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);
    private static final Duration TICK = Duration.ofMillis(100);
    /** An order this recent keeps polling at the busy pace even when nothing is open. */
    private static final Duration BUSY_AFTER_ORDER = Duration.ofSeconds(60);

    private final FeedEndpoints endpoints;
    private final Settings.FeedTimings timings;
    private final Duration connectTimeout;
    private final OrderLedger ledger;
    private final Clock clock;
    private final Backoff climbBackoff;
    private final ScheduledExecutorService loop;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final FrameDecoder centralFrames;
    private final FrameDecoder localFrames;
    private final Set<String> unknownTypesLogged = new HashSet<>();

    // state below is touched only on the loop thread
    private FeedMode mode = FeedMode.OFFLINE;
    private Instant modeSince;
    private Attempt candidate;
    private boolean settling;
    private Deque<FeedMode> climbQueue;
    private OrderSocket active;
    private long lastHeardNanos;
    private long lastPingNanos;
    private long lastPollNanos;
    private long lastReconcileNanos;
    private long lastEventNanos = Long.MIN_VALUE / 2;
    private int reconnects;
    private int climbFailures;
    private int eventsSinceDrop;
    private String lastError;
    private Instant lastEventAt;
    private ScheduledFuture<?> climbTask;
    private boolean closed;

    private volatile Duration lastRtt;
    private volatile boolean pollingPaused;
    private volatile FeedStatus status;

    private record Attempt(FeedMode tier, OrderSocket socket) {
    }

    public RealtimeFeed(FeedEndpoints endpoints, Settings.FeedTimings timings, Duration connectTimeout,
            OrderLedger ledger, Clock clock, Backoff climbBackoff) {
        this.endpoints = endpoints;
        this.timings = timings;
        this.connectTimeout = connectTimeout;
        this.ledger = ledger;
        this.clock = clock;
        this.climbBackoff = climbBackoff;
        ZoneId zone = clock.getZone();
        this.centralFrames = new FrameDecoder(OrderCodec.Origin.CENTRAL, zone);
        this.localFrames = new FrameDecoder(OrderCodec.Origin.LOCAL, zone);
        this.loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "realtime-feed");
            thread.setDaemon(true);
            return thread;
        });
        this.modeSince = clock.instant();
        this.status = snapshot();
    }

    public void addListener(FeedListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FeedListener listener) {
        listeners.remove(listener);
    }

    public FeedStatus status() {
        return status;
    }

    /** Finds the best working transport and starts the heartbeat, polling and climbing timers. */
    public void start() {
        post(() -> settleFrom(best()));
        loop.scheduleWithFixedDelay(() -> guard(this::tick), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The window is hidden: stop polling (sockets stay, they cost nothing). */
    public void pausePolling() {
        pollingPaused = true;
        post(this::publishStatus);
    }

    /** The window is shown again: poll at once, then at the usual pace. */
    public void resumePolling() {
        pollingPaused = false;
        post(() -> {
            if (mode == FeedMode.POLLING) {
                pollNow();
            }
            publishStatus();
        });
    }

    // ---- tiers -------------------------------------------------------------------------------

    private List<FeedMode> available() {
        List<FeedMode> tiers = new ArrayList<>(3);
        if (endpoints.central() != null && endpoints.centralSocket() != null) {
            tiers.add(FeedMode.ONLINE);
        }
        if (endpoints.local() != null && endpoints.localSocket() != null) {
            tiers.add(FeedMode.LOCAL);
        }
        if (endpoints.local() != null) {
            tiers.add(FeedMode.POLLING);
        }
        return tiers;
    }

    private FeedMode best() {
        List<FeedMode> tiers = available();
        return tiers.isEmpty() ? FeedMode.OFFLINE : tiers.get(0);
    }

    private static FeedMode below(FeedMode tier) {
        return FeedMode.values()[Math.min(tier.ordinal() + 1, FeedMode.OFFLINE.ordinal())];
    }

    /** Walks down from {@code from} until a tier works; sockets answer later, through their listener. */
    private void settleFrom(FeedMode from) {
        settling = true;
        for (FeedMode tier : available()) {
            if (tier.ordinal() < from.ordinal()) {
                continue;
            }
            if (tier == FeedMode.POLLING) {
                if (pollOnce()) {
                    promote(FeedMode.POLLING, null);
                    return;
                }
                continue;
            }
            startAttempt(tier);
            return;
        }
        promote(FeedMode.OFFLINE, null);
    }

    private void startAttempt(FeedMode tier) {
        boolean central = tier == FeedMode.ONLINE;
        OrderSocket socket = new OrderSocket(central ? endpoints.centralSocket() : endpoints.localSocket(),
                central ? endpoints.centralToken() : endpoints.localToken(), connectTimeout, socketListener);
        candidate = new Attempt(tier, socket);
        socket.connect();
    }

    private void attemptFailed(FeedMode tier, String reason) {
        candidate = null;
        lastError = tier.wireName() + ": " + reason;
        if (settling) {
            settleFrom(below(tier));
        } else {
            climbNext();
        }
    }

    private void climb() {
        climbTask = null;
        if (closed || settling || candidate != null || mode == best()) {
            return;
        }
        climbQueue = new ArrayDeque<>();
        for (FeedMode tier : available()) {
            if (tier.isBetterThan(mode)) {
                climbQueue.add(tier);
            }
        }
        climbNext();
    }

    private void climbNext() {
        FeedMode tier = climbQueue == null ? null : climbQueue.poll();
        if (tier == null) {
            climbFailures++;
            scheduleClimb();
            return;
        }
        if (tier == FeedMode.POLLING) {
            if (pollOnce()) {
                promote(FeedMode.POLLING, null);
            } else {
                climbNext();
            }
            return;
        }
        startAttempt(tier);
    }

    private void scheduleClimb() {
        if (closed || climbTask != null || mode == best()) {
            return;
        }
        Duration delay = climbBackoff.delayBefore(climbFailures + 1);
        climbTask = loop.schedule(() -> guard(this::climb), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void promote(FeedMode tier, OrderSocket socket) {
        FeedMode before = mode;
        if (active != null && active != socket) {
            OrderSocket old = active;
            active = null;
            old.close();
        }
        active = socket;
        candidate = null;
        settling = false;
        climbQueue = null;
        mode = tier;
        long now = System.nanoTime();
        lastHeardNanos = now;
        lastPingNanos = now;
        lastPollNanos = now;
        lastReconcileNanos = now;
        if (tier != before) {
            modeSince = clock.instant();
            LOG.info("realtime feed {} -> {}", before.wireName(), tier.wireName());
            if (before == FeedMode.ONLINE) {
                eventsSinceDrop = 0;
            }
        }
        if (tier.isBetterThan(before)) {
            climbFailures = 0;
        }
        if (tier == best() && climbTask != null) {
            climbTask.cancel(false);
            climbTask = null;
        }
        publishStatus();
        scheduleClimb();
    }

    private void tierLost(String reason) {
        FeedMode lost = mode;
        reconnects++;
        lastError = lost.wireName() + ": " + reason;
        LOG.warn("realtime feed lost {}: {}", lost.wireName(), reason);
        OrderSocket socket = active;
        active = null;
        if (socket != null) {
            socket.close();
        }
        settleFrom(below(lost));
    }

    // ---- timers ------------------------------------------------------------------------------

    private void tick() {
        if (closed || settling) {
            return;
        }
        long now = System.nanoTime();
        if (active != null) {
            if (now - lastHeardNanos > timings.heartbeatTimeout().toNanos()) {
                tierLost("no answer for " + timings.heartbeatTimeout().toMillis() + " ms (half-open socket)");
                return;
            }
            if (now - lastPingNanos >= timings.heartbeatInterval().toNanos()) {
                lastPingNanos = now;
                if (!active.send("{\"type\":\"ping\",\"timestamp\":" + clock.millis() + "}")) {
                    tierLost("ping could not be sent");
                    return;
                }
            }
            if (now - lastReconcileNanos >= timings.reconcileInterval().toNanos()) {
                lastReconcileNanos = now;
                reconcile();
            }
        }
        if (mode == FeedMode.POLLING && !pollingPaused && now - lastPollNanos >= pace().toNanos()) {
            pollNow();
        }
    }

    /** Busy pace while orders are open or just arrived; idle pace otherwise (asks the ledger only when it matters). */
    /**
     * On a socket, the order lists are read now and then anyway: Channels drops frames, and a kiosk cut
     * off from the backend posts to the local server, which only a look there reveals.
     */
    private void reconcile() {
        List<FeedMode> sources = mode == FeedMode.ONLINE && endpoints.local() != null
                ? List.of(FeedMode.ONLINE, FeedMode.POLLING) : List.of(mode);
        for (FeedMode source : sources) {
            try {
                catchUp(source);
            } catch (BackendException e) {
                LOG.debug("reconcile with {} failed: {}", source.wireName(), e.getMessage());
            }
        }
    }

    private Duration pace() {
        long now = System.nanoTime();
        boolean recentOrder = now - lastEventNanos < BUSY_AFTER_ORDER.toNanos();
        boolean busyPollDue = now - lastPollNanos >= timings.pollInterval().toNanos();
        if (recentOrder || !busyPollDue) {
            return timings.pollInterval();
        }
        return ledger.openOrders(endpoints.outletId()).isEmpty() ? timings.idlePollInterval() : timings.pollInterval();
    }

    private void pollNow() {
        lastPollNanos = System.nanoTime();
        if (!pollOnce()) {
            tierLost("the local server did not answer the poll (" + lastError + ")");
        }
    }

    private boolean pollOnce() {
        try {
            catchUp(FeedMode.POLLING);
            return true;
        } catch (BackendException e) {
            lastError = FeedMode.POLLING.wireName() + ": " + e.getMessage();
            return false;
        }
    }

    // ---- orders ------------------------------------------------------------------------------

    /** Reads the server's order list since the last id read and delivers what is new or changed. */
    private void catchUp(FeedMode tier) throws BackendException {
        OrderServerClient client = tier == FeedMode.ONLINE ? endpoints.central() : endpoints.local();
        String source = client.origin().name();
        long cursor = ledger.cursor(source);
        long newest = cursor;
        for (Order order : client.ordersSince(endpoints.outletId(), cursor)) {
            deliver(ledger.record(order), tier);
            Long id = client.origin() == OrderCodec.Origin.CENTRAL ? order.centralId() : order.localId();
            newest = Math.max(newest, id == null ? 0 : id);
        }
        if (newest > cursor) {
            ledger.advanceCursor(source, newest);
        }
    }

    private void onText(FeedMode tier, String text) {
        Frame frame;
        try {
            frame = (tier == FeedMode.ONLINE ? centralFrames : localFrames).decode(text);
        } catch (FrameDecoder.BadFrameException e) {
            lastError = tier.wireName() + ": " + e.getMessage();
            LOG.warn("ignoring a bad frame on {}: {}", tier.wireName(), e.getMessage());
            return;
        }
        if (frame instanceof Frame.PongFrame pong) {
            if (pong.timestamp() > 0) {
                lastRtt = Duration.ofMillis(Math.max(0, clock.millis() - pong.timestamp()));
            }
        } else if (frame instanceof Frame.KitchenStatusFrame kitchen) {
            listeners.forEach(listener -> listener.onKitchenStatus(kitchen.data()));
        } else if (frame instanceof Frame.UnknownFrame unknown) {
            if (unknownTypesLogged.add(unknown.type())) {
                LOG.info("ignoring frames of unknown type \"{}\" on {}", unknown.type(), tier.wireName());
            }
        } else if (frame instanceof Frame.OrderFrame order) {
            onOrderFrame(tier, order);
        }
    }

    private void onOrderFrame(FeedMode tier, Frame.OrderFrame frame) {
        if (ledger.find(frame.order()) == null) {
            try {
                catchUp(tier); // the list carries every key (client_order_id too) and anything dropped before
            } catch (BackendException e) {
                LOG.warn("catch-up after a frame failed on {}: {}; using the frame alone", tier.wireName(),
                        e.getMessage());
            }
        }
        deliver(ledger.record(frame.order()), tier);
    }

    private void deliver(OrderLedger.Recorded recorded, FeedMode via) {
        OrderEventType type = switch (recorded.outcome()) {
            case NEW -> OrderEventType.NEW_ORDER;
            case CHANGED -> OrderEventType.forStatusChange(recorded.order().status());
            case DUPLICATE -> null;
        };
        if (type == null) {
            return;
        }
        lastEventNanos = System.nanoTime();
        lastEventAt = clock.instant();
        if (via != FeedMode.ONLINE) {
            eventsSinceDrop++;
        }
        OrderEvent event = new OrderEvent(type, recorded.order(), via);
        for (FeedListener listener : listeners) {
            try {
                listener.onOrder(event);
            } catch (RuntimeException e) {
                LOG.error("an order listener failed on {}", recorded.order().label(), e);
            }
        }
    }

    // ---- sockets -----------------------------------------------------------------------------

    private final OrderSocket.Listener socketListener = new OrderSocket.Listener() {
        @Override
        public void onOpen(OrderSocket socket) {
            post(() -> {
                if (candidate == null || candidate.socket() != socket) {
                    socket.close();
                    return;
                }
                FeedMode tier = candidate.tier();
                try {
                    catchUp(tier);
                } catch (BackendException e) {
                    candidate = null;
                    socket.close();
                    attemptFailed(tier, "connected, but could not catch up: " + e.getMessage());
                    return;
                }
                promote(tier, socket);
            });
        }

        @Override
        public void onText(OrderSocket socket, String text) {
            post(() -> {
                if (socket == active) {
                    lastHeardNanos = System.nanoTime();
                    RealtimeFeed.this.onText(mode, text);
                }
            });
        }

        @Override
        public void onClosed(OrderSocket socket, String reason) {
            post(() -> {
                if (candidate != null && candidate.socket() == socket) {
                    attemptFailed(candidate.tier(), reason);
                } else if (socket == active) {
                    tierLost(reason);
                }
            });
        }
    };

    // ---- plumbing ----------------------------------------------------------------------------

    private void publishStatus() {
        status = snapshot();
        listeners.forEach(listener -> listener.onStatus(status));
    }

    private FeedStatus snapshot() {
        return new FeedStatus(mode, modeSince, mode == FeedMode.ONLINE, mode == FeedMode.LOCAL,
                mode == FeedMode.POLLING, pollingPaused, lastRtt, reconnects, lastEventAt, lastError, eventsSinceDrop);
    }

    private void post(Runnable work) {
        try {
            loop.execute(() -> guard(work));
        } catch (RejectedExecutionException e) {
            // closing: late socket callbacks have nothing left to update
        }
    }

    private void guard(Runnable work) {
        if (closed) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("realtime feed step failed", e);
            lastError = "internal: " + e;
        }
    }

    @Override
    public void close() {
        post(() -> {
            closed = true;
            if (active != null) {
                active.close();
            }
            if (candidate != null) {
                candidate.socket().close();
            }
        });
        loop.shutdown();
        try {
            if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.shutdownNow();
        }
    }
}
