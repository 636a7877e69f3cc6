package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(42));

    @Test
    void waitsDoubleEachTimeUpToTheCap() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(1_000);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(2_000);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(16_000);
        assertThat(backoff.ceilingMillis(9)).isEqualTo(256_000);
        assertThat(backoff.ceilingMillis(10)).isEqualTo(300_000);
        assertThat(backoff.ceilingMillis(10_000)).isEqualTo(300_000);
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheCeiling() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            long ceiling = backoff.ceilingMillis(attempt);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.delayBefore(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void jitterSpreadsRetriesOfManyTerminals() {
        long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> backoff.delayBefore(6).toMillis())
                .distinct().count();
        assertThat(distinct).isGreaterThan(50);
    }
}
