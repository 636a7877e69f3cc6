package id.outletkiosk.model;

/** A master-data row: identified by {@code id}, stamped with the global change counter {@code version}. */
public interface VersionedRow {
    long id();

    long version();

    /** The same row stamped with another version (the backend stamps every change). */
    VersionedRow withVersion(long newVersion);
}
