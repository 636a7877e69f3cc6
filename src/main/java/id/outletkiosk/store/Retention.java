package id.outletkiosk.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data at rest kept no longer than needed: closed orders (completed, cancelled, sent, discarded)
 * unchanged for longer than the retention period are deleted from the stores given; open ones never
 * are, whatever their age. The store server also forgets terminals it has not heard from for as long.
 * Run at start and once a day.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** One store's purge: deletes what closed before the cutoff, returns how many rows went. */
    public record Purge(String what, ToIntFunction<Instant> beforeCutoff) {
    }

    private final Duration keep;
    private final Clock clock;
    private final List<Purge> purges;

    public Retention(Duration keep, Clock clock, List<Purge> purges) {
        this.keep = keep;
        this.clock = clock;
        this.purges = List.copyOf(purges);
    }

    /** Deletes what is older than the retention period in every store; a failing store does not stop the rest. */
    public int purge() {
        Instant cutoff = clock.instant().minus(keep);
        int total = 0;
        for (Purge purge : purges) {
            try {
                int purged = purge.beforeCutoff().applyAsInt(cutoff);
                if (purged > 0) {
                    LOG.info("retention: deleted {} {} closed before {}", purged, purge.what(), cutoff);
                }
                total += purged;
            } catch (RuntimeException e) {
                LOG.warn("retention: could not purge {}: {}", purge.what(), e.getMessage());
            }
        }
        return total;
    }
}
