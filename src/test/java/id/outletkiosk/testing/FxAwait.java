package id.outletkiosk.testing;

import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.awaitility.Awaitility;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the screen to show something, with a timeout, the FX thread drained before each look. */
public final class FxAwait {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private FxAwait() {
    }

    public static void text(FxRobot robot, String query, String text) {
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).filter(text::equals).isPresent();
        });
    }

    /** {@code work}'s answer, computed on the FX thread (where a node's layout and bounds are consistent). */
    public static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the FX thread did not answer", e);
        }
    }

    public static void visible(FxRobot robot, String query) {
        Awaitility.await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
        });
    }
}
