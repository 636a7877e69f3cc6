package id.outletkiosk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of master-data sync health, safe to hand to any thread.
 *
 * @param progress    fraction of the running round done, 0 to 1 (1 when not syncing)
 * @param versions    stored version per kind of master data
 * @param rowCounts   rows held per kind
 * @param lastError   one line for a person, or {@code null} after a success
 * @param nextAttempt when the next round is planned, or {@code null}
 */
public record SyncStatus(
        SyncState state,
        double progress,
        Map<EntityKind, Long> versions,
        Map<EntityKind, Integer> rowCounts,
        Instant lastAttempt,
        Instant lastSuccess,
        String lastError,
        Instant nextAttempt,
        Duration outdatedAfter) {

    public SyncStatus {
        versions = Collections.unmodifiableMap(new EnumMap<>(copyOrEmpty(versions)));
        rowCounts = Collections.unmodifiableMap(new EnumMap<>(copyOrEmpty(rowCounts)));
    }

    private static <V> Map<EntityKind, V> copyOrEmpty(Map<EntityKind, V> map) {
        return map == null || map.isEmpty() ? new EnumMap<>(EntityKind.class) : map;
    }

    /** The version a person reads in the status bar: the newest change the store has seen. */
    public long dataVersion() {
        return versions.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** True when the menu was never synced, or not since longer than {@code outdatedAfter}. */
    public boolean isOutdatedAt(Instant now) {
        return lastSuccess == null || lastSuccess.plus(outdatedAfter).isBefore(now);
    }

    public SyncStatus with(SyncState newState, double newProgress) {
        return new SyncStatus(newState, newProgress, versions, rowCounts, lastAttempt, lastSuccess, lastError,
                nextAttempt, outdatedAfter);
    }

    public SyncStatus withNextAttempt(Instant next) {
        return new SyncStatus(state, progress, versions, rowCounts, lastAttempt, lastSuccess, lastError, next,
                outdatedAfter);
    }
}
