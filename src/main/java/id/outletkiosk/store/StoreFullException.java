package id.outletkiosk.store;

/**
 * The local store refused a write because the data folder's disk has no room left (SQLite's
 * SQLITE_FULL). Its message says so in plain words and how much is free, instead of whatever SQLite said
 * after it rolled the transaction back ("cannot commit - no transaction is active").
 */
public final class StoreFullException extends StoreException {
    private final long freeBytes;

    public StoreFullException(long freeBytes, Throwable cause) {
        super(cause, text(freeBytes));
        this.freeBytes = freeBytes;
    }

    private static String text(long freeBytes) {
        return "the local store cannot be written: the disk is full (" + freeBytes / (1024 * 1024) + " MB free)";
    }

    public long freeBytes() {
        return freeBytes;
    }
}
