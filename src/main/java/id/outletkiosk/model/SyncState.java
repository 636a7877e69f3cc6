package id.outletkiosk.model;

/** Where master-data sync stands. */
public enum SyncState {
    /** Nothing has run since start. */
    IDLE,
    /** A round is fetching or applying. */
    SYNCING,
    /** The last round committed. */
    SYNCED,
    /** The last round failed; the store keeps its previous snapshot. */
    ERROR
}
