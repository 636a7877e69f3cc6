package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.Product;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.ProductImages;
import id.outletkiosk.ui.Views;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;

/**
 * The menu screen. Landscape (1920x1080): rail left, grid, cart right. Portrait (1080x1920): rail
 * across the top, grid, cart below. The grid is ControlsFX's virtualised GridView: only the visible
 * rows have cells, so 500 dishes scroll as smoothly as 50.
 */
final class MenuView {
    private final KioskViewModel kiosk;
    private final Messages messages;
    private final ProductImages images;
    private final boolean portrait;
    private final CartPanel cart;
    private final ToggleGroup categories = new ToggleGroup();
    private final InvalidationListener menuChanged = observable -> showCategories();
    private final InvalidationListener categoryChanged = observable -> showCategory();

    @FXML
    private BorderPane root;
    @FXML
    private Label categoryTitle;
    @FXML
    private Label dishCount;
    @FXML
    private GridView<Product> grid;
    @FXML
    private Label emptyMenu;
    private Pane rail;

    MenuView(KioskViewModel kiosk, Messages messages, ProductImages images, boolean portrait) {
        this.kiosk = kiosk;
        this.messages = messages;
        this.images = images;
        this.portrait = portrait;
        this.cart = new CartPanel(kiosk, messages, true);
    }

    Parent build() {
        Views.load(this, "menu.fxml", messages);
        double tileWidth = portrait ? 300 : 250; // landscape: four columns beside the rail and the cart
        grid.setCellWidth(tileWidth);
        grid.setCellHeight(tileWidth * ProductTile.PICTURE_RATIO + 114);
        grid.setHorizontalCellSpacing(8);
        grid.setVerticalCellSpacing(10);
        grid.setItems(kiosk.shownProducts());
        grid.setCellFactory(view -> new ProductTile(images, kiosk.menuProperty()::get, messages, tileWidth, kiosk));

        rail = portrait ? new HBox(12) : new VBox(12);
        rail.getStyleClass().add("category-rail");
        ScrollPane railScroll = new ScrollPane(rail);
        railScroll.getStyleClass().add("category-rail-scroll");
        railScroll.setFitToHeight(portrait);
        railScroll.setFitToWidth(!portrait);
        railScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        railScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        railScroll.setPannable(true); // swipe the rail with a finger

        VBox cartNode = cart.build();
        if (portrait) {
            root.setTop(railScroll);
            root.setBottom(cartNode);
            cartNode.getStyleClass().add("cart-below");
            // 560 px on a 1920 px screen, less in a shorter window (the demo's), so the grid keeps its room
            cartNode.prefHeightProperty().bind(javafx.beans.binding.Bindings.min(560, root.heightProperty().multiply(0.4)));
            cartNode.setMinHeight(Region.USE_PREF_SIZE);
        } else {
            root.setLeft(railScroll);
            root.setRight(cartNode);
            cartNode.getStyleClass().add("cart-beside");
            cartNode.setPrefWidth(470);
            cartNode.setMinWidth(470);
        }
        kiosk.menuProperty().addListener(menuChanged);
        kiosk.categoryProperty().addListener(categoryChanged);
        showCategories();
        return root;
    }

    void dispose() {
        kiosk.menuProperty().removeListener(menuChanged);
        kiosk.categoryProperty().removeListener(categoryChanged);
        cart.dispose();
    }

    private void showCategories() {
        MenuSnapshot menu = kiosk.menuProperty().get();
        rail.getChildren().clear();
        for (Category category : menu.categories()) {
            ToggleButton button = new ToggleButton(category.name());
            button.setId("category-" + category.id());
            button.getStyleClass().add("category-button");
            button.setToggleGroup(categories);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(event -> {
                button.setSelected(true); // a second tap keeps the category; the rail is never empty
                kiosk.selectCategory(category.id());
            });
            rail.getChildren().add(button);
        }
        boolean empty = menu.categories().isEmpty();
        emptyMenu.setVisible(empty);
        emptyMenu.setManaged(empty);
        grid.setVisible(!empty);
        showCategory();
    }

    private void showCategory() {
        Long selected = kiosk.categoryProperty().get();
        MenuSnapshot menu = kiosk.menuProperty().get();
        Category category = selected == null ? null
                : menu.categories().stream().filter(c -> c.id() == selected).findFirst().orElse(null);
        categoryTitle.setText(category == null ? "" : category.name());
        dishCount.setText(category == null ? "" : messages.get("menu.dishes", menu.productsOf(category.id()).size()));
        for (var node : rail.getChildren()) {
            ToggleButton button = (ToggleButton) node;
            button.setSelected(category != null && button.getId().equals("category-" + category.id()));
        }
    }
}
