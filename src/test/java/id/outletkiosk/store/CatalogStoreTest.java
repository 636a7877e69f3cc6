package id.outletkiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.DiscountType;
import id.outletkiosk.model.EntityChanges;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.model.VersionedRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T05:00:00Z");

    @TempDir
    Path folder;

    private MasterDataStore store;
    private CatalogStore catalog;

    @BeforeEach
    void fill() {
        Database database = Database.open(folder.resolve("menu.db"));
        store = new MasterDataStore(database);
        catalog = new CatalogStore(database);
        store.apply(List.of(
                changes(EntityKind.CATEGORIES,
                        new Category(1, "Minuman", 30, true, 1),
                        new Category(2, "Nasi", 10, true, 2),
                        new Category(3, "Lama", 5, false, 3),
                        new Category(4, "Mie", 10, true, 4)),
                changes(EntityKind.PRODUCTS,
                        product(10, "Nasi Goreng", 2, "25000", true, true),
                        product(11, "Nasi Uduk", 2, "22000", false, true),
                        product(12, "Nasi Kebuli", 2, "40000", true, false),
                        product(20, "Es Teh", 1, "6000", true, true)),
                changes(EntityKind.PROMOTIONS,
                        promotion(1, Set.of(), Set.of(2L), NOW.minusSeconds(60), NOW.plusSeconds(3600), true),
                        promotion(2, Set.of(20L), Set.of(), NOW.minusSeconds(7200), NOW.minusSeconds(3600), true),
                        promotion(3, Set.of(20L), Set.of(), NOW.plusSeconds(3600), null, true),
                        promotion(4, Set.of(10L), Set.of(), NOW.minusSeconds(60), null, false),
                        promotion(5, Set.of(10L), Set.of(), NOW, null, true))));
    }

    @Test
    void categoriesInSortOrderThenNameWithoutInactiveOnes() {
        assertThat(catalog.categories()).extracting(Category::name).containsExactly("Mie", "Nasi", "Minuman");
    }

    @Test
    void productsOfACategoryIncludeSoldOutButNotWithdrawn() {
        assertThat(catalog.productsOf(2)).extracting(Product::name).containsExactly("Nasi Goreng", "Nasi Uduk");
        assertThat(catalog.product(12)).get().extracting(Product::active).isEqualTo(false);
        assertThat(catalog.product(99)).isEmpty();
    }

    @Test
    void activePromotionsRespectTheirWindowAndFlag() {
        assertThat(catalog.activePromotions(NOW)).extracting(Promotion::id).containsExactly(1L, 5L);
        assertThat(catalog.activePromotions(NOW.minusSeconds(5000))).extracting(Promotion::id).containsExactly(2L);
        assertThat(catalog.activePromotions(NOW.plusSeconds(4000))).extracting(Promotion::id).containsExactly(3L, 5L);
    }

    @Test
    void promotionsForAProductComeDirectlyOrThroughItsCategory() {
        assertThat(catalog.promotionsFor(10, NOW)).extracting(Promotion::id).containsExactly(1L, 5L);
        assertThat(catalog.promotionsFor(20, NOW)).isEmpty();
        assertThat(catalog.promotionsFor(20, NOW.plusSeconds(4000))).extracting(Promotion::id).containsExactly(3L);
        assertThat(catalog.promotionsFor(10, NOW).get(0).categoryIds()).containsExactly(2L);
    }

    @Test
    void anOlderRowNeverReplacesANewerOne() {
        store.apply(List.of(changes(EntityKind.PRODUCTS, product(10, "Nasi Goreng", 2, "1", true, true))));
        assertThat(catalog.product(10)).get().extracting(Product::price).isEqualTo(new BigDecimal("25000"));
    }

    @Test
    void versionsOnlyMoveForward() {
        assertThat(store.versions()).containsEntry(EntityKind.PRODUCTS, 100L);
        store.apply(List.of(new EntityChanges<>(EntityKind.PRODUCTS, 100, 50, List.of(), Set.of(), false)));
        assertThat(store.versions()).containsEntry(EntityKind.PRODUCTS, 100L);
    }

    private static EntityChanges<VersionedRow> changes(EntityKind kind, VersionedRow... rows) {
        return new EntityChanges<>(kind, 0, 100, List.of(rows), Set.of(), false);
    }

    private static Product product(long id, String name, long category, String price, boolean available,
            boolean active) {
        return new Product(id, name, category, new BigDecimal(price), null, null, available, active, id, null);
    }

    private static Promotion promotion(long id, Set<Long> products, Set<Long> categories, Instant start, Instant end,
            boolean active) {
        return new Promotion(id, "Promo " + id, null, DiscountType.PERCENTAGE, BigDecimal.TEN, products, categories,
                start, end, active, id);
    }
}
