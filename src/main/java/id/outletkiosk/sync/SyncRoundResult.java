package id.outletkiosk.sync;

import id.outletkiosk.model.EntityKind;
import java.time.Duration;
import java.util.Map;

/**
 * What one successful round did.
 *
 * @param fromVersions  stored versions before the round
 * @param toVersions    stored versions after it
 * @param rowsReceived  rows (live and tombstones) the backend sent, per kind
 * @param rowsWritten   rows the store actually inserted, replaced or deleted, per kind
 */
public record SyncRoundResult(
        Map<EntityKind, Long> fromVersions,
        Map<EntityKind, Long> toVersions,
        Map<EntityKind, Integer> rowsReceived,
        Map<EntityKind, Integer> rowsWritten,
        Map<EntityKind, Integer> rowCounts,
        long bytesReceived,
        int requests,
        Duration duration) {

    public int totalRowsReceived() {
        return rowsReceived.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalRowsWritten() {
        return rowsWritten.values().stream().mapToInt(Integer::intValue).sum();
    }
}
