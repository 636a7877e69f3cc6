package id.outletkiosk.ui.kiosk;

import id.outletkiosk.pricing.CartPricer;
import id.outletkiosk.pricing.PricedCart;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import java.math.BigDecimal;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.geometry.Insets;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The cart beside (or below) the menu, and read-only on the checkout: each line with quantity, notes,
 * promotion and line total; edit and remove buttons; what a sync changed, to be acknowledged before
 * paying; subtotal, discount and total.
 */
final class CartPanel {
    private final KioskViewModel kiosk;
    private final Messages messages;
    private final boolean editable;
    private final InvalidationListener redraw = observable -> show();

    @FXML
    private VBox root;
    @FXML
    private Label itemCount;
    @FXML
    private VBox changesBox;
    @FXML
    private VBox changesList;
    @FXML
    private VBox lines;
    @FXML
    private Label emptyCart;
    @FXML
    private GridPane totals;
    @FXML
    private Label subtotal;
    @FXML
    private Label discount;
    @FXML
    private Label total;
    @FXML
    private Button pay;
    @FXML
    private HBox undoBar;
    @FXML
    private Label undoText;

    CartPanel(KioskViewModel kiosk, Messages messages, boolean editable) {
        this.kiosk = kiosk;
        this.messages = messages;
        this.editable = editable;
    }

    VBox build() {
        Views.load(this, "cart.fxml", messages);
        pay.setVisible(editable);
        pay.setManaged(editable);
        pay.disableProperty().bind(kiosk.canPayBinding().not());
        kiosk.pricedCartProperty().addListener(redraw);
        kiosk.changes().addListener(redraw);
        kiosk.removedProperty().addListener(redraw);
        show();
        return root;
    }

    /** Stops listening: a screen that is gone must not keep redrawing. */
    void dispose() {
        kiosk.pricedCartProperty().removeListener(redraw);
        kiosk.changes().removeListener(redraw);
        kiosk.removedProperty().removeListener(redraw);
        pay.disableProperty().unbind();
    }

    private void show() {
        PricedCart cart = kiosk.pricedCartProperty().get();
        int count = cart.lines().stream().mapToInt(l -> l.line().quantity()).sum();
        itemCount.setText(messages.get("cart.items", count));
        lines.getChildren().clear();
        for (PricedCart.PricedCartLine line : cart.lines()) {
            lines.getChildren().add(lineRow(line));
        }
        emptyCart.setVisible(cart.isEmpty());
        emptyCart.setManaged(cart.isEmpty());
        subtotal.setText(Rupiah.format(cart.subtotal()));
        discount.setText(cart.discount().signum() == 0 ? Rupiah.format(BigDecimal.ZERO)
                : "-" + Rupiah.format(cart.discount()));
        total.setText(Rupiah.format(cart.total()));
        KioskCart.RemovedLine removed = kiosk.removedProperty().get();
        boolean undoable = editable && removed != null;
        undoBar.setVisible(undoable);
        undoBar.setManaged(undoable);
        undoText.setText(undoable ? messages.get("cart.removed", removed.dishName()) : "");
        boolean changed = !kiosk.changes().isEmpty();
        changesBox.setVisible(changed);
        changesBox.setManaged(changed);
        changesList.getChildren().clear();
        for (PricedCart.Change change : kiosk.changes()) {
            Label text = new Label("• " + ChangeTexts.describe(change, messages));
            text.setWrapText(true);
            changesList.getChildren().add(text);
        }
    }

    private Node lineRow(PricedCart.PricedCartLine line) {
        CartPricer.PricedLine priced = line.priced();
        Label quantity = new Label(line.line().quantity() + "×");
        quantity.getStyleClass().add("cart-line-quantity");
        Label name = new Label(line.product().name());
        name.getStyleClass().add("cart-line-name");
        name.setWrapText(true);
        VBox text = new VBox(2, name);
        if (!line.line().notes().isEmpty()) {
            Label notes = new Label("“" + line.line().notes() + "”");
            notes.getStyleClass().add("cart-line-notes");
            notes.setWrapText(true);
            text.getChildren().add(notes);
        }
        if (priced.promotion() != null) {
            BigDecimal saved = priced.unitDiscount().multiply(BigDecimal.valueOf(line.line().quantity()));
            Label promotion = new Label(priced.promotion().name() + " -" + Rupiah.format(saved));
            promotion.getStyleClass().add("cart-line-promotion");
            promotion.setWrapText(true);
            text.getChildren().add(promotion);
        }
        Label lineTotal = new Label(Rupiah.format(priced.lineTotal()));
        lineTotal.getStyleClass().add("cart-line-total");
        lineTotal.setMinWidth(Region.USE_PREF_SIZE);
        VBox actions = new VBox(8, lineTotal);
        actions.setAlignment(Pos.TOP_RIGHT);
        // the name and notes take what is left after the quantity, the amount and the buttons
        BorderPane row = new BorderPane(text, null, actions, null, quantity);
        BorderPane.setMargin(text, new Insets(0, 12, 0, 8));
        text.setMinWidth(0);
        row.getStyleClass().add("cart-line");
        // a few ids all day: every customer's lines are numbered from 1 (Cart.clear), and JavaFX keeps a style map
        // per distinct id for as long as the scene lives
        row.setId("cart-line-" + line.line().lineId());
        if (editable) {
            Button edit = new Button("✎");
            edit.getStyleClass().add("icon-button");
            edit.setId("edit-line-" + line.line().lineId());
            edit.setAccessibleText(messages.get("cart.edit"));
            edit.setOnAction(event -> kiosk.editLine(line.line().lineId()));
            Button remove = new Button("✕");
            remove.getStyleClass().addAll("icon-button", "remove-button");
            remove.setId("remove-line-" + line.line().lineId());
            remove.setAccessibleText(messages.get("cart.remove"));
            remove.setOnAction(event -> kiosk.removeLine(line.line().lineId()));
            actions.getChildren().add(new HBox(8, edit, remove));
        }
        return row;
    }

    @FXML
    private void acknowledge() {
        kiosk.acknowledgeChanges();
    }

    @FXML
    private void undo() {
        kiosk.undoRemove();
    }

    @FXML
    private void pay() {
        kiosk.checkout();
    }
}
