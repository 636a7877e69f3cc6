package id.outletkiosk.model;

import java.time.Duration;
import java.time.Instant;

/** One master-data sync round as the history keeps it. {@code error} is null when it succeeded. */
public record SyncRound(Instant startedAt, Duration duration, boolean succeeded, int rowsChanged, long bytes,
        String error) {

    public Instant finishedAt() {
        return startedAt.plus(duration);
    }
}
