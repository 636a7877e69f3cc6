package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The reference, very large, the moment the order is in the outbox (network or not); the central
 * order number appears here when the backend has acknowledged it.
 */
final class ConfirmationView {
    private final KioskViewModel kiosk;
    private final Messages messages;
    private final InvalidationListener refresh = observable -> show();

    @FXML
    private VBox root;
    @FXML
    private Label thanks;
    @FXML
    private Label reference;
    @FXML
    private Label orderNumber;
    @FXML
    private Label total;

    ConfirmationView(KioskViewModel kiosk, Messages messages) {
        this.kiosk = kiosk;
        this.messages = messages;
    }

    Parent build() {
        Views.load(this, "confirmation.fxml", messages);
        kiosk.placedOrderProperty().addListener(refresh);
        show();
        return root;
    }

    void dispose() {
        kiosk.placedOrderProperty().removeListener(refresh);
    }

    private void show() {
        OutboxEntry order = kiosk.placedOrderProperty().get();
        if (order == null) {
            return;
        }
        thanks.setText(messages.get("confirmation.thanks", order.customerName()));
        reference.setText(order.reference());
        orderNumber.setText(order.orderNumber() == null ? messages.get("confirmation.numberPending")
                : messages.get("confirmation.number", order.orderNumber()));
        total.setText(messages.get("confirmation.total", Rupiah.format(order.kioskTotal())));
    }

    @FXML
    private void done() {
        kiosk.startOver();
    }
}
