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

/**
 * Fetches one kind of master data since a version from the backend, following DRF pages to the end, and
 * reads the kind again when the pages show that rows moved under them while we paged.
 */
public final class MasterDataClient implements MasterDataSource {
    private static final Logger LOG = LoggerFactory.getLogger(MasterDataClient.class);
    /** 10,000 pages of DRF's usual 100 rows is a million rows: a longer chain is a broken server. */
    static final int MAX_PAGES = 10_000;
    /** Menus are edited in bursts: three reads in a row that each met an edit means "later", not "never". */
    static final int MAX_READS = 3;

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

    /**
     * Pages are ordered by version, so a row changed after page 1 was served moves to the end and every
     * row behind it shifts one place earlier: the row at the page boundary is never sent. Such a read is
     * thrown away and the kind read again from the first page; the bytes and pages of every read count.
     */
    private FetchedChanges fetchFrom(EntityKind kind, long sinceVersion) throws BackendException {
        long bytes = 0;
        int pages = 0;
        for (int read = 1; ; read++) {
            PagedRead answer = readAllPages(kind, sinceVersion);
            bytes += answer.bytes;
            pages += answer.pages;
            String inconsistency = answer.inconsistency();
            if (inconsistency == null) {
                return new FetchedChanges(answer.changes(kind, sinceVersion), bytes, pages);
            }
            if (read == MAX_READS) {
                throw new BackendException(BackendException.Problem.CHANGED_WHILE_READING, "backend's "
                        + kind.wireName() + " changed while paging " + MAX_READS + " times in a row (last time "
                        + inconsistency + "); try again later");
            }
            LOG.info("backend's {} changed while paging ({}): reading them again from the first page",
                    kind.wireName(), inconsistency);
        }
    }

    private PagedRead readAllPages(EntityKind kind, long sinceVersion) throws BackendException {
        HttpUrl url = backend.apiUrl(kind.wireName() + "/").newBuilder()
                .addQueryParameter("since_version", Long.toString(sinceVersion)).build();
        PagedRead read = new PagedRead();
        Set<String> visited = new HashSet<>();
        while (url != null) {
            if (!visited.add(url.toString())) {
                throw new BackendException(BackendException.Problem.BAD_DATA, "backend's " + kind.wireName()
                        + " pages loop: the next link leads back to " + url.encodedPath() + "?" + url.encodedQuery());
            }
            if (read.pages == MAX_PAGES) {
                throw new BackendException(BackendException.Problem.BAD_DATA,
                        "backend's " + kind.wireName() + " answer runs past " + MAX_PAGES + " pages");
            }
            BackendClient.FetchedBody body = backend.getJson(url, kind);
            MasterDataPage page = decoder.decode(kind, body.bytes());
            read.add(page, body.byteCount());
            url = page.next() == null ? null : backend.followLink(page.next());
        }
        return read;
    }

    /** One read of a kind from its first page to its last: the rows so far and what the pages said of themselves. */
    private static final class PagedRead {
        private final Map<Long, VersionedRow> upserts = new LinkedHashMap<>();
        private final Map<Long, Long> tombstones = new LinkedHashMap<>();
        private long bytes;
        private int pages;
        private Long envelopeVersion;
        private long maxRowVersion = -1;
        private Long firstCount;
        private String countChange;
        private long rowsReceived;

        void add(MasterDataPage page, long byteCount) {
            bytes += byteCount;
            pages++;
            for (VersionedRow row : page.upserts()) {
                keepNewest(row.id(), row.version(), row);
            }
            page.tombstones().forEach((id, version) -> keepNewest(id, version, null));
            if (page.envelopeVersion() != null) {
                envelopeVersion = envelopeVersion == null ? page.envelopeVersion()
                        : Math.max(envelopeVersion, page.envelopeVersion());
            }
            maxRowVersion = Math.max(maxRowVersion, page.maxRowVersion());
            rowsReceived += page.rowCount();
            if (pages == 1) {
                firstCount = page.count();
            } else if (countChange == null && firstCount != null && page.count() != null
                    && !firstCount.equals(page.count())) {
                countChange = "count went from " + firstCount + " to " + page.count() + " on page " + pages;
            }
        }

        /**
         * What shows that rows moved while we paged, or null for a whole read. One answer is one snapshot,
         * and an answer without {@code count} gives nothing to check against.
         */
        String inconsistency() {
            if (pages < 2 || firstCount == null) {
                return null;
            }
            if (countChange != null) {
                return countChange;
            }
            int distinctRows = upserts.size() + tombstones.size();
            if (distinctRows != firstCount) {
                return "count was " + firstCount + " but " + distinctRows + " different rows arrived";
            }
            if (rowsReceived != firstCount) {
                return "count was " + firstCount + " but " + rowsReceived + " rows arrived";
            }
            return null;
        }

        EntityChanges<VersionedRow> changes(EntityKind kind, long sinceVersion) {
            long newVersion = envelopeVersion != null ? envelopeVersion : Math.max(maxRowVersion, sinceVersion);
            return new EntityChanges<>(kind, sinceVersion, newVersion, upserts.values().stream().toList(),
                    tombstones.keySet(), false);
        }

        /** A row met twice across pages (it changed while we paged) counts once, at its newest version. */
        private void keepNewest(long id, long version, VersionedRow liveRow) {
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
}
