package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

/** Tap anywhere to start in the kiosk's own language, or pick Bahasa Indonesia or English. */
final class WelcomeView {
    private final KioskViewModel kiosk;
    private final Messages defaultLanguage;

    @FXML
    private VBox root;

    WelcomeView(KioskViewModel kiosk, Messages defaultLanguage) {
        this.kiosk = kiosk;
        this.defaultLanguage = defaultLanguage;
    }

    Parent build() {
        Parent view = Views.load(this, "welcome.fxml", defaultLanguage);
        // a tap on the buttons is handled by them; anywhere else starts in the kiosk's default language
        root.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (!event.isConsumed() && kiosk.screenProperty().get() == KioskScreen.WELCOME) {
                kiosk.start(defaultLanguage);
            }
        });
        return view;
    }

    @FXML
    private void startIndonesian() {
        kiosk.start(Messages.indonesian());
    }

    @FXML
    private void startEnglish() {
        kiosk.start(Messages.english());
    }
}
