package id.outletkiosk.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.DiscountType;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.testing.TestClocks;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cart priced from a menu, and what a new menu changes for the customer. */
class CartTest {
    private static final Product NASI_GORENG = dish(1, "Nasi Goreng", "28000", true);
    private static final Product ES_TEH = dish(2, "Es Teh", "8000", true);

    @Test
    void theNextCustomersLinesAreNumberedFromOneAgain() {
        Cart cart = new Cart();
        for (int customer = 0; customer < 3; customer++) {
            cart.add(1, 1, null);
            cart.add(2, 1, null);
            cart.remove(1);
            cart.add(1, 1, "Tidak pedas");
            assertThat(cart.lines()).extracting(Cart.Line::lineId).containsExactly(2L, 3L);
            cart.clear();
        }
    }

    @Test
    void theSameDishWithTheSameNotesAddsToItsLineAndQuantitiesStayBounded() {
        Cart cart = new Cart();
        cart.add(1, 2, "Tidak pedas");
        cart.add(1, 1, " Tidak pedas ");
        cart.add(1, 1, "");
        cart.add(2, 19, null);
        cart.add(2, 5, null);

        assertThat(cart.lines()).extracting(Cart.Line::productId, Cart.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 3), org.assertj.core.groups.Tuple.tuple(1L, 1),
                        org.assertj.core.groups.Tuple.tuple(2L, Cart.MAX_QUANTITY));
        assertThat(cart.itemCount()).isEqualTo(24);
        assertThatThrownBy(() -> cart.add(1, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cart.add(1, 1, "x".repeat(Cart.MAX_NOTES_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachLineGetsTheBestSinglePromotionAndMoneyStaysExact() {
        Promotion tenPercentOnRice = promotion(1, "Promo Makan Siang", DiscountType.PERCENTAGE, "10", Set.of(),
                Set.of(1L));
        Promotion fiveThousandOff = promotion(2, "Hemat", DiscountType.FIXED, "5000", Set.of(1L), Set.of());
        Cart cart = new Cart();
        cart.add(1, 3, null);
        cart.add(2, 2, null);

        PricedCart priced = cart.price(menu(5, List.of(NASI_GORENG, ES_TEH), tenPercentOnRice, fiveThousandOff));

        // Rp 5.000 off beats 10 % (Rp 2.800) on a Rp 28.000 dish; the two never add up
        assertThat(priced.lines().get(0).priced().promotion().name()).isEqualTo("Hemat");
        assertThat(priced.lines().get(0).priced().lineTotal()).isEqualByComparingTo("69000");
        assertThat(priced.lines().get(1).priced().promotion()).isNull();
        assertThat(priced.subtotal()).isEqualByComparingTo("100000");
        assertThat(priced.discount()).isEqualByComparingTo("15000");
        assertThat(priced.total()).isEqualByComparingTo("85000");
        assertThat(Rupiah.format(priced.total())).isEqualTo("Rp 85.000");
    }

    @Test
    void aNewMenuTellsTheCustomerWhatChangedForTheDishesTheyChose() {
        Cart cart = new Cart();
        cart.add(1, 1, null);
        cart.add(2, 2, null);
        cart.add(3, 1, null);
        Product pisang = dish(3, "Pisang Goreng", "12000", true);
        PricedCart before = cart.price(menu(5, List.of(NASI_GORENG, ES_TEH, pisang)));

        Promotion riceDeal = promotion(1, "Promo Makan Siang", DiscountType.PERCENTAGE, "10", Set.of(), Set.of(1L));
        PricedCart after = cart.price(menu(6, List.of(NASI_GORENG, dish(2, "Es Teh", "9000", true),
                dish(3, "Pisang Goreng", "12000", false)), riceDeal));

        assertThat(after.changesSince(before)).extracting(PricedCart.Change::kind, PricedCart.Change::productName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PricedCart.Change.Kind.SOLD_OUT, "Pisang Goreng"),
                        org.assertj.core.groups.Tuple.tuple(PricedCart.Change.Kind.PROMOTION_STARTED, "Nasi Goreng"),
                        org.assertj.core.groups.Tuple.tuple(PricedCart.Change.Kind.PRICE, "Es Teh"));
        assertThat(after.notOnSale()).extracting(u -> u.line().productId()).containsExactly(3L);
        assertThat(after.total()).isEqualByComparingTo("43200"); // 25.200 + 2 x 9.000

        PricedCart withoutDeal = cart.price(menu(7, List.of(NASI_GORENG, dish(2, "Es Teh", "9000", true))));
        assertThat(withoutDeal.changesSince(after)).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(PricedCart.Change.Kind.PROMOTION_ENDED);
            assertThat(change.after()).isEqualByComparingTo("28000");
        });
        assertThat(cart.price(menu(8, List.of(ES_TEH))).changesSince(withoutDeal))
                .extracting(PricedCart.Change::kind).contains(PricedCart.Change.Kind.WITHDRAWN);
        assertThat(withoutDeal.changesSince(withoutDeal)).isEmpty();
    }

    /** Nasi dishes are in category 1 (the rice promotions'), everything else in category 2. */
    static Product dish(long id, String name, String price, boolean available) {
        long category = name.startsWith("Nasi") ? 1 : 2;
        return new Product(id, name, category, new BigDecimal(price), null, null, available, true, 1, null);
    }

    static Promotion promotion(long id, String name, DiscountType type, String value, Set<Long> products,
            Set<Long> categories) {
        return new Promotion(id, name, null, type, new BigDecimal(value), products, categories,
                TestClocks.NOON.minus(Duration.ofDays(1)), TestClocks.NOON.plus(Duration.ofDays(1)), true, 1);
    }

    static MenuSnapshot menu(long version, List<Product> products, Promotion... running) {
        Map<Long, Product> byId = new java.util.LinkedHashMap<>();
        products.forEach(p -> byId.put(p.id(), p));
        return new MenuSnapshot(version, TestClocks.NOON, List.of(new Category(1, "Menu", 1, true, 1)),
                Map.of(1L, products), byId, List.of(running));
    }
}
