package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.OnScreenKeyboard;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Checkout: the order as it will be placed, eat here or take away (once per order), the customer's name
 * on an on-screen keyboard, that paying happens at the counter, confirm. Portrait stacks the order over
 * the rest; a short window (the demo's) gets compact keys so nothing is pushed off the screen.
 */
final class CheckoutView {
    private static final int MAX_NAME = 40;
    /** Portrait windows shorter than this get compact keys; taller ones tall keys. */
    private static final double SHORT_SCREEN = 1300;
    /** Landscape windows at least this tall (a 1080 p screen) get tall keys. */
    private static final double SHORT_SCREEN_LANDSCAPE = 1000;

    private final KioskViewModel kiosk;
    private final Messages messages;
    private final boolean portrait;
    private final double height;
    private final CartPanel summaryPanel;
    private final InvalidationListener refresh = observable -> show();

    @FXML
    private VBox root;
    @FXML
    private HBox columns;
    @FXML
    private VBox summary;
    @FXML
    private VBox details;
    @FXML
    private TextField name;
    @FXML
    private VBox keyboardHolder;
    @FXML
    private Label problem;
    @FXML
    private Label kitchenClosed;
    @FXML
    private Button confirm;
    @FXML
    private Label diningQuestion;
    @FXML
    private Label nameHint;
    @FXML
    private ToggleButton eatIn;
    @FXML
    private ToggleButton takeAway;

    /** @param height the window's height: decides the keys' size */
    CheckoutView(KioskViewModel kiosk, Messages messages, boolean portrait, double height) {
        this.kiosk = kiosk;
        this.messages = messages;
        this.portrait = portrait;
        this.height = height;
        this.summaryPanel = new CartPanel(kiosk, messages, false);
    }

    Parent build() {
        Views.load(this, "checkout.fxml", messages);
        VBox cart = summaryPanel.build();
        VBox.setVgrow(cart, Priority.ALWAYS);
        summary.getChildren().add(cart);
        OnScreenKeyboard keyboard = new OnScreenKeyboard(name, messages.get("checkout.space"));
        if (portrait) {
            // one column: the order on top (it takes the room the rest leaves), the name and keyboard below it
            columns.getChildren().clear();
            VBox stacked = new VBox(16, summary, details);
            VBox.setVgrow(summary, Priority.ALWAYS);
            HBox.setHgrow(stacked, Priority.ALWAYS);
            columns.getChildren().add(stacked);
            boolean compact = height < SHORT_SCREEN;
            keyboard.getStyleClass().add(compact ? "compact-keys" : "tall-keys");
            if (compact) {
                // the two answers and the field's prompt say enough; their captions make room for the order
                root.getStyleClass().add("compact");
                hide(diningQuestion);
                hide(nameHint);
            }
        } else {
            details.setPrefWidth(820);
            details.setMinWidth(700);
            if (height >= SHORT_SCREEN_LANDSCAPE) {
                keyboard.getStyleClass().add("tall-keys"); // a full-height landscape screen has the room
            }
        }
        name.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= MAX_NAME ? change : null));
        keyboardHolder.getChildren().add(keyboard);
        name.setOnAction(event -> confirm());
        kiosk.problemProperty().addListener(refresh);
        kiosk.placingProperty().addListener(refresh);
        kiosk.kitchenProperty().addListener(refresh);
        kiosk.pricedCartProperty().addListener(refresh);
        kiosk.diningProperty().addListener(refresh);
        confirm.disableProperty().bind(kiosk.canPayBinding().not());
        show();
        return root;
    }

    void dispose() {
        kiosk.problemProperty().removeListener(refresh);
        kiosk.placingProperty().removeListener(refresh);
        kiosk.kitchenProperty().removeListener(refresh);
        kiosk.pricedCartProperty().removeListener(refresh);
        kiosk.diningProperty().removeListener(refresh);
        confirm.disableProperty().unbind();
        summaryPanel.dispose();
    }

    private void show() {
        String key = kiosk.problemProperty().get();
        problem.setText(key == null ? "" : messages.get(key));
        problem.setVisible(key != null);
        problem.setManaged(key != null);
        boolean closed = kiosk.kitchenProperty().get() == KioskViewModel.KitchenState.CLOSED;
        kitchenClosed.setVisible(closed);
        kitchenClosed.setManaged(closed);
        Dining where = kiosk.diningProperty().get();
        eatIn.setSelected(where == Dining.EAT_IN);
        takeAway.setSelected(where == Dining.TAKE_AWAY);
        confirm.setText(kiosk.placingProperty().get() ? messages.get("checkout.placing")
                : messages.get("checkout.confirm", Rupiah.format(kiosk.pricedCartProperty().get().total())));
    }

    private static void hide(Label label) {
        label.setVisible(false);
        label.setManaged(false);
    }

    @FXML
    private void back() {
        kiosk.backToMenu();
    }

    @FXML
    private void eatIn() {
        kiosk.chooseDining(Dining.EAT_IN);
        show(); // a second tap on the chosen answer keeps it chosen
    }

    @FXML
    private void takeAway() {
        kiosk.chooseDining(Dining.TAKE_AWAY);
        show();
    }

    @FXML
    private void confirm() {
        kiosk.confirm(name.getText());
    }
}
