package id.outletkiosk.sync;

import static id.outletkiosk.sync.TierState.isSocketTier;

import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.sync.TierState.Attempt;
import id.outletkiosk.sync.TierState.Step;
import id.outletkiosk.sync.TierState.Transport;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which transport the realtime feed is on and what it tries next, as a pure state machine: no threads,
 * no I/O, no clock of its own. Time comes in with every event ({@code nowNanos}, from one monotonic
 * source), and every event answers with the {@link FeedCommand}s the shell must carry out.
 *
 * <ul>
 *   <li><b>Settling</b>: no transport is live; tiers are tried one after another, best first at start,
 *       from the next one down after a loss. Nothing answers: live on OFFLINE.</li>
 *   <li><b>Live</b>: orders come over one transport. A socket is pinged every heartbeat interval and is
 *       lost when a ping goes the pong timeout without an answer (a half-open socket TCP does not report); its lists
 *       are re-read every reconcile interval. Polling reads the store server's list at the busy or idle
 *       pace, not at all while paused. Below the best tier a climb is due after a backoff
 *       ({@link ClimbSchedule}).</li>
 *   <li><b>Climbing</b>: still live, while a better tier is tried, best first. One that connects and
 *       catches up replaces the live transport; when none does, the next climb waits longer.</li>
 * </ul>
 *
 * Every attempt and transport has a ticket; an answer carrying another ticket belongs to something
 * already given up and is ignored. Each transition is logged once, at INFO, with its reason.
 */
final class TierMachine {
    private static final Logger LOG = LoggerFactory.getLogger(TierMachine.class);
    static final long NEVER = Long.MAX_VALUE;

    /** Why the machine moved. */
    enum Reason {
        STARTED("started"),
        SOCKET_OPEN("socket open, catching up"),
        CAUGHT_UP("caught up, live"),
        ATTEMPT_FAILED("attempt failed"),
        SOCKET_CLOSED("socket closed"),
        HALF_OPEN("ping unanswered"),
        PING_FAILED("ping not sent"),
        POLL_FAILED("poll failed"),
        CLIMB_DUE("climb due"),
        CLIMB_FAILED("no better tier answered, backing off"),
        CLOSED("closed");

        private final String words;

        Reason(String words) {
            this.words = words;
        }
    }

    private final List<FeedMode> tiers;
    private final Settings.FeedTimings timings;
    private final ClimbSchedule climbs;

    private TierState state = new TierState.Idle();
    private FeedMode mode = FeedMode.OFFLINE;
    private long lastTicket;
    private int reconnects;
    private boolean pollingPaused;
    private String lastError;
    private List<FeedCommand> commands = new ArrayList<>();
    private final LivePace pace;

    /** @param tiers the transports the endpoints allow, best first (OFFLINE not listed) */
    TierMachine(List<FeedMode> tiers, Settings.FeedTimings timings, Backoff climbBackoff) {
        this.tiers = List.copyOf(tiers);
        this.timings = timings;
        this.climbs = new ClimbSchedule(best(), climbBackoff);
        this.pace = new LivePace(timings);
    }

    TierState state() {
        return state;
    }

    /** The transport shown to people: the last one that went live (kept while settling). */
    FeedMode mode() {
        return mode;
    }

    int reconnects() {
        return reconnects;
    }

    boolean pollingPaused() {
        return pollingPaused;
    }

    String lastError() {
        return lastError;
    }

    List<FeedCommand> start(long nowNanos) {
        return run(() -> {
            if (state instanceof TierState.Idle) {
                settleFrom(best(), Reason.STARTED, "", nowNanos);
            }
        });
    }

    List<FeedCommand> socketOpened(long ticket, long nowNanos) {
        return run(() -> {
            Attempt attempt = state.attemptInProgress();
            if (attempt == null || attempt.ticket() != ticket || attempt.step() != Step.CONNECTING) {
                commands.add(new FeedCommand.CloseSocket(ticket)); // nobody waits for it any more
                return;
            }
            Attempt catchingUp = attempt.catchingUp();
            moveTo(state instanceof TierState.Climbing climbing ? new TierState.Climbing(climbing.on(), catchingUp)
                    : new TierState.Settling(catchingUp), Reason.SOCKET_OPEN, "");
            commands.add(new FeedCommand.ReadList(ticket, attempt.tier(), CatchUp.JOIN));
        });
    }

