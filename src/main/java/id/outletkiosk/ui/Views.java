package id.outletkiosk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view with the screen's words and a controller that already has its view model. */
public final class Views {
    private Views() {
    }

    /** {@code fxml} is relative to the controller's class; the FXML names no controller, this one is used. */
    public static <T extends Parent> T load(Object controller, String fxml, Messages messages) {
        FXMLLoader loader = new FXMLLoader(controller.getClass().getResource(fxml), messages.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the view " + fxml + " could not be loaded", e);
        }
    }
}
