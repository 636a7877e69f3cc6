package id.outletkiosk.sync;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.FetchedChanges;
import id.outletkiosk.api.MasterDataSource;
import id.outletkiosk.model.EntityChanges;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.SyncRound;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.model.VersionedRow;
import id.outletkiosk.store.MasterDataStore;
import id.outletkiosk.store.StoreException;
import id.outletkiosk.store.StoreFullException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync round: fetch every kind of master data changed since the stored versions, then apply all of
 * it in one transaction. Either the whole round lands or the store keeps its previous snapshot.
 */
public final class MasterDataSync {
    private static final Logger LOG = LoggerFactory.getLogger(MasterDataSync.class);

    private final MasterDataSource source;
    private final MasterDataStore store;
    private final SyncStatusTracker status;
    private final Clock clock;

    public MasterDataSync(MasterDataSource source, MasterDataStore store, SyncStatusTracker status, Clock clock) {
        this.source = source;
        this.store = store;
        this.status = status;
        this.clock = clock;
    }

    public SyncStatusTracker status() {
        return status;
    }

    public SyncRoundResult runRound() throws SyncFailedException {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        status.progress(0);
        long bytes = 0;
        int requests = 0;
        try {
            Map<EntityKind, Long> fromVersions = store.versions();
            List<EntityChanges<VersionedRow>> round = new ArrayList<>();
            Map<EntityKind, Integer> received = new EnumMap<>(EntityKind.class);
            EntityKind[] kinds = EntityKind.values();
            for (int index = 0; index < kinds.length; index++) {
                FetchedChanges fetched = source.fetchChanges(kinds[index], fromVersions.get(kinds[index]));
                bytes += fetched.bytesReceived();
                requests += fetched.pages();
                round.add(fetched.changes());
                received.put(kinds[index], fetched.changes().rowCount());
                status.progress((index + 1.0) / (kinds.length + 1.0));
            }
            long bytesReceived = bytes;
            // the history's line commits with the rows: on a disk that fills up, "succeeded" means the rows
            // are in and a failure that they are not, never a failure reported over rows that landed
            Function<Map<EntityKind, Integer>, SyncRound> asRound = rows -> new SyncRound(started,
                    Duration.ofNanos(System.nanoTime() - startNanos), true,
                    rows.values().stream().mapToInt(Integer::intValue).sum(), bytesReceived, null);
            Map<EntityKind, Integer> written;
            if (nothingNew(round)) {
                written = noRowsWritten();
                store.recordRound(asRound.apply(written));
            } else {
                written = store.apply(round, asRound);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            int totalWritten = written.values().stream().mapToInt(Integer::intValue).sum();
            SyncStatus after = status.reloadFrom(store, SyncState.SYNCED);
            SyncRoundResult result = new SyncRoundResult(fromVersions, after.versions(), received, written,
                    after.rowCounts(), bytes, requests, took);
            LOG.info("master data synced in {} ms: {} rows received, {} written, versions {}", took.toMillis(),
                    result.totalRowsReceived(), totalWritten, result.toVersions());
            return result;
        } catch (BackendException e) {
            throw fail(started, startNanos, bytes, e.getMessage(), FailurePolicy.decide(e), e);
        } catch (StoreException e) {
            throw fail(started, startNanos, bytes, e.getMessage(), FailurePolicy.Decision.RETRY_WITH_BACKOFF, e);
        } catch (RuntimeException e) {
            // a bug of ours must not take the sync thread down; it is logged in full and shown as one line
            throw fail(started, startNanos, bytes, "unexpected error: " + e, FailurePolicy.Decision.RETRY_WITH_BACKOFF, e);
        }
    }

    /** The usual case between head-office changes: no rows and no version moved, so no write transaction. */
    private static boolean nothingNew(List<EntityChanges<VersionedRow>> round) {
        return round.stream().allMatch(changes -> changes.rowCount() == 0 && !changes.fullSnapshot()
                && changes.newVersion() == changes.sinceVersion());
    }

    private static Map<EntityKind, Integer> noRowsWritten() {
        Map<EntityKind, Integer> none = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            none.put(kind, 0);
        }
        return none;
    }

    private SyncFailedException fail(Instant started, long startNanos, long bytes, String message,
            FailurePolicy.Decision decision, Exception cause) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        LOG.warn("master data sync failed after {} ms: {}", took.toMillis(), message,
                cause instanceof BackendException || cause instanceof StoreFullException ? null : cause);
        try {
            store.recordRound(new SyncRound(started, took, false, 0, bytes, message));
            status.reloadFrom(store, SyncState.ERROR);
        } catch (StoreFullException full) {
            LOG.warn("could not record the failed sync round: {}", full.getMessage()); // the reason is known: no trace
        } catch (StoreException storeFailure) {
            LOG.error("could not record the failed sync round", storeFailure);
        }
        return new SyncFailedException(message, decision, cause);
    }
}
