package id.outletkiosk.ui;

import id.outletkiosk.OutletRuntime;
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

    /** The customer's kiosk, the kitchen board, or (until the manager's panel lands) the menu window. */
    static AppWindow windowFor(OutletRuntime runtime, Messages messages) {
        return switch (runtime.settings().role()) {
            case KIOSK -> new KioskWindow(runtime, messages);
            case KITCHEN -> new KitchenWindow(runtime, messages);
            case MANAGER -> new MenuWindow(runtime, messages);
        };
    }

    /** Shows the role's window and returns when the person closes it. */
    public static void run(OutletRuntime runtime, Messages messages) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<AppWindow> window = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                window.set(windowFor(runtime, messages));
                Stage stage = new Stage();
                stage.setOnHidden(event -> closed.countDown());
                window.get().show(stage);
            } catch (RuntimeException e) {
                failed.set(e);
                closed.countDown();
            }
        });
        try {
            closed.await();
        } finally {
            if (window.get() != null) {
                window.get().close();
            }
            Platform.exit();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("the window could not open: " + failed.get().getMessage(), failed.get());
        }
    }
}
