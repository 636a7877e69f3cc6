package id.outletkiosk.pricing;


import id.outletkiosk.model.Category;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.pricing.CartPricer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The menu as one customer sees it: categories that have something on them, their products, and the
 * promotions running at {@code readAt}, read from the local store in one go so a screen never mixes
 * two data versions. Immutable; a sync that lands makes a new snapshot.
 */
public record MenuSnapshot(long version, Instant readAt, List<Category> categories,
        Map<Long, List<Product>> productsByCategory, Map<Long, Product> productsById, List<Promotion> running) {

    public MenuSnapshot {
        categories = List.copyOf(categories);
        productsByCategory = Map.copyOf(productsByCategory);
        productsById = Map.copyOf(productsById);
        running = List.copyOf(running);
    }

    /**
     * The menu shown from everything the local store holds: withdrawn products and empty categories are
     * left out, sold-out ones stay ("habis").
     */
    public static MenuSnapshot of(List<Category> categories, List<Product> allProducts, List<Promotion> running,
            long version, Instant at) {
        Map<Long, List<Product>> byCategory = new LinkedHashMap<>();
        Map<Long, Product> byId = new LinkedHashMap<>();
        for (Product product : allProducts) {
            if (product.active() && product.categoryId() != null) {
                byCategory.computeIfAbsent(product.categoryId(), id -> new ArrayList<>()).add(product);
                byId.put(product.id(), product);
            }
        }
        List<Category> shown = categories.stream().filter(c -> byCategory.containsKey(c.id())).toList();
        byCategory.keySet().retainAll(shown.stream().map(Category::id).toList());
        return new MenuSnapshot(version, at, shown, byCategory, byId, running);
    }

    public static MenuSnapshot empty(Instant at) {
        return new MenuSnapshot(0, at, List.of(), Map.of(), Map.of(), List.of());
    }

    public List<Product> productsOf(long categoryId) {
        return productsByCategory.getOrDefault(categoryId, List.of());
    }

    public Optional<Product> product(long id) {
        return Optional.ofNullable(productsById.get(id));
    }

    /** The promotion the pricing rule picks for one unit of {@code product}, or null. */
    public Promotion bestPromotionFor(Product product) {
        return CartPricer.price(product, 1, running).promotion();
    }

    public CartPricer.PricedLine price(Product product, int quantity) {
        return CartPricer.price(product, quantity, running);
    }

    public int productCount() {
        return productsById.size();
    }
}
