package id.outletkiosk.ui.manager;

import id.outletkiosk.testing.ScreenShots;
import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.security.ManagerPin;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.testing.ServiceDay;
import id.outletkiosk.ui.MenuWindow;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.BackOfficeRole;
import id.outletkiosk.ui.app.RunningTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Not a test: the driver of the README's speed-of-service screenshot. A back office whose clock shows
 * 14:30, its store holding {@link ServiceDay}'s scripted day so far; the manager's panel opened with the PIN
 * on its Speed of service tab; the scene written to a PNG. Run under Xvfb, e.g.
 * <pre>
 * xvfb-run -a -s "-screen 0 1920x1080x24" java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     id.outletkiosk.ui.manager.SpeedOfServiceScreens docs/manager-speed-of-service.png 1600 1000 [id]
 * </pre>
 */
public final class SpeedOfServiceScreens {
    private static final String PIN = "2468";

    private SpeedOfServiceScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Messages messages = args.length > 3 && args[3].equals("id") ? Messages.indonesian() : Messages.english();
        Path home = Files.createTempDirectory("speed-of-service");
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.now(zone);
        LocalTime shownAt = LocalTime.of(14, 30);
        Clock clock = Clock.offset(Clock.system(zone), Duration.between(Instant.now(),
                today.atTime(shownAt).atZone(zone).toInstant()));
        ReferenceBackend backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), Clock.systemUTC());
        Path data = Files.createDirectories(home.resolve("data"));
        ManagerPin.set(data, PIN.toCharArray());
        Path config = home.resolve("outlet-kiosk.properties");
        Files.writeString(config, "role=manager\n");
        SettingsLoader loader = new SettingsLoader(home);
        OutletRuntime runtime = OutletRuntime.open(loader.load(Map.of(Setting.BACKEND, backend.baseUri().toString(),
                Setting.DATA_DIR, data.toString(), Setting.CONFIG, config.toString()), Map.of()), clock);
        runtime.sync().orElseThrow().runRound();
        ServiceDay.write(runtime.serviceTimes(), today.minusDays(1), zone, LocalTime.of(21, 30));
        ServiceDay.write(runtime.serviceTimes(), today, zone, shownAt);
        Platform.startup(() -> {
            RunningTerminal terminal = new RunningTerminal(runtime);
            MenuWindow window = BackOfficeRole.window(terminal, messages);
            Stage stage = new Stage();
            stage.setScene(window.buildScene());
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            ManagerAccess access = new ManagerAccess(window.statusBar(), terminal, messages, stage,
                    new ConfigFile(config, loader), null);
            access.open();
            ScreenShots.later(1, () -> {
                for (char digit : PIN.toCharArray()) {
                    ((Button) stage.getScene().lookup("#pin-key-" + digit)).fire();
                }
                ((Button) stage.getScene().lookup("#pin-enter")).fire();
                ScreenShots.later(2, () -> {
                    TabPane tabs = (TabPane) stage.getScene().lookup(".manager-tabs");
                    tabs.getSelectionModel().select(tabs.getTabs().stream()
                            .filter(tab -> "tab-speed".equals(tab.getId())).findFirst().orElseThrow());
                    ScreenShots.later(2, () -> {
                        try {
                            ScreenShots.writePng(stage.getScene().snapshot(null), out);
                            System.out.println("wrote " + out);
                        } catch (Exception e) {
                            e.printStackTrace();
                        }
                        ScreenShots.closeAndExit(access, window, runtime, backend);
                    });
                });
            });
        });
    }

}
