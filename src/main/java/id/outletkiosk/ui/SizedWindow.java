package id.outletkiosk.ui;

import javafx.scene.Scene;

/** A role's window that builds its scene at the size its caller gives: the demo places several side by side. */
public interface SizedWindow extends AppWindow {
    /** Builds the scene; call on the FX thread. */
    Scene buildScene(double width, double height);
}