    List<FeedCommand> socketClosed(long ticket, String reason, long nowNanos) {
        return run(() -> {
            Attempt attempt = state.attemptInProgress();
            Transport on = state.liveTransport();
            if (attempt != null && attempt.ticket() == ticket) {
                attemptFailed(attempt, reason, nowNanos);
            } else if (on != null && on.ticket() == ticket) {
                lost(on, Reason.SOCKET_CLOSED, reason, nowNanos);
            }
        });
    }

    /** Anything arrived on a socket: it is alive. */
    List<FeedCommand> heard(long ticket, long nowNanos) {
        Transport on = state.liveTransport();
        if (on != null && on.ticket() == ticket) {
            pace.heard();
        }
        return List.of();
    }

    List<FeedCommand> pingFailed(long ticket, long nowNanos) {
        return run(() -> {
            Transport on = state.liveTransport();
            if (on != null && on.ticket() == ticket) {
                lost(on, Reason.PING_FAILED, "ping could not be sent", nowNanos);
            }
        });
    }

    /** @param problem why the list could not be read, or {@code null} when it was read and recorded */
    List<FeedCommand> listRead(long ticket, CatchUp why, String problem, long nowNanos) {
        return listRead(ticket, why, problem, FailurePolicy.Decision.FALL_BACK_TO_STORE_SERVER, nowNanos);
    }

    /**
     * @param problem  why the list could not be read, or {@code null} when it was read and recorded
     * @param decision the failure policy's word on it: a refused token or a server that sends nonsense is
     *                 climbed back to only at the longest backoff step
     */
    List<FeedCommand> listRead(long ticket, CatchUp why, String problem, FailurePolicy.Decision decision,
            long nowNanos) {
        return run(() -> {
            if (why == CatchUp.JOIN && problem != null) {
                climbs.joinFailed(decision);
            }
            Attempt attempt = state.attemptInProgress();
            Transport on = state.liveTransport();
            if (why == CatchUp.JOIN && attempt != null && attempt.ticket() == ticket
                    && attempt.step() == Step.CATCHING_UP) {
                joined(attempt, problem, nowNanos);
            } else if (why == CatchUp.POLL && on != null && on.ticket() == ticket) {
                pace.pollAnswered();
                if (problem != null) {
                    lost(on, Reason.POLL_FAILED, "the store server did not answer the poll (" + problem + ")",
                            nowNanos);
                }
            } else if (why == CatchUp.RECONCILE && on != null && on.ticket() == ticket) {
                pace.reconcileReadAnswered();
            }
        });
    }

    /**
     * The heartbeat, the poll pace, the reconcile and the climb, as of {@code nowNanos}.
     *
     * @param ordersBusy orders are open or one just arrived: poll at the busy pace
     */
    List<FeedCommand> tick(long nowNanos, boolean ordersBusy) {
        return run(() -> {
            Attempt attempt = state.attemptInProgress();
            if (handshakeOverdue(attempt, nowNanos)) {
                commands.add(new FeedCommand.CloseSocket(attempt.ticket()));
                attemptFailed(attempt, "no answer to the WebSocket handshake in " + handshakeDeadline().toMillis()
                        + " ms", nowNanos);
                return;
            }
            Transport on = state.liveTransport();
            if (on == null) {
                return;
            }
            if (on.isSocket()) {
                if (pace.isPingUnanswered(nowNanos)) {
                    lost(on, Reason.HALF_OPEN, "no answer to a ping in " + timings.pongTimeout().toMillis()
                            + " ms (half-open socket)", nowNanos);
                    return;
                }
                if (pace.takePing(nowNanos)) {
                    commands.add(new FeedCommand.SendPing(on.ticket()));
                }
                if (pace.isReconcileDue(nowNanos)) {
                    reconcile(on, nowNanos);
                }
            } else if (on.tier() == FeedMode.POLLING && !pollingPaused && pace.isPollDue(nowNanos, ordersBusy)) {
                poll(on, nowNanos);
            }
            if (state instanceof TierState.Live live && nowNanos >= live.climbAtNanos()) {
                climb(live.on(), nowNanos);
            }
        });
    }

