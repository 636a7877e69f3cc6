package id.outletkiosk.ui;

import javafx.stage.Stage;

/** A role's main window: built and shown on the FX thread, closed when the app ends. */
public interface AppWindow extends AutoCloseable {
    void show(Stage stage);

    @Override
    void close();
}
