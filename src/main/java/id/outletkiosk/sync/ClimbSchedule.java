package id.outletkiosk.sync;

import id.outletkiosk.model.FeedMode;

/**
 * When the realtime feed next tries a better tier than the one it is live on: never from the best tier; else
 * after the climb backoff, which grows with each climb in a row that found nothing better, or at its longest step
 * when the last tier that failed to join failed in a way the {@link FailurePolicy} says to wait out (a refused
 * token, a server that sends nonsense). Going live on a better tier starts afresh. Pure, like the
 * {@link TierMachine} that owns it: time comes in as an argument.
 */
final class ClimbSchedule {
    private final FeedMode best;
    private final Backoff backoff;
    private int failuresInARow;
    /** How the last failed join failed: how long the next climb waits. */
    private FailurePolicy.Decision wait = FailurePolicy.Decision.FALL_BACK_TO_STORE_SERVER;

    ClimbSchedule(FeedMode best, Backoff backoff) {
        this.best = best;
        this.backoff = backoff;
    }

    /** A tier's list could not be read while joining it; {@code decision} is the failure policy's word on why. */
    void joinFailed(FailurePolicy.Decision decision) {
        wait = decision;
    }

    /** A climb tried every better tier and none answered: the next one waits longer. */
    void climbFailed() {
        failuresInARow++;
    }

    /** Live on {@code tier} after {@code before}: a better tier than before starts the backoff afresh. */
    void wentLive(FeedMode tier, FeedMode before) {
        if (tier.isBetterThan(before)) {
            failuresInARow = 0;
            wait = FailurePolicy.Decision.FALL_BACK_TO_STORE_SERVER;
        }
    }

    /** When a climb from {@code tier} is due, for a transport live since {@code nowNanos}. */
    long climbAt(FeedMode tier, long nowNanos) {
        return tier == best ? TierMachine.NEVER : nowNanos + wait.waitBefore(backoff, failuresInARow + 1).toNanos();
    }
}