    /** The window is hidden: stop polling (sockets stay, they cost nothing). */
    List<FeedCommand> pausePolling() {
        return run(() -> {
            pollingPaused = true;
            commands.add(new FeedCommand.PublishStatus());
        });
    }

    /** The window is shown again: poll at once, then at the usual pace. */
    List<FeedCommand> resumePolling(long nowNanos) {
        return run(() -> {
            pollingPaused = false;
            Transport on = state.liveTransport();
            if (on != null && on.tier() == FeedMode.POLLING && !pace.isPollInFlight()) {
                poll(on, nowNanos);
            }
            commands.add(new FeedCommand.PublishStatus());
        });
    }

    List<FeedCommand> close() {
        return run(() -> {
            Transport on = state.liveTransport();
            Attempt attempt = state.attemptInProgress();
            if (on != null && on.isSocket()) {
                commands.add(new FeedCommand.CloseSocket(on.ticket()));
            }
            if (attempt != null && isSocketTier(attempt.tier())) {
                commands.add(new FeedCommand.CloseSocket(attempt.ticket()));
            }
            if (!(state instanceof TierState.Closed)) {
                moveTo(new TierState.Closed(), Reason.CLOSED, "");
            }
        });
    }

    private void joined(Attempt attempt, String problem, long nowNanos) {
        if (problem == null) {
            goLive(new Transport(attempt.ticket(), attempt.tier()), Reason.CAUGHT_UP, "", nowNanos);
            return;
        }
        if (isSocketTier(attempt.tier())) {
            commands.add(new FeedCommand.CloseSocket(attempt.ticket()));
            attemptFailed(attempt, "connected, but could not catch up: " + problem, nowNanos);
        } else {
            attemptFailed(attempt, problem, nowNanos);
        }
    }

    /** Tries {@code from}, or the first tier below it the endpoints allow; OFFLINE when none is left. */
    private void settleFrom(FeedMode from, Reason reason, String detail, long nowNanos) {
        for (FeedMode tier : tiers) {
            if (!tier.isBetterThan(from)) {
                moveTo(new TierState.Settling(begin(tier, nowNanos)), reason, detail);
                return;
            }
        }
        goLive(new Transport(++lastTicket, FeedMode.OFFLINE), reason, detail, nowNanos);
    }

    private void attemptFailed(Attempt attempt, String reason, long nowNanos) {
        noteProblem(attempt.tier().wireName() + ": " + reason);
        if (state instanceof TierState.Climbing climbing) {
            climbPast(climbing.on(), attempt.tier(), nowNanos);
        } else {
            settleFrom(attempt.tier().worse(), Reason.ATTEMPT_FAILED, lastError, nowNanos);
        }
    }

    private void climb(Transport on, long nowNanos) {
        for (FeedMode tier : tiers) {
            if (tier.isBetterThan(on.tier())) {
                moveTo(new TierState.Climbing(on, begin(tier, nowNanos)), Reason.CLIMB_DUE, "");
                return;
            }
        }
        moveTo(new TierState.Live(on, NEVER), Reason.CLIMB_DUE, "already on the best tier");
    }

    /** The attempt on {@code failed} did not work: the next better tier, or a longer wait before the next climb. */
    private void climbPast(Transport on, FeedMode failed, long nowNanos) {
        for (FeedMode tier : tiers) {
            if (failed.isBetterThan(tier) && tier.isBetterThan(on.tier())) {
                moveTo(new TierState.Climbing(on, begin(tier, nowNanos)), Reason.ATTEMPT_FAILED, lastError);
                return;
            }
        }
        climbs.climbFailed();
        moveTo(new TierState.Live(on, climbs.climbAt(on.tier(), nowNanos)), Reason.CLIMB_FAILED, lastError);
    }

