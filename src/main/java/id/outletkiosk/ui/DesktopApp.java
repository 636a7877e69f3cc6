package id.outletkiosk.ui;

import id.outletkiosk.OutletRuntime;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Starts JavaFX from a plain main (so the fat jar needs no JavaFX launcher tricks) and waits for the window to close. */
public final class DesktopApp {
    private DesktopApp() {
    }

    /** Shows the menu window and returns when the person closes it. */
    public static void run(OutletRuntime runtime, Messages messages) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        MenuWindow window = new MenuWindow(runtime, messages);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            window.show(stage);
        });
        try {
            closed.await();
        } finally {
            window.close();
            Platform.exit();
        }
    }
}
