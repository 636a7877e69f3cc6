package id.outletkiosk.store;

/** The local SQLite store failed; the message says what we were doing. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
                cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** For a subclass whose message is already whole (it names the cause in its own words). */
    protected StoreException(Throwable cause, String message) {
        super(message, cause);
    }
}
