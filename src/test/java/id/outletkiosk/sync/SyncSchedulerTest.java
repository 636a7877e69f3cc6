package id.outletkiosk.sync;

import id.outletkiosk.testing.ManualTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.FetchedChanges;
import id.outletkiosk.api.MasterDataSource;
import id.outletkiosk.model.EntityChanges;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.MasterDataStore;
import id.outletkiosk.testing.TestClocks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh schedule with time under the test's control: retries back off, success returns to the interval. */
class SyncSchedulerTest {
    private static final Duration INTERVAL = Duration.ofHours(6);

    @TempDir
    Path folder;

    private final ManualTaskScheduler clockwork = new ManualTaskScheduler();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private BackendException.Problem failure = BackendException.Problem.UNREACHABLE;
    private SyncScheduler scheduler;

    /** The backend: empty answers, or failures while {@link #failuresToServe} lasts. */
    private Runnable duringFetch = () -> { };
    private final MasterDataSource source = (kind, since) -> {
        duringFetch.run();
        if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new BackendException(failure, "backend is down");
        }
        return new FetchedChanges(new EntityChanges<>(kind, since, since, List.of(), Set.of(), false), 2, 1);
    };

    @BeforeEach
    void wire() {
        MasterDataStore store = new MasterDataStore(Database.open(folder.resolve("s.db")));
        SyncStatusTracker status = new SyncStatusTracker(Duration.ofHours(24));
        MasterDataSync sync = new MasterDataSync(source, store, status, TestClocks.noonInJakarta());
        scheduler = new SyncScheduler(sync, clockwork, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5),
                new Random(7)), INTERVAL, TestClocks.noonInJakarta());
    }

    @Test
    void firstRoundRunsAtOnceThenEveryInterval() {
        scheduler.start();
        assertThat(clockwork.waitingDelays()).containsExactly(Duration.ZERO);

        clockwork.runNext();

        assertThat(clockwork.waitingDelays()).containsExactly(INTERVAL);
    }

    @Test
    void failuresBackOffWithGrowingDelaysThenReturnToTheInterval() {
        failuresToServe.set(4);
        scheduler.start();
        List<Long> delays = new java.util.ArrayList<>();
        for (int round = 0; round < 4; round++) {
            clockwork.runNext();
            delays.add(clockwork.waitingDelays().get(0).toMillis());
        }
        assertThat(delays.get(0)).isBetween(500L, 1_000L);
        assertThat(delays.get(1)).isBetween(1_000L, 2_000L);
        assertThat(delays.get(2)).isBetween(2_000L, 4_000L);
        assertThat(delays.get(3)).isBetween(4_000L, 8_000L);
        assertThat(scheduler.failuresInARow()).isEqualTo(4);

        clockwork.runNext();

        assertThat(scheduler.failuresInARow()).isZero();
        assertThat(clockwork.waitingDelays()).containsExactly(INTERVAL);
    }

    @Test
    void aRefusedTokenWaitsTheLongestBackoffNotSeconds() {
        failure = BackendException.Problem.AUTH;
        failuresToServe.set(1);
        scheduler.start();
        clockwork.runNext();
        assertThat(clockwork.waitingDelays()).containsExactly(Duration.ofMinutes(5));
    }

    /** Each kind of failure through the one policy: a backoff step (500-1000 ms on the first), or the longest. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "UNREACHABLE, step", "TIMEOUT, step", "BROKEN_CONNECTION, step", "HTTP_STATUS, step",
        "RATE_LIMITED, step", "CHANGED_WHILE_READING, step",
        "AUTH, longest", "BAD_DATA, longest", "TOO_LARGE, longest", "REJECTED, longest",
    })
    void everyKindOfFailureWaitsAsThePolicyDecides(BackendException.Problem problem, String wait) {
        failure = problem;
        failuresToServe.set(1);
        scheduler.start();
        clockwork.runNext();

        Duration planned = clockwork.waitingDelays().get(0);
        if (wait.equals("longest")) {
            assertThat(planned).isEqualTo(Duration.ofMinutes(5));
        } else {
            assertThat(planned).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    @Test
    void refreshNowCallsOffThePendingRetryAndRunsAtOnce() throws Exception {
        failuresToServe.set(1);
        scheduler.start();
        clockwork.runNext();
        assertThat(clockwork.waitingDelays()).hasSize(1).allSatisfy(d -> assertThat(d).isPositive());

        CompletableFuture<SyncRoundResult> refreshed = scheduler.refreshNow();

        assertThat(clockwork.waitingDelays()).containsExactly(Duration.ZERO);
        clockwork.runNext();
        assertThat(refreshed).isCompleted();
        assertThat(refreshed.get().requests()).isEqualTo(3);
    }

    @Test
    void refreshNowDuringARoundGetsItsOwnRoundRightAfter() {
        scheduler.start();
        List<CompletableFuture<SyncRoundResult>> pressed = new java.util.ArrayList<>();
        duringFetch = () -> {
            if (pressed.isEmpty()) {
                pressed.add(scheduler.refreshNow()); // the manager presses refresh mid-round
            }
        };

        clockwork.runNext();

        // the round that was already fetching may predate the price change: a fresh one follows at once
        assertThat(pressed.get(0)).isNotDone();
        assertThat(clockwork.waitingDelays()).containsExactly(Duration.ZERO);
        clockwork.runNext();
        assertThat(pressed.get(0)).isCompleted();
        assertThat(clockwork.waitingDelays()).containsExactly(INTERVAL);
    }

    @Test
    void closeStopsPlanningAndAnswersWaitingRefreshes() {
        scheduler.start();
        CompletableFuture<SyncRoundResult> waiting = scheduler.refreshNow();

        scheduler.close();

        assertThat(clockwork.waitingDelays()).isEmpty();
        assertThat(clockwork.closed).isTrue();
        assertThat(waiting).isCancelled();
        assertThat(scheduler.refreshNow()).isCompletedExceptionally();
    }
}
