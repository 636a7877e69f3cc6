package id.outletkiosk.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A menu item. {@code price} is exact Rupiah; {@code available == false} is "habis" (sold out today),
 * {@code active == false} is withdrawn from the menu but kept.
 */
public record Product(
        long id,
        String name,
        Long categoryId,
        BigDecimal price,
        String description,
        String imageUrl,
        boolean available,
        boolean active,
        long version,
        String updatedAt) implements VersionedRow {

    public Product {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }

    @Override
    public Product withVersion(long newVersion) {
        return new Product(id, name, categoryId, price, description, imageUrl, available, active, newVersion, updatedAt);
    }
}
