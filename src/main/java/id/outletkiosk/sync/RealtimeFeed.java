package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderSocket;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.store.OrderLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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

    private final FeedEndpoints endpoints;
    private final Settings.FeedTimings timings;
    private final Duration connectTimeout;
    private final OrderLedger ledger;
    private final Clock clock;
    private final Backoff climbBackoff;
    private final ScheduledExecutorService loop;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final OrderIntake intake;

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
    private int reconnects;
    private int climbFailures;
    private String lastError;
    private ScheduledFuture<?> climbTask;
    private boolean closed;

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
        this.intake = new OrderIntake(endpoints, ledger, clock, listeners, timings.heartbeatTimeout().multipliedBy(2));
        this.loop = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("realtime-feed"));
        this.modeSince = clock.instant();
        this.status = snapshot();
    }

    public void addListener(FeedListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FeedListener listener) {
        listeners.remove(listener);
    }

    /** As last published, with the event and pong times read fresh (they change between publications). */
    public FeedStatus status() {
        return status.withLatest(intake.lastRtt(), intake.lastEventAt());
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

    private FeedMode best() {
        List<FeedMode> tiers = endpoints.tiers();
        return tiers.isEmpty() ? FeedMode.OFFLINE : tiers.get(0);
    }

    /** Walks down from {@code from} until a tier works; sockets answer later, through their listener. */
    private void settleFrom(FeedMode from) {
        settling = true;
        for (FeedMode tier : endpoints.tiers()) {
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
                central ? endpoints.centralToken() : endpoints.localToken(),
                central ? endpoints.centralTls() : endpoints.localTls(), endpoints.tokenInQuery(), connectTimeout,
                socketListener);
        candidate = new Attempt(tier, socket);
        socket.connect();
    }

    private void attemptFailed(FeedMode tier, String reason) {
        candidate = null;
        lastError = tier.wireName() + ": " + reason;
        if (settling) {
            settleFrom(tier.worse());
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
        for (FeedMode tier : endpoints.tiers()) {
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
        if (closed || loop.isShutdown() || climbTask != null || mode == best()) {
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
                intake.resetEventsSinceDrop();
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
        settleFrom(lost.worse());
    }

    private void tick() {
        if (closed || settling) {
            return;
        }
        intake.retryHeldFrames();
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
                intake.reconcile(mode);
            }
        }
        if (mode == FeedMode.POLLING && !pollingPaused && now - lastPollNanos >= intake.pollPace(timings, lastPollNanos).toNanos()) {
            pollNow();
        }
    }

    /** Busy pace while orders are open or just arrived; idle pace otherwise (asks the ledger only when it matters). */
    private void pollNow() {
        lastPollNanos = System.nanoTime();
        if (!pollOnce()) {
            tierLost("the local server did not answer the poll (" + lastError + ")");
        }
    }

    private boolean pollOnce() {
        try {
            intake.catchUp(FeedMode.POLLING);
            return true;
        } catch (BackendException e) {
            lastError = FeedMode.POLLING.wireName() + ": " + e.getMessage();
            return false;
        }
    }

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
                    intake.catchUp(tier);
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
                    String problem = intake.onText(mode, text);
                    if (problem != null) {
                        lastError = problem;
                    }
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

    private void publishStatus() {
        status = snapshot();
        listeners.forEach(listener -> listener.onStatus(status));
    }

    private FeedStatus snapshot() {
        return new FeedStatus(mode, modeSince, mode == FeedMode.ONLINE, mode == FeedMode.LOCAL,
                mode == FeedMode.POLLING, pollingPaused, intake.lastRtt(), reconnects, intake.lastEventAt(), lastError,
                intake.eventsSinceDrop());
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
