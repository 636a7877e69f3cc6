package id.outletkiosk.ui.kitchen;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.runtime.LunchRush;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.testing.ScreenShots;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.SizedWindow;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.PickupRole;
import id.outletkiosk.ui.app.RunningTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;

/**
 * Not a test: the driver of the README's prep-station screenshots. The demo store in-process with a
 * quick lunch rush (30 orders in 20 s, the bar's drinks after 12 s, the kitchen's food after 25 s), the
 * kitchen, bar, expo and pickup screens at the size given; half a minute into the rush, each is written
 * to {@code <folder>/station-kitchen.png}, {@code station-bar.png}, {@code expo.png},
 * {@code pickup-lunch.png}, and the expo once more with its speed-of-service panel open
 * ({@code expo-speed.png}). Run under Xvfb as {@link KitchenRushScreens} says:
 * {@code StationScreens docs 1920 1080}.
 */
public final class StationScreens {
    private static final LunchRush.Pace QUICK = new LunchRush.Pace(30, Duration.ofSeconds(20),
            Duration.ofSeconds(12), Duration.ofSeconds(25), Duration.ofSeconds(12));

    private StationScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Path home = Files.createTempDirectory("stations");
        DemoOutlet store = DemoOutlet.start(new SettingsLoader(home).load(Map.of(Setting.DATA_DIR,
                home.resolve("demo").toString(), Setting.NEW_ORDER_SOUND, "off", Setting.OPEN_HOURS, "always"),
                Map.of()), Clock.systemUTC());
        Platform.startup(() -> {
            Messages messages = Messages.english();
            BiFunction<RunningTerminal, Messages, SizedWindow> kitchen = KitchenRole::window;
            Scene kitchenScene = open(kitchen, store.kitchen(), messages, width, height);
            Scene barScene = open(kitchen, store.bar(), messages, width, height);
            Scene expoScene = open(kitchen, store.expo(), messages, width, height);
            Scene pickupScene = open(PickupRole::window, store.pickup(), messages, width, height);
            ScreenShots.later(5, () -> store.lunchRush().start(QUICK));
            ScreenShots.later(40, () -> {
                try {
                    ScreenShots.write(kitchenScene, folder.resolve("station-kitchen.png"));
                    ScreenShots.write(barScene, folder.resolve("station-bar.png"));
                    ScreenShots.write(expoScene, folder.resolve("expo.png"));
                    ScreenShots.write(pickupScene, folder.resolve("pickup-lunch.png"));
                    ((Button) expoScene.lookup("#speed-button")).fire();
                } catch (Exception e) {
                    e.printStackTrace();
                }
                ScreenShots.later(3, () -> ScreenShots.writeAndExit(expoScene, folder.resolve("expo-speed.png"), store));
            });
        });
    }

    private static Scene open(BiFunction<RunningTerminal, Messages, ? extends SizedWindow> role, OutletRuntime terminal,
            Messages messages, int width, int height) {
        SizedWindow window = role.apply(new RunningTerminal(terminal), messages);
        return ScreenShots.show(window.buildScene(width, height)).getScene();
    }
}
