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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Checkout: the order as it will be placed, the customer's name on an on-screen keyboard, confirm. */
final class CheckoutView {
    private static final int MAX_NAME = 40;

    private final KioskViewModel kiosk;
    private final Messages messages;
    private final boolean portrait;
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

    CheckoutView(KioskViewModel kiosk, Messages messages, boolean portrait) {
        this.kiosk = kiosk;
        this.messages = messages;
        this.portrait = portrait;
        this.summaryPanel = new CartPanel(kiosk, messages, false);
    }

    Parent build() {
        Views.load(this, "checkout.fxml", messages);
        VBox cart = summaryPanel.build();
        VBox.setVgrow(cart, Priority.ALWAYS);
        summary.getChildren().add(cart);
        if (portrait) {
            // one column: the order on top, the name and keyboard below it
            columns.getChildren().clear();
            VBox stacked = new VBox(24, summary, details);
            VBox.setVgrow(summary, Priority.ALWAYS);
            HBox.setHgrow(stacked, Priority.ALWAYS);
            columns.getChildren().add(stacked);
        } else {
            details.setPrefWidth(820);
        }
        name.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= MAX_NAME ? change : null));
        keyboardHolder.getChildren().add(new OnScreenKeyboard(name, messages.get("checkout.space")));
        name.setOnAction(event -> confirm());
        kiosk.problemProperty().addListener(refresh);
        kiosk.placingProperty().addListener(refresh);
        kiosk.kitchenProperty().addListener(refresh);
        kiosk.pricedCartProperty().addListener(refresh);
        confirm.disableProperty().bind(kiosk.canPayBinding().not());
        show();
        return root;
    }

    void dispose() {
        kiosk.problemProperty().removeListener(refresh);
        kiosk.placingProperty().removeListener(refresh);
        kiosk.kitchenProperty().removeListener(refresh);
        kiosk.pricedCartProperty().removeListener(refresh);
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
        confirm.setText(kiosk.placingProperty().get() ? messages.get("checkout.placing")
                : messages.get("checkout.confirm", Rupiah.format(kiosk.pricedCartProperty().get().total())));
    }

    @FXML
    private void back() {
        kiosk.backToMenu();
    }

    @FXML
    private void confirm() {
        kiosk.confirm(name.getText());
    }
}
