package id.outletkiosk.api;

import id.outletkiosk.model.EntityKind;

/** Where master data comes from: the central backend in production. */
public interface MasterDataSource {
    /** Everything of {@code kind} that changed after {@code sinceVersion}, all pages followed. */
    FetchedChanges fetchChanges(EntityKind kind, long sinceVersion) throws BackendException;
}
