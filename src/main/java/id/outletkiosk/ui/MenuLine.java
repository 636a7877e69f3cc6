package id.outletkiosk.ui;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import java.util.List;

/** One line of the menu list: a category heading or a product under it. */
public sealed interface MenuLine {
    record Heading(Category category, int productCount) implements MenuLine {
    }

    record Item(Product product, List<Promotion> promotions) implements MenuLine {
        public Item {
            promotions = List.copyOf(promotions);
        }
    }
}
