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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live orders over the best transport that works: central WebSocket, store server WebSocket, local
 * server HTTP polling, or offline. Which transport, when to ping, poll, reconcile or climb is decided
 * by the pure {@link TierMachine}; what arrives is read, recorded and delivered once by the
 * {@link OrderIntake}. This class is the shell between them and the world:
 *
 * <ul>
 *   <li>the <b>loop thread</b> ("realtime-feed") runs the machine every tick, owns the sockets and
 *       carries out the machine's commands. It never waits on the network, so a server slow to answer
 *       cannot delay a heartbeat verdict or a switch;</li>
 *   <li>the <b>intake thread</b> ("feed-intake") does every order list read, ledger write, frame
 *       decoding and delivery to listeners, one at a time, so delivery stays in order and de-dup is
 *       atomic. List outcomes are posted back to the loop thread.</li>
 * </ul>
 */
public final class RealtimeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);

    private final FeedEndpoints endpoints;
    private final Duration connectTimeout;
    private final Clock clock;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final OrderIntake intake;
    private final ScheduledExecutorService loop;
    private final ScheduledExecutorService intakeThread;

    // touched only on the loop thread
    private final TierMachine machine;
    private final Map<Long, SocketOnTier> sockets = new HashMap<>();
    private FeedMode publishedMode = FeedMode.OFFLINE;
    private final DishWatch dishWatch;
    private boolean followsDishes;
    private Instant modeSince;

    private volatile boolean closed;
    private volatile String lastError;
    private volatile FeedStatus status;

    private record SocketOnTier(OrderSocket socket, FeedMode tier) {
    }

    public RealtimeFeed(FeedEndpoints endpoints, Settings.FeedTimings timings, Duration connectTimeout,
            OrderLedger ledger, Clock clock, Backoff climbBackoff) {
        this.endpoints = endpoints;
        this.connectTimeout = connectTimeout;
        this.clock = clock;
        this.machine = new TierMachine(endpoints.tiers(), timings, climbBackoff);
        // a frame for an unknown order waits for two whole list requests (each may take twice the heartbeat
        // timeout) before it is shown on its own: shown sooner, a kiosk order central heard of late could
        // become a second ticket beside the one the store server brought
        this.intake = new OrderIntake(endpoints, ledger, clock, listeners, timings.heartbeatTimeout().multipliedBy(4));
        this.loop = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("realtime-feed"));
        this.intakeThread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("feed-intake"));
        this.modeSince = clock.instant();
        this.status = snapshot();
        this.dishWatch = new DishWatch(endpoints, connectTimeout, new DishWatch.Ears() {
            @Override
            public void heard(String text) {
                onIntake(() -> intake.onText(FeedMode.LOCAL, text));
            }

            @Override
            public void opened() {
                onIntake(() -> {
                    try {
                        intake.catchUp(FeedMode.LOCAL, CatchUp.RECONCILE); // taps made while it was away
                    } catch (BackendException e) {
                        LOG.debug("reading the store server's dishes failed: {}", e.getMessage());
                    }
                });
            }

            @Override
            public void closed(DishWatch watch, OrderSocket socket) {
                post(() -> watch.onClosed(socket, System.nanoTime()));
            }
        });
    }

    /**
     * A prep station or the expo: dish progress lives on the store server, so while on central's socket
     * the feed also hears the store server's (see {@link DishWatch}).
     */
    public void followDishes() {
        post(() -> {
            followsDishes = true;
            dishWatch.want(machine.mode() == FeedMode.ONLINE, System.nanoTime());
        });
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

    /** Finds the best working transport and starts the heartbeat, polling and climbing. */
    public void start() {
        onIntake(intake::refreshOpenOrders);
        intakeThread.scheduleWithFixedDelay(() -> guard(intake::retryHeldFrames), TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        post(() -> execute(machine.start(System.nanoTime())));
        loop.scheduleWithFixedDelay(() -> guard(this::tick), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The window is hidden: stop polling (sockets stay, they cost nothing). */
    public void pausePolling() {
        post(() -> execute(machine.pausePolling()));
    }

    /** The window is shown again: poll at once, then at the usual pace. */
    public void resumePolling() {
        post(() -> execute(machine.resumePolling(System.nanoTime())));
    }

    private void tick() {
        long now = System.nanoTime();
        execute(machine.tick(now, intake.busyAt(now)));
        dishWatch.tick(now);
    }

    /** Carries out the machine's commands; never blocks on the network. */
    private void execute(List<FeedCommand> commands) {
        for (FeedCommand command : commands) {
            if (command instanceof FeedCommand.Connect connect) {
                connect(connect.ticket(), connect.tier());
            } else if (command instanceof FeedCommand.CloseSocket close) {
                SocketOnTier socket = sockets.remove(close.ticket());
                if (socket != null) {
                    socket.socket().close();
                }
            } else if (command instanceof FeedCommand.SendPing ping) {
                sendPing(ping.ticket());
            } else if (command instanceof FeedCommand.ReadList read) {
                onIntake(() -> readList(read));
            } else if (command instanceof FeedCommand.PublishStatus) {
                publishStatus();
            } else if (command instanceof FeedCommand.NoteProblem problem) {
                lastError = problem.line();
            }
        }
    }

    private void connect(long ticket, FeedMode tier) {
        boolean central = tier == FeedMode.ONLINE;
        OrderSocket socket = new OrderSocket(central ? endpoints.centralSocket() : endpoints.localSocket(),
                central ? endpoints.centralToken() : endpoints.localToken(),
                central ? endpoints.centralTls() : endpoints.localTls(), endpoints.tokenInQuery(), connectTimeout,
                socketListener(ticket));
        sockets.put(ticket, new SocketOnTier(socket, tier));
        socket.connect();
    }

    private void sendPing(long ticket) {
        SocketOnTier socket = sockets.get(ticket);
        if (socket == null || !socket.socket().send("{\"type\":\"ping\",\"timestamp\":" + clock.millis() + "}")) {
            execute(machine.pingFailed(ticket, System.nanoTime()));
        }
    }

    /** On the intake thread: reads, records and delivers, then hands the outcome back to the loop thread. */
    private void readList(FeedCommand.ReadList read) {
        String problem = null;
        FailurePolicy.Decision decision = null;
        try {
            intake.catchUp(read.tier(), read.why());
            intake.readKitchenStatus(read.tier(), read.why());
        } catch (BackendException e) {
            problem = e.getMessage();
            decision = FailurePolicy.decide(e);
            if (read.why() == CatchUp.RECONCILE) {
                LOG.debug("reconcile with {} failed: {}", read.tier().wireName(), problem);
            }
        } catch (RuntimeException e) {
            // the ledger failed, not the server: the machine must still hear, or it would wait for ever
            LOG.error("recording the {} order list failed", read.tier().wireName(), e);
            problem = "internal: " + e;
            decision = FailurePolicy.Decision.FALL_BACK_AND_WAIT_LONGEST;
        }
        String outcome = problem;
        FailurePolicy.Decision verdict = decision == null ? FailurePolicy.Decision.FALL_BACK_TO_STORE_SERVER : decision;
        post(() -> execute(machine.listRead(read.ticket(), read.why(), outcome, verdict, System.nanoTime())));
    }

    /** Socket callbacks come on the socket's own thread: each only posts to the loop thread. */
    private OrderSocket.Listener socketListener(long ticket) {
        return new OrderSocket.Listener() {
            @Override
            public void onOpen(OrderSocket socket) {
                post(() -> execute(machine.socketOpened(ticket, System.nanoTime())));
            }

            @Override
            public void onText(OrderSocket socket, String text) {
                post(() -> onFrame(ticket, text));
            }

            @Override
            public void onClosed(OrderSocket socket, String reason) {
                post(() -> {
                    sockets.remove(ticket);
                    execute(machine.socketClosed(ticket, reason, System.nanoTime()));
                });
            }
        };
    }

    /** "Last heard" is the loop thread's (the heartbeat); decoding and recording are the intake's. */
    private void onFrame(long ticket, String text) {
        SocketOnTier socket = sockets.get(ticket);
        if (socket == null) {
            return; // a socket already given up
        }
        execute(machine.heard(ticket, System.nanoTime()));
        onIntake(() -> {
            String problem = intake.onText(socket.tier(), text);
            if (problem != null) {
                lastError = problem;
            }
        });
    }

    private void publishStatus() {
        FeedMode mode = machine.mode();
        if (mode != publishedMode) {
            if (publishedMode == FeedMode.ONLINE) {
                intake.resetEventsSinceDrop();
            }
            publishedMode = mode;
            modeSince = clock.instant();
            if (followsDishes) {
                dishWatch.want(mode == FeedMode.ONLINE, System.nanoTime());
            }
        }
        status = snapshot();
        for (FeedListener listener : listeners) {
            try {
                listener.onStatus(status);
            } catch (RuntimeException e) {
                LOG.error("a feed status listener failed", e);
            }
        }
    }

    private FeedStatus snapshot() {
        FeedMode mode = machine.mode();
        return new FeedStatus(mode, modeSince, mode == FeedMode.ONLINE, mode == FeedMode.LOCAL,
                mode == FeedMode.POLLING, machine.pollingPaused(), intake.lastRtt(), machine.reconnects(),
                intake.lastEventAt(), lastError, intake.eventsSinceDrop());
    }

    private void post(Runnable work) {
        try {
            loop.execute(() -> guard(work));
        } catch (RejectedExecutionException e) {
            // closing: late socket callbacks and list outcomes have nothing left to update
        }
    }

    private void onIntake(Runnable work) {
        try {
            intakeThread.execute(() -> guard(work));
        } catch (RejectedExecutionException e) {
            // closing: nobody listens any more
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

    /** Closes the sockets, then ends both threads (a list read still waiting for a server ends with its timeout). */
    @Override
    public void close() {
        post(() -> {
            execute(machine.close());
            dishWatch.close();
            closed = true;
        });
        stop(loop, "realtime feed loop");
        closed = true;
        stop(intakeThread, "realtime feed intake");
    }

    private static void stop(ScheduledExecutorService thread, String name) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
                LOG.warn("the {} did not end within {} ms (waiting for a server?)", name, CLOSE_PATIENCE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
