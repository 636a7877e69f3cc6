package id.outletkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.health.Alert;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import java.util.Map;
import id.outletkiosk.testing.TestClocks;
import id.outletkiosk.testing.Truncation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A staff screen's status bar with the longest alerts on it, at the widths a kitchen, a back office
 * and the demo's windows have: the alert reads in a few words and nothing is cut; the full sentence is
 * in the tooltip (and the manager's panel).
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {
    private final Clock clock = TestClocks.noonInJakarta();
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void theLongestAlertsReadWholeInAFewWordsAtEveryWidth() throws TimeoutException {
        List<Alert> alerts = List.of(
                new Alert(Alert.Kind.NOTHING_REACHABLE, null, 0, clock.instant().minus(Duration.ofMinutes(12))),
                new Alert(Alert.Kind.STORE_FULL, null, 0),
                new Alert(Alert.Kind.STATUS_CHANGES_REFUSED, null, 12));
        for (Messages messages : List.of(Messages.english(), Messages.indonesian())) {
            for (double width : List.of(1920.0, 1160.0, 820.0)) {
                StatusBarView[] bar = new StatusBarView[1];
                FxToolkit.setupFixture(() -> {
                    SyncStatus synced = new SyncStatus(SyncState.IDLE, 1, Map.of(), Map.of(), clock.instant(),
                            clock.instant(), null, null, Duration.ofHours(24));
                    bar[0] = new StatusBarView(new SimpleObjectProperty<>(synced), messages, clock, () -> { }, false, 5);
                    bar[0].showTransport(new FeedStatus(FeedMode.POLLING, clock.instant(), false, false, true, false,
                            null, 3, null, null, 0));
                    bar[0].showOutbox(new OutboxStatus(3, 0, 0, Duration.ofMinutes(4), 0, 12, 12, Duration.ZERO));
                    bar[0].showAlerts(alerts);
                    Scene scene = new Scene(new BorderPane(null, null, null, bar[0], null), width, 200);
                    scene.getStylesheets().add(Messages.class.getResource("app.css").toExternalForm());
                    stage.setScene(scene);
                    stage.show();
                });
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(Truncation.find(bar[0])).as("cut at %s px in %s", width, messages.locale()).isEmpty();
                assertThat(bar[0].lookupAll(".label")).anySatisfy(node -> assertThat(
                        ((javafx.scene.control.Labeled) node).getTooltip()).isNotNull());
            }
        }
    }
}
