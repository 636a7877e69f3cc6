package id.outletkiosk.model;

import java.util.List;
import java.util.Set;

/**
 * What changed in one kind of master data since a version: rows to insert or replace, ids deleted
 * (tombstones), and the version the store may advance to once these are committed.
 *
 * @param fullSnapshot the upserts are every live row (a download from version 0 after the backend's
 *                     counter went backwards): rows not among them are to be removed
 */
public record EntityChanges<T extends VersionedRow>(
        EntityKind kind,
        long sinceVersion,
        long newVersion,
        List<T> upserts,
        Set<Long> deletedIds,
        boolean fullSnapshot) {

    public EntityChanges {
        upserts = List.copyOf(upserts);
        deletedIds = Set.copyOf(deletedIds);
    }

    public int rowCount() {
        return upserts.size() + deletedIds.size();
    }
}
