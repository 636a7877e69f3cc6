package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

/**
 * Tap anywhere to start in the kiosk's own language, or pick Bahasa Indonesia or English. While the
 * kitchen is closed it says so in both languages and no order can begin.
 */
final class WelcomeView {
    private final KioskViewModel kiosk;
    private final Messages defaultLanguage;
    /** Below this window height the welcome's words sit closer together (the demo's kiosk window). */
    private static final double SHORT_SCREEN = 1000;

    private final InvalidationListener kitchenChanged = observable -> showKitchen();
    private final double height;

    @FXML
    private VBox root;
    @FXML
    private Label tapToStart;
    @FXML
    private Button indonesian;
    @FXML
    private Button english;

    /** @param height the window's height */
    WelcomeView(KioskViewModel kiosk, Messages defaultLanguage, double height) {
        this.kiosk = kiosk;
        this.defaultLanguage = defaultLanguage;
        this.height = height;
    }

    Parent build() {
        Parent view = Views.load(this, "welcome.fxml", defaultLanguage);
        if (height < SHORT_SCREEN) {
            root.getStyleClass().add("compact");
        }
        // a tap on the buttons is handled by them; anywhere else starts in the kiosk's default language
        root.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (!event.isConsumed() && kiosk.screenProperty().get() == KioskScreen.WELCOME) {
                kiosk.start(defaultLanguage);
            }
        });
        indonesian.disableProperty().bind(kiosk.canStartBinding().not());
        english.disableProperty().bind(kiosk.canStartBinding().not());
        kiosk.kitchenProperty().addListener(kitchenChanged);
        showKitchen();
        return view;
    }

    void dispose() {
        kiosk.kitchenProperty().removeListener(kitchenChanged);
        indonesian.disableProperty().unbind();
        english.disableProperty().unbind();
    }

    private void showKitchen() {
        boolean open = kiosk.canStartBinding().get();
        tapToStart.setText(open ? "Sentuh untuk memesan · Touch to order"
                : Bilingual.of("welcome.kitchenClosed", "\n"));
        tapToStart.getStyleClass().remove("welcome-closed");
        if (!open) {
            tapToStart.getStyleClass().add("welcome-closed");
        }
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
