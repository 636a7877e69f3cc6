package id.outletkiosk.ui;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing a screen's parts on the FX thread, whichever thread asks. A window's timers tick there and hand their work
 * to the window's worker; a close from another thread (the app closes its windows from the main thread, the screen
 * tests from theirs) that stopped the timer and the worker while a tick was still queued on the FX thread made that
 * tick meet a stopped worker and throw there (Animation.stop in JavaFX 21 runs on the caller's thread; CI at
 * ed43776). Taking down on the FX thread puts the close behind any tick already queued, and the timer's stop before
 * the worker's, on one thread.
 */
public final class FxThread {
    private static final Logger LOG = LoggerFactory.getLogger(FxThread.class);
    /** How long a close from another thread waits for the FX thread to take its parts down. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final FxThread JAVAFX = new FxThread(Platform::isFxApplicationThread, Platform::runLater, PATIENCE);

    private final BooleanSupplier onIt;
    private final Executor handOver;
    private final Duration patience;

    /**
     * @param onIt     whether the caller is on the FX thread
     * @param handOver runs work on the FX thread later; throws IllegalStateException when JavaFX is not running
     */
    FxThread(BooleanSupplier onIt, Executor handOver, Duration patience) {
        this.onIt = onIt;
        this.handOver = handOver;
        this.patience = patience;
    }

    /**
     * Runs {@code takeDown} on the FX thread: at once on it, else handed over and waited for up to ten seconds; what
     * it throws is thrown here. A close that waits longer returns and the FX thread takes down when it gets there; an
     * interrupted one keeps its interrupt, and the FX thread still takes down. When JavaFX is not running no timer
     * ticks any more, and {@code withoutFx} runs here instead.
     *
     * @param what what closes, for the log ("the kiosk window")
     */
    public static void closeOnFxThread(String what, Runnable takeDown, Runnable withoutFx) {
        JAVAFX.close(what, takeDown, withoutFx);
    }

    void close(String what, Runnable takeDown, Runnable withoutFx) {
        if (onIt.getAsBoolean()) {
            takeDown.run();
            return;
        }
        HandedOver work = new HandedOver(takeDown);
        try {
            handOver.execute(work);
        } catch (IllegalStateException toolkitGone) {
            withoutFx.run();
            return;
        }
        try {
            if (work.done.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                work.rethrowHere();
                return;
            }
            if (work.leftToTheFxThread()) {
                LOG.warn("the FX thread did not close {} within {} ms; it will when it gets there", what,
                        patience.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.leftToTheFxThread();
        }
    }

    /** The take-down on the FX thread: what it throws goes to the waiting closer, or stays there once nobody waits. */
    private static final class HandedOver implements Runnable {
        private final Runnable takeDown;
        final CountDownLatch done = new CountDownLatch(1);
        private boolean finished;
        private boolean abandoned;
        private Throwable failure;

        HandedOver(Runnable takeDown) {
            this.takeDown = takeDown;
        }

        @Override
        public void run() {
            Throwable thrown = null;
            try {
                takeDown.run();
            } catch (RuntimeException | Error e) {
                thrown = e;
            }
            boolean nobodyWaits;
            synchronized (this) {
                finished = true;
                failure = thrown;
                nobodyWaits = abandoned;
            }
            done.countDown();
            if (nobodyWaits && thrown != null) {
                throwUnchecked(thrown);
            }
        }

        /** The closer stops waiting; false when the take-down has just finished after all (rethrown then). */
        boolean leftToTheFxThread() {
            synchronized (this) {
                if (!finished) {
                    abandoned = true;
                    return true;
                }
            }
            rethrowHere();
            return false;
        }

        synchronized void rethrowHere() {
            if (failure != null) {
                throwUnchecked(failure);
            }
        }

        private static void throwUnchecked(Throwable thrown) {
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) thrown;
        }
    }
}
