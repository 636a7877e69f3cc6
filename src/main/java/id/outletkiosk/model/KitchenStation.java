package id.outletkiosk.model;

import java.util.List;

/**
 * A prep station as its screen announced itself to the store server: its name ("Minuman" for the drinks
 * bar) and the menu categories it cooks. The expo groups each order's dishes by these.
 */
public record KitchenStation(String name, List<Long> categoryIds) {
    public KitchenStation {
        categoryIds = List.copyOf(categoryIds);
    }

    public boolean cooks(Long categoryId) {
        return categoryId != null && categoryIds.contains(categoryId);
    }
}
