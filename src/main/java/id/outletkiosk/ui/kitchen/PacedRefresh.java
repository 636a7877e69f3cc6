package id.outletkiosk.ui.kitchen;

import java.time.Duration;

/**
 * A refresh run at once when asked, then at most once per calm period: what is asked for meanwhile is
 * folded into one run when the period ends, so the last change is never left unshown. On one thread
 * (the FX thread in the app).
 * <p>
 * Why: during a burst of orders every batch changes every all-day count, and redrawing the whole side
 * panel each frame (its layout, ~3 ms of the FX thread, and a 308x896 px region for the software
 * renderer) took the CPU the board's new tickets needed on a two-core machine. The counts a cook glances
 * at may lag a burst by a fraction of a second.
 */
final class PacedRefresh {
    /** Runs an action after a delay, on the same thread as the refresh's callers. */
    @FunctionalInterface
    interface Timer {
        void after(Duration delay, Runnable action);
    }

    private final Duration calm;
    private final Timer timer;
    private final Runnable refresh;
    private boolean calming;
    private boolean asked;

    PacedRefresh(Duration calm, Timer timer, Runnable refresh) {
        this.calm = calm;
        this.timer = timer;
        this.refresh = refresh;
    }

    /** Asks for a refresh: now, or, within a calm period after the last, once when that period ends. */
    void ask() {
        if (calming) {
            asked = true;
            return;
        }
        refresh.run();
        calming = true;
        timer.after(calm, this::calmEnded);
    }

    private void calmEnded() {
        calming = false;
        if (asked) {
            asked = false;
            ask();
        }
    }
}
