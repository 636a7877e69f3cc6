package id.outletkiosk.server;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.DiscountType;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Menus for the reference backend: a realistic Indonesian warung menu for demos, and large generated ones for benchmarks. */
public final class SampleMenu {
    private SampleMenu() {
    }

    private record Dish(String name, int price, String description) {
    }

    private record Section(String name, List<Dish> dishes) {
    }

    private static final List<Section> MENU = List.of(
            new Section("Nasi", List.of(
                    new Dish("Nasi Goreng Spesial", 28000, "Nasi goreng dengan telur mata sapi, ayam suwir dan kerupuk"),
                    new Dish("Nasi Goreng Kampung", 24000, "Nasi goreng terasi dengan teri dan cabai rawit"),
                    new Dish("Nasi Uduk Komplit", 25000, "Nasi santan, ayam goreng, tempe orek, sambal kacang"),
                    new Dish("Nasi Campur Bali", 32000, "Sate lilit, ayam betutu suwir, lawar, sambal matah"),
                    new Dish("Nasi Kuning", 22000, "Nasi kunyit dengan perkedel, telur balado dan serundeng"),
                    new Dish("Nasi Liwet Sunda", 27000, "Nasi liwet, ikan asin, lalapan dan sambal dadak"))),
            new Section("Mie & Bakso", List.of(
                    new Dish("Mie Goreng Jawa", 25000, "Mie kuning dimasak arang dengan kol dan telur"),
                    new Dish("Mie Ayam Bakso", 23000, "Mie ayam jamur dengan bakso sapi dan pangsit"),
                    new Dish("Bakso Urat", 24000, "Bakso urat sapi kuah kaldu, bihun dan tahu"),
                    new Dish("Kwetiau Goreng Seafood", 30000, "Kwetiau dengan udang, cumi dan sawi"),
                    new Dish("Mie Rebus Medan", 22000, "Mie kuah kental dengan udang dan telur rebus"),
                    new Dish("Soto Mie Bogor", 21000, "Soto kuah bening dengan mie, risol dan kikil"))),
            new Section("Ayam & Bebek", List.of(
                    new Dish("Ayam Geprek Sambal Bawang", 22000, "Ayam krispi digeprek dengan sambal bawang"),
                    new Dish("Ayam Bakar Taliwang", 35000, "Ayam kampung bakar bumbu pedas khas Lombok"),
                    new Dish("Ayam Penyet", 25000, "Ayam goreng penyet, tahu, tempe dan lalapan"),
                    new Dish("Bebek Goreng Madura", 38000, "Bebek goreng dengan sambal pencit"),
                    new Dish("Sate Ayam Madura (10 tusuk)", 30000, "Sate ayam bumbu kacang dengan lontong"),
                    new Dish("Ayam Betutu", 40000, "Ayam bumbu betutu khas Bali, pedas"))),
            new Section("Sup & Soto", List.of(
                    new Dish("Soto Ayam Lamongan", 22000, "Soto kuah kuning dengan koya dan telur"),
                    new Dish("Soto Betawi", 32000, "Daging sapi kuah santan susu, emping"),
                    new Dish("Rawon Surabaya", 33000, "Sup daging kluwek dengan tauge pendek dan telur asin"),
                    new Dish("Sop Buntut", 55000, "Sop buntut sapi dengan kentang dan wortel"),
                    new Dish("Sayur Asem", 12000, "Sayur asem Jakarta dengan jagung dan melinjo"),
                    new Dish("Sop Iga Sapi", 48000, "Iga sapi kuah bening dengan daun bawang"))),
            new Section("Sayur & Lauk", List.of(
                    new Dish("Gado-Gado", 20000, "Sayuran rebus, lontong, tahu, tempe, bumbu kacang"),
                    new Dish("Ketoprak", 18000, "Ketupat, bihun, tahu, tauge, bumbu kacang bawang putih"),
                    new Dish("Tahu Telur", 17000, "Tahu telur dadar dengan petis dan kacang"),
                    new Dish("Tempe Mendoan (5 pcs)", 12000, "Tempe tipis berbalut tepung, sambal kecap"),
                    new Dish("Perkedel Kentang (3 pcs)", 9000, "Perkedel kentang goreng"),
                    new Dish("Capcay Kuah", 22000, "Sayuran tumis kuah dengan bakso dan udang"))),
            new Section("Camilan", List.of(
                    new Dish("Pisang Goreng Keju", 15000, "Pisang kepok goreng dengan keju dan susu"),
                    new Dish("Martabak Manis Cokelat", 35000, "Martabak tebal cokelat kacang"),
                    new Dish("Risoles Ragout (3 pcs)", 12000, "Risoles isi ragout ayam sayur"),
                    new Dish("Lumpia Semarang", 15000, "Lumpia rebung dengan saus tauco"),
                    new Dish("Cireng Rujak", 10000, "Cireng dengan bumbu rujak"),
                    new Dish("Kerupuk Udang", 5000, "Kerupuk udang Sidoarjo"))),
            new Section("Minuman", List.of(
                    new Dish("Es Teh Manis", 6000, "Teh melati dingin dengan gula"),
                    new Dish("Es Jeruk", 10000, "Jeruk peras segar"),
                    new Dish("Es Kopi Susu Gula Aren", 22000, "Espresso, susu segar dan gula aren"),
                    new Dish("Kopi Tubruk", 10000, "Kopi hitam tubruk"),
                    new Dish("Jus Alpukat", 18000, "Alpukat mentega dengan susu cokelat"),
                    new Dish("Teh Tarik", 14000, "Teh susu ditarik, panas atau dingin"),
                    new Dish("Wedang Jahe", 12000, "Jahe merah hangat dengan gula batu"),
                    new Dish("Air Mineral", 5000, "Air mineral 600 ml"))),
            new Section("Pencuci Mulut", List.of(
                    new Dish("Es Campur", 18000, "Serut es dengan cincau, kolang-kaling, alpukat"),
                    new Dish("Es Cendol", 15000, "Cendol hijau, santan dan gula merah"),
                    new Dish("Es Teler", 20000, "Alpukat, nangka, kelapa muda, susu kental manis"),
                    new Dish("Klepon (5 pcs)", 10000, "Klepon isi gula merah dengan kelapa parut"),
                    new Dish("Es Pisang Ijo", 17000, "Pisang berbalut adonan hijau, bubur sumsum, sirup merah"),
                    new Dish("Bubur Sumsum", 12000, "Bubur tepung beras dengan kuah gula merah"))));