    private void lost(Transport on, Reason reason, String detail, long nowNanos) {
        reconnects++;
        noteProblem(on.tier().wireName() + ": " + detail);
        if (on.isSocket()) {
            commands.add(new FeedCommand.CloseSocket(on.ticket()));
        }
        Attempt climbing = state.attemptInProgress();
        if (climbing != null && isSocketTier(climbing.tier())) {
            // simpler to start the walk down afresh than to adopt a half-done climb; the next climb retries it
            commands.add(new FeedCommand.CloseSocket(climbing.ticket()));
        }
        commands.add(new FeedCommand.PublishStatus());
        settleFrom(on.tier().worse(), reason, detail, nowNanos);
    }

    private void goLive(Transport on, Reason reason, String detail, long nowNanos) {
        Transport before = state.liveTransport();
        if (before != null && before.isSocket() && before.ticket() != on.ticket()) {
            commands.add(new FeedCommand.CloseSocket(before.ticket()));
        }
        climbs.wentLive(on.tier(), mode);
        mode = on.tier();
        pace.reset(nowNanos);
        moveTo(new TierState.Live(on, climbs.climbAt(on.tier(), nowNanos)), reason, detail);
        commands.add(new FeedCommand.PublishStatus());
    }

    /** A socket connects first; polling has only its list to read. */
    private Attempt begin(FeedMode tier, long nowNanos) {
        long ticket = ++lastTicket;
        if (isSocketTier(tier)) {
            commands.add(new FeedCommand.Connect(ticket, tier));
            return new Attempt(ticket, tier, Step.CONNECTING, nowNanos);
        }
        commands.add(new FeedCommand.ReadList(ticket, tier, CatchUp.JOIN));
        return new Attempt(ticket, tier, Step.CATCHING_UP, nowNanos);
    }

    /**
     * A server that took the connection but has not answered the WebSocket handshake in two heartbeat
     * timeouts is as dead as a silent socket. The socket library bounds only the TCP connect (a proxy or
     * a half-open path accepts it and then says nothing), so without this an attempt could wait forever and
     * the feed with it.
     */
    private boolean handshakeOverdue(Attempt attempt, long nowNanos) {
        return attempt != null && attempt.step() == Step.CONNECTING
                && nowNanos - attempt.startedNanos() > handshakeDeadline().toNanos();
    }

    private Duration handshakeDeadline() {
        return timings.heartbeatTimeout().multipliedBy(2);
    }

    private void poll(Transport on, long nowNanos) {
        pace.pollStarted(nowNanos);
        commands.add(new FeedCommand.ReadList(on.ticket(), FeedMode.POLLING, CatchUp.POLL));
    }

    /**
     * Central's list and the store server's too: Channels drops frames, and a kiosk cut off from the
     * backend leaves its order on the store server, which only a look there reveals.
     */
    private void reconcile(Transport on, long nowNanos) {
        List<FeedMode> lists = on.tier() == FeedMode.ONLINE && tiers.contains(FeedMode.POLLING)
                ? List.of(FeedMode.ONLINE, FeedMode.POLLING) : List.of(on.tier());
        for (FeedMode list : lists) {
            commands.add(new FeedCommand.ReadList(on.ticket(), list, CatchUp.RECONCILE));
        }
        pace.reconcileStarted(nowNanos, lists.size());
    }

    private void noteProblem(String line) {
        lastError = line;
        commands.add(new FeedCommand.NoteProblem(line));
    }

    private void moveTo(TierState next, Reason reason, String detail) {
        LOG.info("realtime feed: {} -> {} ({}{})", state.describe(), next.describe(), reason.words,
                detail == null || detail.isEmpty() ? "" : ": " + detail);
        state = next;
    }

    private FeedMode best() {
        return tiers.isEmpty() ? FeedMode.OFFLINE : tiers.get(0);
    }

    private List<FeedCommand> run(Runnable step) {
        if (state instanceof TierState.Closed) {
            return List.of();
        }
        commands = new ArrayList<>();
        step.run();
        return List.copyOf(commands);
    }
}
