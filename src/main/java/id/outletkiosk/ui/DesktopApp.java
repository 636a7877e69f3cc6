package id.outletkiosk.ui;

import id.outletkiosk.OutletRuntime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Starts JavaFX from a plain main (so the fat jar needs no JavaFX launcher tricks) and waits for the window to close. */
public final class DesktopApp {
    private DesktopApp() {
    }

    /** Shows the menu window and returns when the person closes it. */
    public static void run(OutletRuntime runtime, Messages messages) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<MenuWindow> window = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                window.set(new MenuWindow(runtime, messages));
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
