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
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
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
    private final double width;
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

    /** @param width the window's width: in portrait, three tiles share it */
    MenuView(KioskViewModel kiosk, Messages messages, ProductImages images, boolean portrait, double width) {
        this.kiosk = kiosk;
        this.messages = messages;
        this.images = images;
        this.portrait = portrait;
        this.width = width;
        this.cart = new CartPanel(kiosk, messages, true);
    }

    Parent build() {
        Views.load(this, "menu.fxml", messages);
        double tileWidth = portrait ? portraitTileWidth(width) : 250; // landscape: four beside the rail and the cart
        images.decodeForTiles(tileWidth); // no more pixels than a tile shows (300 px ones were 40 % more)
        grid.setCellWidth(tileWidth);
        grid.setCellHeight(tileWidth * ProductTile.PICTURE_RATIO + 114);
        grid.setHorizontalCellSpacing(8);
        grid.setVerticalCellSpacing(10);
        grid.setItems(kiosk.shownProducts());
        grid.setCellFactory(view -> new ProductTile(images, kiosk.menuProperty()::get, messages, tileWidth, kiosk));

        CategoryRail categoryRail = new CategoryRail(portrait, messages.get("menu.moreCategories"));
        rail = categoryRail.buttons();
        Node railScroll = categoryRail.view();

        VBox cartNode = cart.build();
        if (portrait) {
            root.setTop(railScroll);
            root.setBottom(cartNode);
            cartNode.getStyleClass().add("cart-below");
            // under half the height: 860 px on a 1920 px screen (the two rows of dishes most categories have
            // fit above it, and the cart gets what used to sit empty under them), 430 in the demo's window
            cartNode.prefHeightProperty().bind(root.heightProperty().multiply(0.46));
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

    /**
     * Three tiles across the screen (its paddings and the grid's scroll bar off, then 8 px either side of
     * each cell): 313 px on a 1080 px screen. A tile narrower than 250 px cannot hold a price beside its
     * struck-out one, so a narrow window (the demo's) gets two of at most 300 px.
     */
    private static double portraitTileWidth(double width) {
        double three = Math.floor((width - 80) / 3) - 20;
        return three >= 250 ? three : Math.min(300, Math.floor((width - 80) / 2) - 20);
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

    @FXML
    private void switchLanguage() {
        kiosk.switchLanguage();
    }

    @FXML
    private void startOver() {
        kiosk.askStartOver();
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
