package id.outletkiosk.testing;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.MasterDataClient;
import id.outletkiosk.api.MasterDataDecoder;
import id.outletkiosk.store.CatalogStore;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.MasterDataStore;
import id.outletkiosk.sync.MasterDataSync;
import id.outletkiosk.sync.SyncStatusTracker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A real store in a temp folder and a real client against some backend URL, wired as the app wires them. */
public final class SyncHarness implements AutoCloseable {
    public final Database database;
    public final MasterDataStore store;
    public final CatalogStore catalog;
    public final SyncStatusTracker status;
    public final BackendClient client;
    public final MasterDataSync sync;

    public SyncHarness(Path folder, URI backend, String token, Duration timeout, long maxBody, Clock clock) {
        this.database = Database.open(folder.resolve("store.db"));
        this.store = new MasterDataStore(database);
        this.catalog = new CatalogStore(database);
        this.status = SyncStatusTracker.fromStore(store, Duration.ofHours(24));
        this.client = new BackendClient(backend, token, timeout, timeout, timeout.multipliedBy(4), maxBody);
        this.sync = new MasterDataSync(new MasterDataClient(client, new MasterDataDecoder(TestClocks.JAKARTA)), store,
                status, clock);
    }

    public static SyncHarness against(Path folder, URI backend) {
        return new SyncHarness(folder, backend, null, Duration.ofSeconds(5), 16L * 1024 * 1024,
                TestClocks.noonInJakarta());
    }

    /** The same store, read by a client pointed elsewhere (a faulty server, say). */
    public SyncHarness pointedAt(Path folder, URI otherBackend, Duration timeout, long maxBody) {
        return new SyncHarness(folder, otherBackend, null, timeout, maxBody, TestClocks.noonInJakarta());
    }

    @Override
    public void close() {
        client.close();
    }
}
