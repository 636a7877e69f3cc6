package id.outletkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.testing.ManualTaskScheduler;
import id.outletkiosk.testing.SteppingClock;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A terminal's health reports on their own schedule, against a real HTTP server on loopback that answers
 * what each test says: every interval, at once on a transport change, skipped when they fail, and a
 * store server without the route left alone for a while.
 */
class HealthReporterTest {
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    private final AtomicInteger answer = new AtomicInteger(204);
    private final AtomicInteger reportsHeard = new AtomicInteger();
    private final ManualTaskScheduler scheduler = new ManualTaskScheduler();
    private final SteppingClock clock = SteppingClock.atNoonInJakarta();
    private Javalin storeServer;
    private BackendClient http;
    private HealthReporter reporter;

    @BeforeEach
    void start() {
        storeServer = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/api/terminals/health", ctx -> {
                reportsHeard.incrementAndGet();
                ctx.status(answer.get()).result(answer.get() == 204 ? "" : "{\"error\": \"no such route\"}");
            });
        }).start("127.0.0.1", 0);
        http = new BackendClient("store server", Setting.LOCAL_TOKEN,
                URI.create("http://127.0.0.1:" + storeServer.port()), null, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(4), 1 << 20);
        reporter = new HealthReporter(OrderServerClient.local(http, clock.getZone()), 1,
                () -> new TerminalReport("K2", "kiosk", "1.4.0", "online", Instant.EPOCH, 42, null, 0, 0, List.of(),
                        null), INTERVAL, scheduler, clock);
    }

    @AfterEach
    void stop() {
        reporter.close();
        http.close();
        storeServer.stop();
    }

    /** The next report falls due: its interval passes on the clock and its task runs. */
    private void nextReportFallsDue() {
        clock.advance(INTERVAL);
        scheduler.runNext();
    }

    @Test
    void theFirstReportGoesAtOnceThenOneEveryInterval() {
        reporter.start();
        assertThat(scheduler.waitingDelays()).containsExactly(Duration.ZERO);

        scheduler.runNext();
        nextReportFallsDue();

        assertThat(reportsHeard).hasValue(2);
        assertThat(scheduler.waitingDelays()).containsExactly(INTERVAL);
    }

    @Test
    void aTransportChangeIsReportedAtOnceNotAtTheEndOfTheInterval() {
        reporter.onStatus(status(FeedMode.ONLINE));
        scheduler.runNext();
        assertThat(scheduler.waitingDelays()).containsExactly(INTERVAL);

        reporter.onStatus(status(FeedMode.ONLINE));
        assertThat(scheduler.waitingDelays()).as("the same transport again is no news").containsExactly(INTERVAL);

        reporter.onStatus(status(FeedMode.POLLING));
        assertThat(scheduler.waitingDelays()).containsExactly(Duration.ZERO);
        scheduler.runNext();
        assertThat(reportsHeard).hasValue(2);
    }

    @Test
    void aStoreServerWithoutTheRouteIsAskedOnceThenLeftAloneForTenMinutes() {
        answer.set(404);
        reporter.start();
        scheduler.runNext();
        assertThat(reportsHeard).hasValue(1);

        while (Duration.between(SteppingClock.atNoonInJakarta().instant(), clock.instant())
                .compareTo(FailurePolicy.MISSING_ROUTE_PAUSE.minus(INTERVAL)) < 0) {
            nextReportFallsDue();
        }
        reporter.onStatus(status(FeedMode.OFFLINE));
        scheduler.runNext();
        assertThat(reportsHeard).as("not asked within the pause, a transport change neither").hasValue(1);

        answer.set(204);
        nextReportFallsDue();
        assertThat(reportsHeard).as("asked again once the pause is over").hasValue(2);
        nextReportFallsDue();
        assertThat(reportsHeard).hasValue(3);
    }

    @Test
    void aFailedReportIsSkippedAndTheNextOneGoesOnTime() {
        answer.set(503);
        reporter.start();
        scheduler.runNext();

        answer.set(204);
        nextReportFallsDue();

        assertThat(reportsHeard).hasValue(2);
        assertThat(scheduler.waitingDelays()).as("one report planned, never a retry loop").containsExactly(INTERVAL);
    }

    @Test
    void closingStopsTheReportsAndTheirThread() {
        reporter.start();
        reporter.close();

        reporter.onStatus(status(FeedMode.OFFLINE));

        assertThat(scheduler.closed).isTrue();
        assertThat(scheduler.waitingDelays()).isEmpty();
    }

    private static FeedStatus status(FeedMode mode) {
        return new FeedStatus(mode, Instant.EPOCH, mode == FeedMode.ONLINE, mode == FeedMode.LOCAL,
                mode == FeedMode.POLLING, false, null, 0, null, null, 0);
    }
}
