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
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The reference, very large, the moment the order is in the outbox (network or not); the central
 * order number appears here when the backend has acknowledged it. The reference (up to 8 characters,
 * "K2-0007") is made smaller rather than cut when the window is narrow; a short window (the demo's)
 * gets the compact spacing so the "Done" button stays on it.
 */
final class ConfirmationView {
    private final KioskViewModel kiosk;
    private final Messages messages;
    /** The reference's full size, and the width it may take of the screen's. */
    private static final double REFERENCE_SIZE = 150;
    private static final double SHORT_SCREEN = 1000;

    private final InvalidationListener refresh = observable -> show();
    private final double height;

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

    /** @param height the window's height */
    ConfirmationView(KioskViewModel kiosk, Messages messages, double height) {
        this.kiosk = kiosk;
        this.messages = messages;
        this.height = height;
    }

    Parent build() {
        Views.load(this, "confirmation.fxml", messages);
        if (height < SHORT_SCREEN) {
            root.getStyleClass().add("compact");
        }
        root.widthProperty().addListener(observable -> fitReference());
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
        fitReference();
        orderNumber.setText(order.orderNumber() == null ? messages.get("confirmation.numberPending")
                : messages.get("confirmation.number", order.orderNumber()));
        total.setText(messages.get("confirmation.total", Rupiah.format(order.kioskTotal())));
    }

    /** The largest size up to {@link #REFERENCE_SIZE} at which the whole reference fits the screen's width. */
    private void fitReference() {
        double room = root.getWidth() - root.getPadding().getLeft() - root.getPadding().getRight();
        if (room <= 0 || reference.getText() == null || reference.getText().isEmpty()) {
            return;
        }
        double largest = height < SHORT_SCREEN ? REFERENCE_SIZE * 0.8 : REFERENCE_SIZE;
        Font full = Font.font(reference.getFont().getFamily(), FontWeight.BOLD, largest);
        Text measure = new Text(reference.getText());
        measure.setFont(full);
        double width = measure.getLayoutBounds().getWidth();
        double size = width <= room ? largest : Math.floor(largest * room / width);
        reference.setStyle("-fx-font-size: " + size + "px;");
    }

    @FXML
    private void done() {
        kiosk.startOver();
    }
}
