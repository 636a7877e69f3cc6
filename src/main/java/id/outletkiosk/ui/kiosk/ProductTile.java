package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.pricing.CartPricer;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.ProductImages;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.GridCell;

/**
 * One dish in the grid: picture, name, price as "Rp 15.000" (struck through next to the promotion
 * price when one runs), a promotion badge, and "Habis" over a sold-out dish. Cells are reused as
 * the grid scrolls, so the nodes are built once and only their contents change.
 */
final class ProductTile extends GridCell<Product> {
    /** Height over width of a tile's picture; the grid sizes its cells from it. */
    static final double PICTURE_RATIO = 0.66;

    private final ImageView picture = new ImageView();
    private final Label badge = new Label();
    private final Label soldOut = new Label();
    private final Label name = new Label();
    private final Label oldPrice = new Label();
    private final Label price = new Label();
    private final VBox card;
    private final ProductImages images;
    private final Supplier<MenuSnapshot> menu;
    private Product shown;

    ProductTile(ProductImages images, Supplier<MenuSnapshot> menu, Messages messages, double width, KioskViewModel kiosk) {
        this.images = images;
        this.menu = menu;
        double pictureHeight = width * PICTURE_RATIO;
        picture.setFitWidth(width);
        picture.setFitHeight(pictureHeight);
        picture.setPreserveRatio(false);
        Rectangle rounded = new Rectangle(width, pictureHeight);
        rounded.setArcWidth(24);
        rounded.setArcHeight(24);
        picture.setClip(rounded);
        badge.getStyleClass().addAll("tile-badge", "badge-promo");
        soldOut.getStyleClass().add("tile-sold-out");
        soldOut.setText(messages.get("menu.soldOut"));
        StackPane top = new StackPane(picture, badge, soldOut);
        StackPane.setAlignment(badge, Pos.TOP_LEFT);
        name.getStyleClass().add("tile-name");
        name.setWrapText(true);
        name.setMaxWidth(width);
        oldPrice.getStyleClass().add("tile-old-price");
        price.getStyleClass().add("tile-price");
        HBox prices = new HBox(10, price, oldPrice);
        prices.getStyleClass().add("tile-prices");
        prices.setAlignment(Pos.BASELINE_LEFT);
        card = new VBox(8, top, name, prices);
        card.getStyleClass().add("product-tile");
        setOnMouseClicked(event -> {
            if (shown != null) {
                kiosk.openProduct(shown.id());
            }
        });
    }

    @Override
    protected void updateItem(Product product, boolean empty) {
        super.updateItem(product, empty);
        shown = empty ? null : product;
        if (shown == null) {
            setGraphic(null);
            return;
        }
        setId("product-" + product.id());
        name.setText(product.name());
        Promotion promotion = menu.get().bestPromotionFor(product);
        boolean promoted = promotion != null && product.available();
        badge.setVisible(promoted);
        oldPrice.setVisible(promoted);
        oldPrice.setManaged(promoted);
        if (promoted) {
            badge.setText(Rupiah.discountLabel(promotion));
            oldPrice.setText(Rupiah.format(product.price()));
            price.setText(Rupiah.format(product.price().subtract(CartPricer.discountOf(promotion, product.price()))));
        } else {
            price.setText(Rupiah.format(product.price()));
        }
        soldOut.setVisible(!product.available());
        card.getStyleClass().remove("sold-out");
        if (!product.available()) {
            card.getStyleClass().add("sold-out");
        }
        ProductImages.showCovering(picture, images.placeholder());
        images.load(product.imageUrl(), image -> {
            if (shown == product) { // the cell may show another dish by the time the picture is ready
                ProductImages.showCovering(picture, image);
            }
        });
        setGraphic(card);
    }

}
