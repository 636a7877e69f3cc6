package id.outletkiosk.ui.app;

import id.outletkiosk.ui.AppWindow;
import id.outletkiosk.ui.MenuWindow;
import id.outletkiosk.ui.Messages;

import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.ui.manager.ManagerAccess;
import java.util.List;
import id.outletkiosk.ui.kiosk.KioskWindow;
import id.outletkiosk.ui.kitchen.KitchenWindow;
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
            RunningTerminal kitchenTerminal = new RunningTerminal(store.kitchen());
            KitchenWindow kitchen = KitchenRole.window(kitchenTerminal, messages);
            windows.add(kitchen);
            double kitchenX = bounds.getMinX() + kioskStage.getWidth();
            Stage kitchenStage = place(new Stage(), kitchenX, bounds.getMinY(), closed);
            kitchenStage.setScene(kitchen.buildScene(bounds.getMaxX() - kitchenX, height));
            kitchenStage.setTitle(messages.get("kitchen.title", kitchenTerminal.outlet()));
            kitchenStage.show();
            windows.add(managerAccess(kitchen, kitchenTerminal, kitchenStage, messages, DemoOutlet.DEMO_PIN));
            DemoControl control = new DemoControl(store, messages);
            windows.add(control);
            control.show(place(new Stage(), bounds.getMinX(), bounds.getMinY() + height + 20, closed));
        });
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
