package id.outletkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A close handed to the FX thread, with a stand-in for it (one named thread, which can be held busy the way a pulse
 * or a tick holds the real one): where the take-down runs, when the closer returns, what it is told.
 */
class FxThreadTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<Throwable> thrownOnFx = new CopyOnWriteArrayList<>();
    private final ExecutorService fxThread = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "fake-fx");
        thread.setUncaughtExceptionHandler((t, e) -> thrownOnFx.add(e));
        return thread;
    });
    private final List<String> happened = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopFxThread() {
        fxThread.shutdownNow();
    }

    private FxThread fx(Duration patience) {
        return new FxThread(() -> Thread.currentThread().getName().equals("fake-fx"),
                work -> fxThread.execute(work), patience);
    }

    private Runnable takeDown() {
        return () -> happened.add("taken down on " + Thread.currentThread().getName());
    }

    private Runnable withoutFx() {
        return () -> happened.add("without FX on " + Thread.currentThread().getName());
    }

    @Test
    void aCloseOnTheFxThreadTakesDownAtOnce() throws Exception {
        fxThread.submit(() -> fx(PATIENCE).close("the board", takeDown(), withoutFx())).get(10, TimeUnit.SECONDS);

        assertThat(happened).containsExactly("taken down on fake-fx");
    }

    @Test
    void aCloseFromAnotherThreadWaitsBehindWhatTheFxThreadIsDoing_thenTakesDownThere() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        fxThread.execute(() -> {
            happened.add("a tick");
            await(busy);
        });
        Thread closing = new Thread(() -> {
            fx(PATIENCE).close("the board", takeDown(), withoutFx());
            happened.add("close returned");
        }, "closing");
        closing.start();
        Awaitility.await().atMost(PATIENCE).until(() -> closing.getState() == Thread.State.TIMED_WAITING);
        assertThat(happened).containsExactly("a tick");

        busy.countDown();
        closing.join(PATIENCE.toMillis());

        assertThat(closing.isAlive()).isFalse();
        assertThat(happened).containsExactly("a tick", "taken down on fake-fx", "close returned");
    }

    @Test
    void whatTheTakeDownThrowsIsThrownToTheCloser_notOnTheFxThread() throws Exception {
        IllegalStateException broken = new IllegalStateException("a part would not close");

        assertThatThrownBy(() -> fx(PATIENCE).close("the board", () -> {
            throw broken;
        }, withoutFx())).isSameAs(broken);
        fxThread.submit(() -> { }).get(10, TimeUnit.SECONDS);
        assertThat(thrownOnFx).isEmpty();
    }

    @Test
    void aCloserOutOfPatienceReturns_andTheFxThreadStillTakesDownWhenItGetsThere() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        fxThread.execute(() -> await(busy));

        fx(Duration.ofMillis(1)).close("the board", takeDown(), withoutFx());
        assertThat(happened).isEmpty();

        busy.countDown();
        Awaitility.await().atMost(PATIENCE).until(() -> happened.equals(List.of("taken down on fake-fx")));
    }

    @Test
    void aTakeDownThatFailsAfterItsCloserGaveUpThrowsOnTheFxThread() {
        CountDownLatch busy = new CountDownLatch(1);
        fxThread.execute(() -> await(busy));
        IllegalStateException broken = new IllegalStateException("a part would not close");

        fx(Duration.ofMillis(1)).close("the board", () -> {
            throw broken;
        }, withoutFx());
        busy.countDown();

        Awaitility.await().atMost(PATIENCE).until(() -> thrownOnFx.contains(broken));
    }

    @Test
    void anInterruptedCloserKeepsItsInterrupt_andTheFxThreadStillTakesDown() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        fxThread.execute(() -> await(busy));
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread closing = new Thread(() -> {
            Thread.currentThread().interrupt();
            fx(PATIENCE).close("the board", takeDown(), withoutFx());
            interruptKept.set(Thread.currentThread().isInterrupted());
        }, "closing");
        closing.start();
        closing.join(PATIENCE.toMillis());
        assertThat(interruptKept.get()).isTrue();
        assertThat(happened).isEmpty();

        busy.countDown();
        Awaitility.await().atMost(PATIENCE).until(() -> happened.equals(List.of("taken down on fake-fx")));
    }

    @Test
    void withJavaFxNotRunningTheFallbackRunsOnTheCaller() {
        FxThread gone = new FxThread(() -> false, work -> {
            throw new IllegalStateException("Toolkit not initialized");
        }, PATIENCE);

        gone.close("the board", takeDown(), withoutFx());

        assertThat(happened).containsExactly("without FX on " + Thread.currentThread().getName());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
