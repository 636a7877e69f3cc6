package id.outletkiosk.sync;

/** A sync round failed and nothing was applied; the message is the line shown in the status. */
public class SyncFailedException extends Exception {
    private final boolean worthRetrying;

    public SyncFailedException(String message, boolean worthRetrying, Throwable cause) {
        super(message, cause);
        this.worthRetrying = worthRetrying;
    }

    /** False for a bad token or bad data: retrying soon will not help, but the schedule still tries later. */
    public boolean worthRetrying() {
        return worthRetrying;
    }
}
