package id.outletkiosk.ui;

import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.pricing.Rupiah;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Draws a menu line: a category heading, or a product with its price, promotion badge and sold-out mark. */
final class MenuCell extends ListCell<MenuLine> {
    private final Messages messages;

    MenuCell(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void updateItem(MenuLine line, boolean empty) {
        super.updateItem(line, empty);
        setText(null);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
        if (line instanceof MenuLine.Heading heading) {
            Label title = new Label(heading.category().name());
            title.getStyleClass().add("category-header");
            setGraphic(title);
        } else if (line instanceof MenuLine.Item item) {
            setGraphic(productRow(item));
        }
    }

    private VBox productRow(MenuLine.Item item) {
        Product product = item.product();
        Label name = new Label(product.name());
        name.getStyleClass().add("product-name");
        VBox text = new VBox(2, name);
        if (product.description() != null && !product.description().isBlank()) {
            Label description = new Label(product.description());
            description.getStyleClass().add("product-description");
            text.getChildren().add(description);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(text, spacer);
        row.getStyleClass().add("product-row");
        row.setAlignment(Pos.CENTER_LEFT);
        for (Promotion promotion : item.promotions()) {
            Label badge = new Label(Rupiah.discountLabel(promotion) + " · " + promotion.name());
            badge.getStyleClass().addAll("badge", "badge-promo");
            row.getChildren().add(badge);
        }
        if (!product.available()) {
            Label soldOut = new Label(messages.get("menu.soldOut"));
            soldOut.getStyleClass().addAll("badge", "badge-sold-out");
            row.getChildren().add(soldOut);
            row.getStyleClass().add("sold-out");
        }
        Label price = new Label(Rupiah.format(product.price()));
        price.getStyleClass().add("product-price");
        row.getChildren().add(price);
        VBox gap = new VBox(row);
        gap.getStyleClass().add("product-row-gap");
        return gap;
    }
}
