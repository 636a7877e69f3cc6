package id.outletkiosk.ui;

import javafx.stage.Stage;

/** A role's main window: built and shown on the FX thread, closed when the app ends. */
public interface AppWindow extends AutoCloseable {
    void show(Stage stage);

    /**
     * The window's status bar, once shown: it knows the terminal and its feed (what the manager's panel
     * reports on), and a long press on it opens that panel.
     */
    TerminalStatusBar statusBar();

    @Override
    void close();
}
