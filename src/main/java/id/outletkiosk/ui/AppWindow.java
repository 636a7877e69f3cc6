package id.outletkiosk.ui;

import id.outletkiosk.OutletRuntime;
import id.outletkiosk.sync.RealtimeFeed;
import javafx.scene.Node;
import javafx.stage.Stage;

/** A role's main window: built and shown on the FX thread, closed when the app ends. */
public interface AppWindow extends AutoCloseable {
    void show(Stage stage);

    /** The terminal behind the window: the manager's panel reports on it. */
    OutletRuntime runtime();

    /** The window's realtime order feed, for the panel's live-orders tab. */
    RealtimeFeed feed();

    /** Where a long press opens the manager's panel: the status bar, on every role's screen. */
    Node managerHandle();

    @Override
    void close();
}
