package id.outletkiosk.ui.app;

import id.outletkiosk.ui.AppWindow;
import id.outletkiosk.ui.MenuWindow;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.SizedWindow;

import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.ui.manager.ManagerAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import id.outletkiosk.ui.kiosk.KioskWindow;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Starts JavaFX from a plain main (so the fat jar needs no JavaFX launcher tricks) and waits for the window to close. */
public final class DesktopApp {
    private DesktopApp() {
    }

    /**
     * The customer's kiosk, the kitchen board, the menu window (the manager's back office: its panel opens
     * from there as from any screen), or the customers' pickup screen.
     */
    static AppWindow windowFor(RunningTerminal terminal, Messages messages) {
        return switch (terminal.role()) {
            case KIOSK -> KioskRole.window(terminal, messages);
            case KITCHEN -> KitchenRole.window(terminal, messages);
            case MANAGER -> BackOfficeRole.window(terminal, messages);
            case PICKUP -> PickupRole.window(terminal, messages);
        };
    }

    /**
     * The demo: the kiosk (left), the kitchen display (right) and the internet switch (bottom), over a
     * whole store in this process; returns when any of them is closed.
     */
    public static void runDemo(DemoOutlet store, Messages messages) throws InterruptedException {
        runUntilClosed("the demo", (windows, closed) -> {
            var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
            double height = Math.min(bounds.getHeight() - 110, 1000);
            RunningTerminal kioskTerminal = new RunningTerminal(store.kiosk());
            KioskWindow kiosk = KioskRole.window(kioskTerminal, messages);
            windows.add(kiosk);
            Stage kioskStage = place(new Stage(), bounds.getMinX(), bounds.getMinY(), closed);
            // the kiosk's narrowest layout (welcome buttons, cart column) needs about 820 px
            kioskStage.setScene(kiosk.buildScene(Math.min(820, bounds.getWidth() / 2.3), height));
            kioskStage.setTitle(messages.get("app.title"));
            kioskStage.show();
            windows.add(managerAccess(kiosk, kioskTerminal, kioskStage, messages, DemoOutlet.DEMO_PIN));
            // the kitchen's screens beside the kiosk, one stage each in the same place; the control picks
            Map<String, Stage> screens = new LinkedHashMap<>();
            double x = bounds.getMinX() + kioskStage.getWidth();
            for (DemoScreen screen : List.of(new DemoScreen("kitchen", store.kitchen()), new DemoScreen("bar", store.bar()),
                    new DemoScreen("expo", store.expo()), new DemoScreen("pickup", store.pickup()))) {
                RunningTerminal terminal = new RunningTerminal(screen.runtime());
                SizedWindow board = (SizedWindow) windowFor(terminal, messages);
                windows.add(board);
                Stage stage = place(new Stage(), x, bounds.getMinY(), closed);
                stage.setScene(board.buildScene(bounds.getMaxX() - x, height));
                stage.setTitle(messages.get("demo.screen." + screen.name()) + " \u2013 " + messages.get("app.title"));
                stage.show();
                windows.add(managerAccess(board, terminal, stage, messages, DemoOutlet.DEMO_PIN));
                screens.put(messages.get("demo.screen." + screen.name()), stage);
            }
            screens.values().iterator().next().toFront();
            DemoControl control = new DemoControl(store, messages, screens);
            windows.add(control);
            control.show(place(new Stage(), bounds.getMinX(), bounds.getMinY() + height + 20, closed));
        });
    }

    /** One of the demo's screens beside the kiosk: its name's message key and its terminal. */
    private record DemoScreen(String name, OutletRuntime runtime) {
    }

    /** Shows the role's window and returns when the person closes it. */
    public static void run(OutletRuntime runtime, Messages messages) throws InterruptedException {
        runUntilClosed("the window", (windows, closed) -> {
            RunningTerminal terminal = new RunningTerminal(runtime);
            AppWindow window = windowFor(terminal, messages);
            windows.add(window);
            Stage stage = place(new Stage(), Double.NaN, Double.NaN, closed);
            window.show(stage);
            ManagerAccess access = managerAccess(window, terminal, stage, messages, null);
            windows.add(access);
            if (window instanceof MenuWindow backOffice) {
                backOffice.offerManagerPanel(access::open); // the back office's panel gets a button of its own
            }
        });
    }

    /** Ctrl+Shift+M or a long press on the status bar, then the PIN: the manager's panel over the window. */
    private static ManagerAccess managerAccess(AppWindow window, RunningTerminal terminal, Stage stage,
            Messages messages, String demoPin) {
        return new ManagerAccess(window.statusBar(), terminal, messages, stage,
                ConfigFile.of(terminal.settings(), SettingsLoader.forCurrentUser()),
                demoPin == null ? null : messages.get("manager.pin.demoHint", demoPin));
    }

    /** Opens windows on the FX thread; whatever it registers is closed once any window closes. */
    private interface Opening {
        void open(List<AutoCloseable> windows, CountDownLatch closed);
    }

    private static void runUntilClosed(String what, Opening opening) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        List<AutoCloseable> windows = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                opening.open(windows, closed);
            } catch (RuntimeException e) {
                failed.set(e);
                closed.countDown();
            }
        });
        try {
            closed.await();
        } finally {
            for (AutoCloseable window : windows) {
                try {
                    window.close();
                } catch (Exception e) {
                    // closing anyway: the others must close too
                }
            }
            Platform.exit();
        }
        if (failed.get() != null) {
            throw new IllegalStateException(what + " could not open: " + failed.get().getMessage(), failed.get());
        }
    }

    /** A stage at (x, y) (NaN: where the system puts it) whose closing ends the app. */
    private static Stage place(Stage stage, double x, double y, CountDownLatch closed) {
        if (!Double.isNaN(x)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setOnHidden(event -> closed.countDown());
        return stage;
    }
}
