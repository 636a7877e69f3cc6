package id.outletkiosk.sync;

import id.outletkiosk.config.Settings;

/**
 * The clocks of the one transport that is live: when its socket was last heard and pinged, when the
 * store server was last polled, when the lists were last reconciled, and which of those reads are
 * still out. Pure, like the {@link TierMachine} that owns it: time comes in as an argument. Reset
 * whenever another transport goes live, so nothing carries over from the last one.
 */
final class LivePace {
    private final Settings.FeedTimings timings;

    private long lastHeardNanos;
    private long lastPingNanos;
    private long lastPollNanos;
    private boolean pollInFlight;
    private long lastReconcileNanos;
    private int reconcileReadsInFlight;

    LivePace(Settings.FeedTimings timings) {
        this.timings = timings;
    }

    /** A transport just went live (it was heard: it answered its catch-up). */
    void reset(long nowNanos) {
        lastHeardNanos = nowNanos;
        lastPingNanos = nowNanos;
        lastPollNanos = nowNanos;
        lastReconcileNanos = nowNanos;
        pollInFlight = false;
        reconcileReadsInFlight = 0;
    }

    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    /** Silent for the whole heartbeat timeout: a half-open socket, which TCP does not report. */
    boolean isSilent(long nowNanos) {
        return nowNanos - lastHeardNanos >= timings.heartbeatTimeout().toNanos();
    }

    /** True (and counted as sent) when a ping is due. */
    boolean takePing(long nowNanos) {
        if (nowNanos - lastPingNanos < timings.heartbeatInterval().toNanos()) {
            return false;
        }
        lastPingNanos = nowNanos;
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
