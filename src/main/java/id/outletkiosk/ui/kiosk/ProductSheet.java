package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.Product;
import id.outletkiosk.pricing.Cart;
import id.outletkiosk.pricing.CartPricer;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.ProductImages;
import id.outletkiosk.ui.Views;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The dish sheet over the menu: large picture, price with its promotion, quantity, notes, add or update. */
final class ProductSheet {
    private final KioskViewModel kiosk;
    private final Messages messages;
    private final ProductImages images;
    private final KioskViewModel.ProductChoice choice;
    private int chosenQuantity;

    @FXML
    private StackPane root;
    @FXML
    private VBox sheet;
    @FXML
    private ImageView picture;
    @FXML
    private Label name;
    @FXML
    private Label description;
    @FXML
    private Label price;
    @FXML
    private Label oldPrice;
    @FXML
    private Label promotion;
    @FXML
    private Label quantity;
    @FXML
    private Button less;
    @FXML
    private Button more;
    @FXML
    private FlowPane quickNotes;
    @FXML
    private TextField notes;
    @FXML
    private Button confirm;

    ProductSheet(KioskViewModel kiosk, Messages messages, ProductImages images, KioskViewModel.ProductChoice choice) {
        this.kiosk = kiosk;
        this.messages = messages;
        this.images = images;
        this.choice = choice;
        this.chosenQuantity = choice.line() == null ? 1 : choice.line().quantity();
    }

    Parent build() {
        Views.load(this, "product-sheet.fxml", messages);
        Product product = choice.product();
        name.setText(product.name());
        description.setText(product.description() == null ? "" : product.description());
        images.loadLarge(product.imageUrl(), picture.getFitWidth(), picture.getFitWidth() * 0.75,
                image -> ProductImages.showCovering(picture, image));
        CartPricer.PricedLine one = kiosk.menuProperty().get().price(product, 1);
        boolean promoted = one.promotion() != null;
        price.setText(Rupiah.format(one.lineTotal()));
        oldPrice.setText(promoted ? Rupiah.format(one.unitPrice()) : "");
        oldPrice.setVisible(promoted);
        promotion.setText(promoted ? Rupiah.discountLabel(one.promotion()) + " · " + one.promotion().name() : "");
        promotion.setVisible(promoted);
        notes.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= Cart.MAX_NOTES_LENGTH ? change : null));
        notes.setText(choice.line() == null ? "" : choice.line().notes());
        for (String quick : List.of(messages.get("sheet.quick.mild"), messages.get("sheet.quick.spicy"),
                messages.get("sheet.quick.noOnion"), messages.get("sheet.quick.takeAway"))) {
            Button chip = new Button(quick);
            chip.getStyleClass().add("note-chip");
            chip.setOnAction(event -> addNote(quick));
            quickNotes.getChildren().add(chip);
        }
        // a tap outside the sheet closes it, as customers expect from a phone
        root.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getTarget() == root) {
                kiosk.closeChoice();
            }
        });
        showQuantity();
        return root;
    }

    private void addNote(String quick) {
        String current = notes.getText().strip();
        if (!current.contains(quick)) {
            notes.setText(current.isEmpty() ? quick : current + ", " + quick);
        }
    }

    private void showQuantity() {
        quantity.setText(Integer.toString(chosenQuantity));
        less.setDisable(chosenQuantity <= 1);
        more.setDisable(chosenQuantity >= Cart.MAX_QUANTITY);
        String amount = Rupiah.format(kiosk.menuProperty().get().price(choice.product(), chosenQuantity).lineTotal());
        confirm.setText(messages.get(choice.line() == null ? "sheet.add" : "sheet.update", amount));
    }

    @FXML
    private void less() {
        chosenQuantity = Math.max(1, chosenQuantity - 1);
        showQuantity();
    }

    @FXML
    private void more() {
        chosenQuantity = Math.min(Cart.MAX_QUANTITY, chosenQuantity + 1);
        showQuantity();
    }

    @FXML
    private void cancel() {
        kiosk.closeChoice();
    }

    @FXML
    private void confirm() {
        kiosk.confirmChoice(chosenQuantity, notes.getText());
    }
}
