package id.outletkiosk.api;

import id.outletkiosk.model.EntityChanges;
import id.outletkiosk.model.VersionedRow;

/** The changes of one kind of master data, with what it cost to get them. */
public record FetchedChanges(EntityChanges<VersionedRow> changes, long bytesReceived, int pages) {
}
