package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;

/** The menu's "start over" with dishes in the cart: clearing it is asked, never done on one tap. */
final class StartOverQuestion {
    private final KioskViewModel kiosk;
    private final Messages messages;

    StartOverQuestion(KioskViewModel kiosk, Messages messages) {
        this.kiosk = kiosk;
        this.messages = messages;
    }

    Parent build() {
        return Views.load(this, "start-over.fxml", messages);
    }

    @FXML
    private void keepOrder() {
        kiosk.keepOrder();
    }

    @FXML
    private void startOver() {
        kiosk.startOver();
    }
}
