package id.outletkiosk.store;

import id.outletkiosk.model.StoreDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite file in the data folder. Each unit of work gets its own short-lived connection, so readers
 * (the screens) and the writer (sync) never share one; WAL lets them run side by side.
 */
public final class Database implements AutoCloseable {
    /** Idle read connections kept for busy servers; more readers than this open and close their own. */
    private static final int POOLED_READERS = 8;
    /** Less than this free on the data folder's disk and the store is called full before a write fails. */
    public static final long SPACE_FLOOR_BYTES = 1024 * 1024;

    private final java.util.concurrent.BlockingQueue<Connection> idleReaders =
            new java.util.concurrent.ArrayBlockingQueue<>(POOLED_READERS);
    private final Path file;
    private final String url;
    private final SQLiteConfig config;
    /** Set when a write failed for want of space, cleared by the next write that commits. */
    private volatile boolean refusedForSpace;

    private Database(Path file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL survives a crash of the app; only a power cut may lose the last commit, which a
        // master-data sync simply fetches again. The outbox raises this where it must.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }

    /** Opens (creating if needed) the store and brings its schema up to date. */
    public static Database open(Path file) {
        return openWith(file, Migrations.SCRIPTS);
    }

    /** Opens the store with these schema scripts only: a store as an older app left it (migration tests). */
    static Database openWith(Path file, java.util.List<String> scripts) {
        Database database = new Database(file);
        Migrations.apply(database, scripts);
        return database;
    }

    /** Opens the store server's own store (a different schema from a terminal's). */
    public static Database openStoreServerDatabase(Path file) {
        Database database = new Database(file);
        Migrations.apply(database, Migrations.LOCAL_SERVER_SCRIPTS);
        return database;
    }

    public Path file() {
        return file;
    }

    /**
     * The database on disk: its file and its write-ahead log (which holds recent commits until a checkpoint
     * folds them in). A file missing at the moment counts as 0.
     */
    public long sizeBytes() {
        return sizeOf(file) + sizeOf(file.resolveSibling(file.getFileName() + "-wal"));
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Runs read-only work on a fresh connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure("reading the local store " + file.getFileName(), e);
        }
    }

    /**
     * Runs read-only work on a pooled connection: for a server answering thousands of polls a second,
     * where opening a connection per request would cost more than the query.
     */
    public <T> T readPooled(SqlWork<T> work) {
        Connection connection = idleReaders.poll();
        try {
            if (connection == null) {
                connection = connect();
            }
            T result = work.run(connection);
            if (idleReaders.offer(connection)) {
                connection = null;
            }
            return result;
        } catch (SQLException e) {
            throw failure("reading the local store " + file.getFileName(), e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** Closes the pooled read connections; the database can still be used (it opens new ones). */
    @Override
    public void close() {
        Connection idle;
        while ((idle = idleReaders.poll()) != null) {
            closeQuietly(idle);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a read-only connection loses nothing
            }
        }
    }

    /** Runs work in one transaction: all of it commits, or none of it. */
    public <T> T write(SqlWork<T> work) {
        try (Connection connection = connect()) {
            return wrote(Sql.inTransaction(connection, work));
        } catch (SQLException e) {
            throw writeFailure(e);
        }
    }

    private <T> T wrote(T result) {
        refusedForSpace = false;
        return result;
    }

    /**
     * A failed write in words a person can act on: a full disk says so and how much is left (SQLite's
     * SQLITE_FULL, or the file system's "no space left" under it), anything else what we were doing.
     */
    private StoreException writeFailure(SQLException e) {
        return failure("writing the local store " + file.getFileName(), e);
    }

    /**
     * Any failure of the store: a full disk, or an I/O error with (almost) no space left (SQLite's shared
     * memory file cannot grow at start: SQLITE_IOERR_SHMSIZE), becomes a {@link StoreFullException}.
     */
    StoreException failure(String doing, SQLException e) {
        if (isFull(e) || isIoError(e) && freeBytes() < SPACE_FLOOR_BYTES) {
            refusedForSpace = true;
            return new StoreFullException(freeBytes(), e);
        }
        return new StoreException(doing + " failed", e);
    }

    private static boolean isIoError(SQLException e) {
        return e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_IOERR.code;
    }

    /** SQLITE_FULL anywhere in the chain: as the error, its cause, or hidden under a failed rollback. */
    static boolean isFull(Throwable error) {
        for (Throwable at = error; at != null; at = at.getCause()) {
            if (at instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                    || at instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_FULL.code
                    || at.getMessage() != null && (at.getMessage().contains("database or disk is full")
                            || at.getMessage().contains("No space left on device"))) {
                return true;
            }
            for (Throwable suppressed : at.getSuppressed()) {
                if (isFull(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the data folder's disk still has for the store; unknown counts as plenty (no false alarm). */
    public long freeBytes() {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Whether the store can take writes now: not when the last write was refused for want of space (until
     * one commits again), nor with less than {@link #SPACE_FLOOR_BYTES} left, where the next order's pages
     * and its log would not fit for long. Cheap (one statfs): a kiosk asks before each customer pays.
     */
    public StoreDisk disk() {
        long free = freeBytes();
        return new StoreDisk(!refusedForSpace && free >= SPACE_FLOOR_BYTES, free / (1024 * 1024));
    }

    Connection connect() throws SQLException {
        return config.createConnection(url);
    }

    /**
     * One connection kept open for a single busy user (the realtime feed records every order event):
     * opening a connection per event would cost more than the event's own work.
     */
    public Session openSession() {
        try {
            return new Session(connect());
        } catch (SQLException e) {
            throw failure("opening the local store " + file.getFileName(), e);
        }
    }

    /**
     * A kept-open connection whose commits reach the disk before they return ({@code synchronous=FULL}):
     * for orders, where a power cut must not take back a reference a customer was given.
     */
    public Session openDurableSession() {
        try {
            Connection connection = connect();
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA synchronous = FULL");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new Session(connection);
        } catch (SQLException e) {
            throw failure("opening the local store " + file.getFileName(), e);
        }
    }

    /** A kept-open connection with the same read and write units as {@link Database}; one caller at a time. */
    public final class Session implements AutoCloseable {
        private final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        public synchronized <T> T read(SqlWork<T> work) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw failure("reading the local store " + file.getFileName(), e);
            }
        }

        public synchronized <T> T write(SqlWork<T> work) {
            try {
                return wrote(Sql.inTransaction(connection, work));
            } catch (SQLException e) {
                throw writeFailure(e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("closing the local store " + file.getFileName() + " failed", e);
            }
        }
    }

    /** A unit of work on a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
