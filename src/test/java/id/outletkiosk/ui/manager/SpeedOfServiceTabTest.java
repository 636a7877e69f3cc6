package id.outletkiosk.ui.manager;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.Setting;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.testing.BackOfficeOnScreen;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.ManagerPanels;
import id.outletkiosk.testing.ServiceDay;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.Truncation;
import id.outletkiosk.ui.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The manager reads the kitchen's speed of service after lunch: the day's tickets and late ones for the whole
 * kitchen and each station, the rush hours marked late, a station's hours on a tap, yesterday empty; and
 * nothing is cut off at the panel's sizes, in English or Bahasa Indonesia.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class SpeedOfServiceTabTest {
    private static final String PIN = "2468";
    private static final LocalTime AFTER_LUNCH = LocalTime.of(14, 30);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private Stage stage;
    private ReferenceBackend backend;
    private BackOfficeOnScreen terminal;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    /** A back office whose clock shows 14:30 today, its store holding the day's service times so far. */
    private ServiceDay.Written openAfterLunch(Messages messages) throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.now(zone);
        Clock clock = Clock.offset(Clock.system(zone), Duration.between(java.time.Instant.now(),
                today.atTime(AFTER_LUNCH).atZone(zone).toInstant()));
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), Clock.systemUTC());
        terminal = BackOfficeOnScreen.open(home, PIN, Map.of(Setting.BACKEND, backend.baseUri().toString()), clock);
        ServiceDay.Written written = ServiceDay.write(terminal.runtime().serviceTimes(), today, zone, AFTER_LUNCH);
        terminal.show(stage, messages, 1920, 1080);
        return written;
    }

    @AfterEach
    void closeTerminal() throws Exception {
        if (terminal != null) {
            terminal.close();
        }
        if (backend != null) {
            backend.close();
        }
        TempFolders.deleteWhenQuiet(home);
    }

    private void openSpeedTab(FxRobot robot) {
        ManagerPanels.open(robot, PIN);
        FxAwait.visible(robot, "#tab-speed");
        robot.clickOn("#tab-speed");
        FxAwait.visible(robot, "#speed-kitchen");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void afterLunch_theManagerSeesTheDaysTickets_theLateOnes_andTheRushHoursMarked(FxRobot robot) throws Exception {
        ServiceDay.Written day = openAfterLunch(Messages.english());
        openSpeedTab(robot);

        assertThat(text(robot, "#speed-kitchen-tickets")).isEqualTo(Integer.toString(day.tickets()));
        assertThat(day.late()).as("the script's rush makes late tickets").isPositive();
        assertThat(text(robot, "#speed-kitchen-late")).isEqualTo("⚠ " + day.late());
        for (String station : ServiceDay.STATIONS) {
            assertThat(robot.lookup("#speed-station-" + station).tryQuery()).as(station).isPresent();
        }
        for (int hour = 10; hour <= 14; hour++) {
            assertThat(robot.lookup("#speed-hour-" + hour).queryAs(Label.class).getStyleClass()
                    .contains("speed-late-hour")).as(hour + ":00 marked late").isEqualTo(day.lateHours().contains(hour));
        }

        // the grill's own hours: they add up to the grill's tickets
        robot.clickOn("#speed-scope-Grill");
        WaitForAsyncUtils.waitForFxEvents();
        int grillByHour = robot.lookup(".speed-value").queryAllAs(Label.class).stream()
                .filter(cell -> cell.getId() != null && cell.getId().matches("speed-hour-\\d+-tickets"))
                .mapToInt(cell -> Integer.parseInt(cell.getText())).sum();
        assertThat(grillByHour).isEqualTo(Integer.parseInt(text(robot, "#speed-station-Grill-tickets")))
                .isLessThan(day.tickets());

        robot.clickOn("#speed-yesterday");
        FxAwait.visible(robot, "#speed-none");
        assertThat(text(robot, "#speed-kitchen-tickets")).isEqualTo("0");
        assertThat(robot.lookup("#speed-hour-12").tryQuery()).isEmpty();
    }

    @Test
    void noFigureOrHeadingIsCutOff_at1920x1080_1080x1920_andTheDemosKioskWindow(FxRobot robot) throws Exception {
        assertNothingCutOff(robot, Messages.english());
    }

    @Test
    void noFigureOrHeadingIsCutOff_inBahasaIndonesiaEither(FxRobot robot) throws Exception {
        assertNothingCutOff(robot, Messages.indonesian());
    }

    private void assertNothingCutOff(FxRobot robot, Messages messages) throws Exception {
        openAfterLunch(messages);
        openSpeedTab(robot);
        List<String> cut = new ArrayList<>();
        for (double[] size : new double[][] {{1920, 1080}, {1080, 1920}, {820, 970}}) {
            FxAwait.onFx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(FxAwait.onFx(() -> Truncation.find((Parent) stage.getScene().lookup("#manager-panel")).stream()
                    .map(found -> (int) size[0] + "x" + (int) size[1] + ": " + found).toList()));
        }
        assertThat(cut).isEmpty();
    }
}
