package id.outletkiosk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.testing.ManualTaskScheduler;
import id.outletkiosk.testing.SteppingClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A terminal's runtime takes its timers from outside: a retry an hour away is one step of a test. */
class OutletRuntimeTest {
    @TempDir
    Path home;

    @Test
    void theOutboxRetriesOnTheSchedulerItWasGiven_soATestStepsTimeInsteadOfWaiting() throws Exception {
        SteppingClock clock = SteppingClock.atNoonInJakarta();
        ManualTaskScheduler outboxTimer = new ManualTaskScheduler();
        ManualTaskScheduler syncTimer = new ManualTaskScheduler();
        Wiring wiring = new Wiring(clock, job -> job.equals("outbox-sender") ? outboxTimer : syncTimer, new Random(7));
        ReferenceBackend central = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), clock);
        int port = central.port();
        central.close(); // central is down when the kiosk places its order
        try (OutletRuntime runtime = OutletRuntime.open(new SettingsLoader(home).load(Map.of(Setting.BACKEND,
                "http://127.0.0.1:" + port, Setting.DATA_DIR, home.resolve("data").toString()), Map.of()), wiring)) {
            Outbox outbox = runtime.outbox();
            long seq = outbox.place(new NewOrder(1, "client-1", "Tamu",
                    List.of(new OrderItem(1, "Nasi Goreng", 1, null, null)), null), List.of(), new BigDecimal("28000"), 0).seq();
            runtime.outboxSender().wake();
            assertThat(outboxTimer.waitingDelays()).as("the first pass is due at once").containsExactly(Duration.ZERO);
            outboxTimer.runNext();
            assertThat(outbox.waiting()).singleElement().satisfies(item -> assertThat(item.state())
                    .isEqualTo(OutboxState.QUEUED));
            assertThat(outboxTimer.waitingDelays()).as("a retry planned with backoff, not run").hasSize(1)
                    .allSatisfy(delay -> assertThat(delay).isPositive());

            try (ReferenceBackend back = new ReferenceBackend(central.repository(), central.orders(),
                    ReferenceBackend.Options.loopback().withPort(port)).start()) {
                outboxTimer.runNext(); // the retry's time has come, without waiting for it
                assertThat(back.orders().count()).isEqualTo(1);
            }
            assertThat(outbox.waiting()).isEmpty();
            assertThat(syncTimer.waitingDelays()).as("the menu sync was never started").isEmpty();
            assertThat(seq).isPositive();
        }
    }
}
