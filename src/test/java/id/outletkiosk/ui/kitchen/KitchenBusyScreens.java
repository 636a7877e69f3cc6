package id.outletkiosk.ui.kitchen;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.testing.ScreenShots;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.KioskRole;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.RunningTerminal;
import id.outletkiosk.ui.kiosk.KioskWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/**
 * Not a test: the driver of the README's busy-switch screenshots. The demo store in-process, a kiosk
 * and a kitchen board at 1920x1080; the kitchen goes busy (15 min) from its switch, the kiosk's menu
 * shows the banner with the wait, then the switch's choices are opened on the board. Writes
 * {@code <folder>/kiosk-kitchen-busy.png} and {@code <folder>/kitchen-status-switch.png}. Run under Xvfb
 * as {@link KitchenRushScreens} says, with the folder (e.g. {@code docs}) as the only argument.
 */
public final class KitchenBusyScreens {
    private KitchenBusyScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path home = Files.createTempDirectory("kitchen-busy");
        DemoOutlet store = DemoOutlet.start(new SettingsLoader(home).load(Map.of(Setting.DATA_DIR,
                home.resolve("demo").toString(), Setting.NEW_ORDER_SOUND, "off", Setting.OPEN_HOURS, "always"),
                Map.of()), Clock.systemUTC());
        Platform.startup(() -> {
            KioskWindow kiosk = KioskRole.window(new RunningTerminal(store.kiosk()), Messages.english());
            Stage kioskStage = new Stage();
            kioskStage.setScene(kiosk.buildScene(1920, 1080));
            kioskStage.show();
            KitchenWindow board = KitchenRole.window(new RunningTerminal(store.kitchen()), Messages.english());
            Stage boardStage = new Stage();
            boardStage.setScene(board.buildScene(1920, 1080));
            boardStage.show();
            ScreenShots.later(4, () -> {
                kiosk.kiosk().start(Messages.english());
                ((Button) boardStage.getScene().lookup("#kitchen-switch")).fire();
                ((Button) boardStage.getScene().lookup("#kitchen-choice-busy-15")).fire();
                ScreenShots.later(3, () -> {
                    ((Button) boardStage.getScene().lookup("#kitchen-switch")).fire(); // the choices, open
                    ScreenShots.later(1, () -> {
                        try {
                            ScreenShots.writePng(kioskStage.getScene().snapshot(null),
                                    folder.resolve("kiosk-kitchen-busy.png"));
                            SnapshotParameters header = new SnapshotParameters();
                            header.setViewport(new Rectangle2D(0, 0, 1920, 300));
                            ScreenShots.writePng(boardStage.getScene().getRoot().snapshot(header, null),
                                    folder.resolve("kitchen-status-switch.png"));
                            System.out.println("wrote the busy switch's screenshots to " + folder);
                        } catch (Exception e) {
                            e.printStackTrace();
                        }
                        ScreenShots.closeAndExit(kiosk, board, store);
                    });
                });
            });
        });
    }

}
