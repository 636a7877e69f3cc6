package id.outletkiosk.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * What a screen shows that ages with the clock, not only with new statuses ("last sync 10:42", an outdated-data
 * warning): shown again every 30 seconds, on the FX thread, from {@link #start()} until its window closes and
 * {@link #stop() stops} it. It must be stopped then: a running timeline is held by JavaFX's animation timer, and
 * with it whatever it shows, for as long as the process lives.
 */
public final class AgeingClock {
    private static final Duration EVERY = Duration.seconds(30);

    private final Timeline timeline;

    public AgeingClock(Runnable showAgain) {
        this.timeline = new Timeline(new KeyFrame(EVERY, event -> showAgain.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }

    public boolean running() {
        return timeline.getStatus() == Animation.Status.RUNNING;
    }
}
