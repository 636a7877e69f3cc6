package id.outletkiosk.testing;

import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.security.ManagerPin;
import id.outletkiosk.ui.MenuWindow;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.BackOfficeRole;
import id.outletkiosk.ui.app.RunningTerminal;
import id.outletkiosk.ui.manager.ManagerAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javafx.stage.Stage;

/**
 * A back-office terminal (role=manager) as the manager panel's screen tests use it: its store and config file
 * in a test's home folder, then its window on a headless stage with the panel behind the manager's PIN.
 * {@link #close()} closes the panel, the window and the runtime; the backends stay the test's.
 */
public final class BackOfficeOnScreen implements AutoCloseable {
    private final Path config;
    private final SettingsLoader loader;
    private final OutletRuntime runtime;
    private Stage stage;
    private MenuWindow window;
    private ManagerAccess access;

    private BackOfficeOnScreen(Path config, SettingsLoader loader, OutletRuntime runtime) {
        this.config = config;
        this.loader = loader;
        this.runtime = runtime;
    }

    /**
     * Opens the terminal's runtime over {@code home}: the PIN set (none when {@code pin} is null), a config file
     * saying role=manager, and {@code flags} plus the data folder and the config file as its settings.
     */
    public static BackOfficeOnScreen open(Path home, String pin, Map<Setting, String> flags, Clock clock)
            throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        if (pin != null) {
            ManagerPin.set(data, pin.toCharArray());
        }
        Path config = home.resolve("outlet-kiosk.properties");
        Files.writeString(config, "role=manager\n");
        SettingsLoader loader = new SettingsLoader(home);
        Map<Setting, String> settings = new HashMap<>(flags);
        settings.put(Setting.DATA_DIR, data.toString());
        settings.put(Setting.CONFIG, config.toString());
        return new BackOfficeOnScreen(config, loader, OutletRuntime.open(loader.load(settings, Map.of()), clock));
    }

    /**
     * Shows the back office on {@code primary} at the top left, {@code width} x {@code height} (its scene's own
     * size when either is 0), with the back office's button to the manager panel.
     */
    public void show(Stage primary, Messages messages, double width, double height) throws Exception {
        stage = primary;
        FxAwait.onFx(() -> {
            RunningTerminal terminal = new RunningTerminal(runtime);
            window = BackOfficeRole.window(terminal, messages);
            stage.setScene(window.buildScene());
            if (width > 0 && height > 0) {
                stage.setWidth(width);
                stage.setHeight(height);
            } else {
                stage.sizeToScene();
            }
            stage.setX(0);
            stage.setY(0);
            stage.show();
            access = new ManagerAccess(window.statusBar(), terminal, messages, stage, new ConfigFile(config, loader),
                    null);
            window.offerManagerPanel(access::open);
            return null;
        });
    }

    public OutletRuntime runtime() {
        return runtime;
    }

    public MenuWindow window() {
        return window;
    }

    /** The terminal's config file, which the panel's settings tab writes. */
    public Path config() {
        return config;
    }

    @Override
    public void close() throws Exception {
        if (stage != null) {
            FxAwait.onFx(() -> {
                stage.hide();
                stage.setFullScreen(false);
                return null;
            });
        }
        if (access != null) {
            access.close();
        }
        if (window != null) {
            window.close();
        }
        runtime.close();
    }
}
