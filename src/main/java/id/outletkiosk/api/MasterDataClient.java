package id.outletkiosk.api;

import id.outletkiosk.model.EntityChanges;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.VersionedRow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetches one kind of master data since a version from the backend, following DRF pages to the end. */
public final class MasterDataClient implements MasterDataSource {
    private static final Logger LOG = LoggerFactory.getLogger(MasterDataClient.class);
    /** 10,000 pages of DRF's usual 100 rows is a million rows: a longer chain is a broken server. */
    static final int MAX_PAGES = 10_000;

    private final BackendClient backend;
    private final MasterDataDecoder decoder;

    public MasterDataClient(BackendClient backend, MasterDataDecoder decoder) {
        this.backend = backend;
        this.decoder = decoder;
    }

    @Override
    public FetchedChanges fetchChanges(EntityKind kind, long sinceVersion) throws BackendException {
        FetchedChanges changes = fetchFrom(kind, sinceVersion);
        long reported = changes.changes().newVersion();
        if (sinceVersion > 0 && reported < sinceVersion) {
            // The backend's counter went backwards (restored from a backup, re-created): our stored
            // version means nothing to it any more, so take its whole current menu instead.
            LOG.warn("backend's {} version {} is below ours ({}): the backend was reset, downloading everything",
                    kind.wireName(), reported, sinceVersion);
            FetchedChanges full = fetchFrom(kind, 0);
            EntityChanges<VersionedRow> snapshot = full.changes();
            return new FetchedChanges(new EntityChanges<>(kind, sinceVersion, snapshot.newVersion(),
                    snapshot.upserts(), Set.of(), true),
                    changes.bytesReceived() + full.bytesReceived(), changes.pages() + full.pages());
        }
        return changes;
    }

    private FetchedChanges fetchFrom(EntityKind kind, long sinceVersion) throws BackendException {
        HttpUrl url = backend.apiUrl(kind.wireName() + "/").newBuilder()
                .addQueryParameter("since_version", Long.toString(sinceVersion)).build();
        Map<Long, VersionedRow> upserts = new LinkedHashMap<>();
        Map<Long, Long> tombstones = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        long bytes = 0;
        int pages = 0;
        Long envelopeVersion = null;
        long maxRowVersion = -1;
        while (url != null) {
            if (!visited.add(url.toString())) {
                throw new BackendException(BackendException.Problem.BAD_DATA, "backend's " + kind.wireName()
                        + " pages loop: the next link leads back to " + url.encodedPath() + "?" + url.encodedQuery());
            }
            if (++pages > MAX_PAGES) {
                throw new BackendException(BackendException.Problem.BAD_DATA,
                        "backend's " + kind.wireName() + " answer runs past " + MAX_PAGES + " pages");
            }
            BackendClient.FetchedBody body = backend.getJson(url, kind);
            bytes += body.byteCount();
            MasterDataPage page = decoder.decode(kind, body.bytes());
            for (VersionedRow row : page.upserts()) {
                keepNewest(upserts, tombstones, row.id(), row.version(), row);
            }
            page.tombstones().forEach((id, version) -> keepNewest(upserts, tombstones, id, version, null));
            if (page.envelopeVersion() != null) {
                envelopeVersion = envelopeVersion == null ? page.envelopeVersion()
                        : Math.max(envelopeVersion, page.envelopeVersion());
            }
            maxRowVersion = Math.max(maxRowVersion, page.maxRowVersion());
            url = page.next() == null ? null : backend.followLink(page.next());
        }
        long newVersion = envelopeVersion != null ? envelopeVersion : Math.max(maxRowVersion, sinceVersion);
        EntityChanges<VersionedRow> changes = new EntityChanges<>(kind, sinceVersion, newVersion,
                upserts.values().stream().toList(), tombstones.keySet(), false);
        return new FetchedChanges(changes, bytes, pages);
    }

    /** A row met twice across pages (it changed while we paged) counts once, at its newest version. */
    private static void keepNewest(Map<Long, VersionedRow> upserts, Map<Long, Long> tombstones, long id, long version,
            VersionedRow liveRow) {
        VersionedRow seenLive = upserts.get(id);
        Long seenDeleted = tombstones.get(id);
        long seenVersion = seenLive != null ? seenLive.version() : seenDeleted != null ? seenDeleted : -1;
        if (version < seenVersion) {
            return;
        }
        if (liveRow != null) {
            tombstones.remove(id);
            upserts.put(id, liveRow);
        } else {
            upserts.remove(id);
            tombstones.put(id, version);
        }
    }
}
