package id.outletkiosk.testing;

import id.outletkiosk.server.StoreServer;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real store server on a loopback port over a SQLite file in a fresh folder for each test: the set-up the store
 * server's route tests share, registered with {@code @RegisterExtension}. After each test (after the test's own
 * {@code @AfterEach}) it closes whatever it opened: the server, every database it opened, then the folder, so a
 * test that restarts the server three times leaves no open file behind.
 */
public final class StoreServerFixture implements BeforeEachCallback, AfterEachCallback {
    private final Clock clock;
    private final int keepClosed;
    private Path folder;
    private StoreServerOrders store;
    private StoreServer server;

    /**
     * @param keepClosed how many closed orders per outlet the store keeps ({@link StoreServerOrders})
     */
    public StoreServerFixture(Clock clock, int keepClosed) {
        this.clock = clock;
        this.keepClosed = keepClosed;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("store-server-test");
    }

    /** The test's folder: the database is local.db in it. */
    public Path folder() {
        return folder;
    }

    /** The server's orders, the database opened on first use (a test may fill it before any server starts). */
    public StoreServerOrders store() {
        if (store == null) {
            store = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("local.db")), clock, keepClosed);
        }
        return store;
    }

    /** Starts a server on the fixture's clock, in place of the one running (the database stays open). */
    public StoreServer start(StoreServer.Options options) {
        return start(options, clock);
    }

    /** Starts a server whose limits run on {@code serverClock}, in place of the one running. */
    public StoreServer start(StoreServer.Options options, Clock serverClock) {
        stopServer();
        server = new StoreServer(store(), options, serverClock).start();
        return server;
    }

    /** As the process would restart: the server and the database closed, then both opened again from the file. */
    public StoreServer restart(StoreServer.Options options) {
        stopServer();
        closeStore();
        return start(options);
    }

    /** The running server. */
    public StoreServer server() {
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopServer();
        closeStore();
        TempFolders.deleteWhenQuiet(folder);
    }

    private void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
