package id.outletkiosk.sync;

import id.outletkiosk.config.Settings;

/**
 * The clocks of the one transport that is live: when its socket was last pinged and since when a ping has
 * gone unanswered, when the
 * store server was last polled, when the lists were last reconciled, and which of those reads are
 * still out. Pure, like the {@link TierMachine} that owns it: time comes in as an argument. Reset
 * whenever another transport goes live, so nothing carries over from the last one.
 */
final class LivePace {
    private final Settings.FeedTimings timings;

    private static final long NONE = -1;

    private long lastPingNanos;
    /** When the first ping not yet followed by anything heard was sent, or {@link #NONE}. */
    private long unansweredSinceNanos = NONE;
    private long lastPollNanos;
    private boolean pollInFlight;
    private long lastReconcileNanos;
    private int reconcileReadsInFlight;

    LivePace(Settings.FeedTimings timings) {
        this.timings = timings;
    }

    /** A transport just went live (it was heard: it answered its catch-up). */
    void reset(long nowNanos) {
        unansweredSinceNanos = NONE;
        lastPingNanos = nowNanos;
        lastPollNanos = nowNanos;
        lastReconcileNanos = nowNanos;
        pollInFlight = false;
        reconcileReadsInFlight = 0;
    }

    /** Anything arrived on the socket (a pong, an event): every ping sent so far is answered. */
    void heard() {
        unansweredSinceNanos = NONE;
    }

    /**
     * A ping has gone the whole pong timeout without a word back: a half-open socket, which TCP does not
     * report. A deadline per ping rather than a silence window: a socket that freezes is found at most one
     * heartbeat interval plus the pong timeout later, however long it had been quiet before.
     */
    boolean isPingUnanswered(long nowNanos) {
        return unansweredSinceNanos != NONE && nowNanos - unansweredSinceNanos >= timings.pongTimeout().toNanos();
    }

    /** True (and counted as sent) when a ping is due. */
    boolean takePing(long nowNanos) {
        if (nowNanos - lastPingNanos < timings.heartbeatInterval().toNanos()) {
            return false;
        }
        lastPingNanos = nowNanos;
        if (unansweredSinceNanos == NONE) {
            unansweredSinceNanos = nowNanos;
        }
        return true;
    }

    /** True when the last poll answered and the busy or idle interval has passed since it started. */
    boolean isPollDue(long nowNanos, boolean ordersBusy) {
        return !pollInFlight && nowNanos - lastPollNanos >= (ordersBusy ? timings.pollInterval()
                : timings.idlePollInterval()).toNanos();
    }

    boolean isPollInFlight() {
        return pollInFlight;
    }

    void pollStarted(long nowNanos) {
        lastPollNanos = nowNanos;
        pollInFlight = true;
    }

    void pollAnswered() {
        pollInFlight = false;
    }

    /** True when the last round of reads has answered and the reconcile interval has passed. */
    boolean isReconcileDue(long nowNanos) {
        return reconcileReadsInFlight == 0 && nowNanos - lastReconcileNanos >= timings.reconcileInterval().toNanos();
    }

    void reconcileStarted(long nowNanos, int reads) {
        lastReconcileNanos = nowNanos;
        reconcileReadsInFlight = reads;
    }

    void reconcileReadAnswered() {
        reconcileReadsInFlight--;
    }
}
