package id.outletkiosk.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A promotion. It targets the products in {@code productIds} and every product of the categories in
 * {@code categoryIds}; it runs while {@code active} and {@code startsAt <= now < endsAt}
 * ({@code endsAt == null} means open-ended).
 */
public record Promotion(
        long id,
        String name,
        String description,
        DiscountType discountType,
        BigDecimal discountValue,
        Set<Long> productIds,
        Set<Long> categoryIds,
        Instant startsAt,
        Instant endsAt,
        boolean active,
        long version) implements VersionedRow {

    public Promotion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(discountType, "discountType");
        Objects.requireNonNull(discountValue, "discountValue");
        Objects.requireNonNull(startsAt, "startsAt");
        productIds = Set.copyOf(productIds);
        categoryIds = Set.copyOf(categoryIds);
    }

    @Override
    public Promotion withVersion(long newVersion) {
        return new Promotion(id, name, description, discountType, discountValue, productIds, categoryIds, startsAt,
                endsAt, active, newVersion);
    }

    public boolean isRunningAt(Instant now) {
        return active && !now.isBefore(startsAt) && (endsAt == null || now.isBefore(endsAt));
    }

    public boolean targets(Product product) {
        return productIds.contains(product.id())
                || (product.categoryId() != null && categoryIds.contains(product.categoryId()));
    }
}