    /** Dishes the kitchen has run out of today, to show "habis" in the demo. */
    private static final Set<String> SOLD_OUT = Set.of("Sop Buntut", "Martabak Manis Cokelat");

    /**
     * Seeds the demo menu: 8 categories, 50 products, and three promotions relative to {@code clock}:
     * one running, one ended, one not yet started.
     */
    public static void seed(MasterDataRepository repository, Clock clock) {
        long productId = 1;
        long firstDrink = 0;
        long nasiGoreng = 0;
        for (int index = 0; index < MENU.size(); index++) {
            Section section = MENU.get(index);
            long categoryId = index + 1;
            repository.put(EntityKind.CATEGORIES, new Category(categoryId, section.name(), (index + 1) * 10, true, 0));
            for (Dish dish : section.dishes()) {
                if (section.name().equals("Minuman") && firstDrink == 0) {
                    firstDrink = categoryId;
                }
                if (dish.name().equals("Nasi Goreng Spesial")) {
                    nasiGoreng = productId;
                }
                repository.put(EntityKind.PRODUCTS, new Product(productId, dish.name(), categoryId,
                        BigDecimal.valueOf(dish.price()), dish.description(), ProductPictures.urlFor(productId++),
                        !SOLD_OUT.contains(dish.name()),
                        true, 0, clock.instant().toString()));
            }
        }
        Instant now = clock.instant();
        Duration day = Duration.ofDays(1);
        repository.put(EntityKind.PROMOTIONS, new Promotion(1, "Promo Makan Siang", "Diskon 10% semua menu nasi",
                DiscountType.PERCENTAGE, BigDecimal.TEN, Set.of(), Set.of(1L), now.minus(day.multipliedBy(7)),
                now.plus(day.multipliedBy(30)), true, 0));
        repository.put(EntityKind.PROMOTIONS, new Promotion(2, "Hemat Nasi Goreng", "Potongan Rp 5.000 Nasi Goreng Spesial",
                DiscountType.FIXED, BigDecimal.valueOf(5000), Set.of(nasiGoreng), Set.of(),
                now.minus(day.multipliedBy(40)), now.minus(day.multipliedBy(10)), true, 0));
        repository.put(EntityKind.PROMOTIONS, new Promotion(3, "Minuman Segar Akhir Pekan", "Diskon 15% semua minuman",
                DiscountType.PERCENTAGE, BigDecimal.valueOf(15), Set.of(), Set.of(firstDrink),
                now.plus(day.multipliedBy(3)), now.plus(day.multipliedBy(5)), true, 0));
    }

    /** A large synthetic menu for benchmarks: every product in some category, promotions on products and categories. */
    public static void generate(MasterDataRepository repository, Clock clock, int categories, int products,
            int promotions) {
        Instant now = clock.instant();
        for (int c = 1; c <= categories; c++) {
            repository.put(EntityKind.CATEGORIES, new Category(c, "Kategori " + c, c, true, 0));
        }
        for (int p = 1; p <= products; p++) {
            repository.put(EntityKind.PRODUCTS, new Product(p, "Menu " + p, p % categories + 1L,
                    BigDecimal.valueOf(5000 + (p % 60) * 1000L), "Deskripsi menu nomor " + p,
                    ProductPictures.urlFor(p), p % 17 != 0,
                    true, 0, now.toString()));
        }
        for (int q = 1; q <= promotions; q++) {
            Set<Long> targets = new HashSet<>();
            for (int k = 0; k < 5; k++) {
                targets.add((q * 7L + k * 13L) % products + 1);
            }
            repository.put(EntityKind.PROMOTIONS, new Promotion(q, "Promo " + q, null,
                    q % 2 == 0 ? DiscountType.PERCENTAGE : DiscountType.FIXED,
                    BigDecimal.valueOf(q % 2 == 0 ? 10 : 2000), targets, Set.of((long) (q % categories) + 1),
                    now.minus(Duration.ofDays(q % 3)), now.plus(Duration.ofDays(1 + q % 5)), true, 0));
        }
    }
}
