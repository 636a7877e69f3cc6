package id.outletkiosk.sync;

/** A sync round failed and nothing was applied; the message is the line shown in the status. */
public class SyncFailedException extends Exception {
    private final FailurePolicy.Decision decision;

    public SyncFailedException(String message, FailurePolicy.Decision decision, Throwable cause) {
        super(message, cause);
        this.decision = decision;
    }

    /** What the failure policy makes of it: how long the schedule waits before the next round. */
    public FailurePolicy.Decision decision() {
        return decision;
    }

    /** False for a bad token or bad data: retrying soon will not help, but the schedule still tries later. */
    public boolean worthRetrying() {
        return decision == FailurePolicy.Decision.RETRY_WITH_BACKOFF
                || decision == FailurePolicy.Decision.FALL_BACK_TO_STORE_SERVER;
    }
}
