package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.Product;
import id.outletkiosk.pricing.CartPricer;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.pricing.Cart;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.OnScreenKeyboard;
import id.outletkiosk.ui.ProductImages;
import id.outletkiosk.ui.Views;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The dish sheet over the menu: large picture, price with its promotion, quantity, quick-note chips
 * (toggles; "not spicy" and "extra spicy" exclude each other), a typed note on the on-screen keyboard,
 * add or update. The picture shrinks on a short screen, and gives way to the keyboard when both do not fit.
 */
final class ProductSheet {
    /** The sheet's height without its picture: the picture gets what is left, up to its full 400 px. */
    private static final double WITHOUT_PICTURE = 740;
    private static final double PICTURE_WIDTH = 712;
    /** Below this height the keyboard's keys are the compact ones (still over 48 px). */
    private static final double SHORT_SCREEN = 1000;
    /** The keyboard's height with its gaps: the picture gives it this much, or goes when less than 160 px is left. */
    private static final double KEYBOARD = 380;
    private static final double SMALLEST_PICTURE = 160;

    private final KioskViewModel kiosk;
    private final Messages messages;
    private final ProductImages images;
    private final KioskViewModel.ProductChoice choice;
    private final QuickNotes quickNotes;
    private int chosenQuantity;
    private Image shownPicture;

    @FXML
    private StackPane root;
    @FXML
    private VBox sheet;
    @FXML
    private StackPane pictureFrame;
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
    private FlowPane quickNotesPane;
    @FXML
    private TextField notes;
    @FXML
    private VBox keyboardHolder;
    @FXML
    private Button confirm;

    ProductSheet(KioskViewModel kiosk, Messages messages, ProductImages images, KioskViewModel.ProductChoice choice) {
        this.kiosk = kiosk;
        this.messages = messages;
        this.images = images;
        this.choice = choice;
        this.chosenQuantity = choice.line() == null ? 1 : choice.line().quantity();
        this.quickNotes = new QuickNotes(messages, choice.line() == null ? "" : choice.line().notes());
    }

    Parent build() {
        Views.load(this, "product-sheet.fxml", messages);
        Product product = choice.product();
        name.setText(product.name());
        description.setText(product.description() == null ? "" : product.description());
        images.loadLarge(product.imageUrl(), PICTURE_WIDTH, PICTURE_WIDTH * 0.75, this::showPicture);
        root.heightProperty().addListener(observable -> fitPicture());
        CartPricer.PricedLine one = kiosk.menuProperty().get().price(product, 1);
        boolean promoted = one.promotion() != null;
        price.setText(Rupiah.format(one.lineTotal()));
        oldPrice.setText(promoted ? Rupiah.format(one.unitPrice()) : "");
        oldPrice.setVisible(promoted);
        promotion.setText(promoted ? Rupiah.discountLabel(one.promotion()) + " · " + one.promotion().name() : "");
        promotion.setVisible(promoted);
        showChips();
        notes.setText(quickNotes.typed());
        // the typed part gets the room the chosen chips leave, so the whole note fits the cart's limit
        notes.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= quickNotes.typedRoom() ? change : null));
        notes.textProperty().addListener((observable, before, now) -> quickNotes.setTyped(now));
        // a kiosk has no keyboard: tapping the note brings the on-screen one, in place of the picture
        notes.addEventHandler(MouseEvent.MOUSE_PRESSED, event -> showKeyboard());
        // a tap outside the sheet closes it, as customers expect from a phone
        root.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getTarget() == root) {
                kiosk.closeChoice();
            }
        });
        showQuantity();
        return root;
    }

    /** One toggle per chip; after each tap every toggle shows what the notes hold (a chip may have un-chosen another). */
    private void showChips() {
        Map<QuickNotes.Chip, ToggleButton> toggles = new EnumMap<>(QuickNotes.Chip.class);
        for (QuickNotes.Chip chip : QuickNotes.Chip.values()) {
            ToggleButton toggle = new ToggleButton(chip.text(messages));
            toggle.setId("chip-" + chip.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            toggle.getStyleClass().add("note-chip");
            toggle.setOnAction(event -> {
                quickNotes.toggle(chip);
                toggles.forEach((each, button) -> button.setSelected(quickNotes.isChosen(each)));
                trimTyped();
            });
            toggles.put(chip, toggle);
        }
        toggles.forEach((each, button) -> button.setSelected(quickNotes.isChosen(each)));
        quickNotesPane.getChildren().setAll(toggles.values());
    }

    /** A chip just chosen may leave less room for the typed part. */
    private void trimTyped() {
        int room = quickNotes.typedRoom();
        if (notes.getText().length() > room) {
            notes.setText(notes.getText().substring(0, room)); // shorter, so the length filter lets it through
        }
    }

    private void showKeyboard() {
        if (keyboardHolder.isVisible()) {
            return;
        }
        OnScreenKeyboard keyboard = new OnScreenKeyboard(notes, messages.get("checkout.space"),
                OnScreenKeyboard.Letters.NOTE);
        keyboard.setId("sheet-keyboard");
        if (root.getHeight() < SHORT_SCREEN) {
            keyboard.getStyleClass().add("compact-keys");
        }
        keyboardHolder.getChildren().setAll(keyboard);
        keyboardHolder.setVisible(true);
        keyboardHolder.setManaged(true);
        fitPicture();
        notes.requestFocus();
        notes.end();
    }

    /** A dish's own picture covers the frame; the placeholder is shown whole (its name would be cut). */
    private void showPicture(Image image) {
        shownPicture = image;
        boolean placeholder = image == images.placeholder();
        if (placeholder) {
            picture.setImage(new Image(ProductImages.class.getResource("/assets/product-placeholder.png")
                    .toExternalForm(), true));
            picture.setViewport(null);
            picture.setPreserveRatio(true);
        } else {
            picture.setPreserveRatio(false);
            ProductImages.showCovering(picture, image);
        }
    }

    private void fitPicture() {
        double room = root.getHeight() - WITHOUT_PICTURE - (keyboardHolder.isVisible() ? KEYBOARD : 0);
        boolean shown = room >= SMALLEST_PICTURE || !keyboardHolder.isVisible();
        pictureFrame.setVisible(shown);
        pictureFrame.setManaged(shown);
        double height = Math.max(SMALLEST_PICTURE, Math.min(400, room));
        if (Math.abs(picture.getFitHeight() - height) > 0.5) {
            picture.setFitHeight(height);
            pictureFrame.setMinHeight(height);
            pictureFrame.setPrefHeight(height);
            if (shownPicture != null) {
                showPicture(shownPicture);
            }
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
        kiosk.confirmChoice(chosenQuantity, quickNotes.notes());
    }
}
