package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;

/** "Still there?" with the seconds left before the cart is cleared. */
final class IdlePrompt {
    private final KioskViewModel kiosk;
    private final Messages messages;

    @FXML
    private Parent root;
    @FXML
    private Label countdown;

    IdlePrompt(KioskViewModel kiosk, Messages messages) {
        this.kiosk = kiosk;
        this.messages = messages;
    }

    Parent build() {
        return Views.load(this, "idle-prompt.fxml", messages);
    }

    void showSecondsLeft(long seconds) {
        countdown.setText(messages.get("idle.countdown", seconds));
    }

    @FXML
    private void stay() {
        kiosk.touched();
    }

    @FXML
    private void startOver() {
        kiosk.startOver();
    }
}
