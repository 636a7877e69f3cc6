package id.outletkiosk.ui.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The side panel's pace during a burst: at once, then once per calm period, the last change never lost. */
class PacedRefreshTest {
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final PacedRefresh paced = new PacedRefresh(Duration.ofMillis(300), (delay, action) -> {
        delays.add(delay);
        timers.add(action);
    }, refreshes::incrementAndGet);

    @Test
    void theFirstAskRefreshesAtOnce_askingDuringTheCalmFoldsIntoOneRefreshWhenItEnds() {
        paced.ask();
        assertThat(refreshes).hasValue(1);
        assertThat(delays).containsExactly(Duration.ofMillis(300));

        for (int batch = 0; batch < 20; batch++) { // a burst: every batch changes the counts
            paced.ask();
        }
        assertThat(refreshes).as("nothing more until the calm ends").hasValue(1);

        endCalm();
        assertThat(refreshes).as("the burst's last counts, once").hasValue(2);
        assertThat(timers).as("and a new calm after that refresh").hasSize(1);

        endCalm();
        assertThat(refreshes).as("nothing asked meanwhile: no refresh").hasValue(2);
        assertThat(timers).isEmpty();

        paced.ask();
        assertThat(refreshes).as("after a quiet calm, at once again").hasValue(3);
    }

    @Test
    void aChangeAskedInTheCalmAfterTheFoldedRefreshIsShownToo() {
        paced.ask();
        paced.ask();
        endCalm(); // the folded refresh, and a new calm
        paced.ask();
        assertThat(refreshes).hasValue(2);
        endCalm();
        assertThat(refreshes).hasValue(3);
    }

    private void endCalm() {
        assertThat(timers).hasSize(1);
        timers.remove(0).run();
    }
}
