package id.outletkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.outletkiosk.model.DiscountType;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.testing.TestClocks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The three answer shapes of PROTOCOL 1.1 and the row rules, straight from JSON text. */
class MasterDataDecoderTest {
    private final MasterDataDecoder decoder = new MasterDataDecoder(TestClocks.JAKARTA);

    private MasterDataPage decode(EntityKind kind, String json) throws BackendException {
        return decoder.decode(kind, json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String PRODUCT = "{\"id\": 12, \"name\": \"Es Teh Manis\", \"category\": 7, \"price\": \"6000.00\","
            + " \"description\": null, \"image_url\": \"/media/esteh.jpg\", \"is_available\": true, \"is_active\": true,"
            + " \"is_deleted\": false, \"version\": 1530, \"updated_at\": \"2024-01-11T10:30:00+07:00\","
            + " \"calories\": 120, \"tags\": [\"dingin\"]}";

    @Test
    void envelopeWithVersion() throws Exception {
        MasterDataPage page = decode(EntityKind.PRODUCTS, "{\"version\": 1532, \"results\": [" + PRODUCT + "]}");

        assertThat(page.envelopeVersion()).isEqualTo(1532);
        assertThat(page.next()).isNull();
        Product product = (Product) page.upserts().get(0);
        assertThat(product.price()).isEqualTo(new BigDecimal("6000"));
        assertThat(product.categoryId()).isEqualTo(7);
        assertThat(product.imageUrl()).isEqualTo("/media/esteh.jpg");
    }

    @Test
    void drfPageWithNext() throws Exception {
        MasterDataPage page = decode(EntityKind.PRODUCTS, "{\"count\": 812, \"next\": "
                + "\"http://backend/api/products/?page=2&since_version=0\", \"previous\": null, \"results\": ["
                + PRODUCT + "]}");

        assertThat(page.envelopeVersion()).isNull();
        assertThat(page.next()).isEqualTo("http://backend/api/products/?page=2&since_version=0");
        assertThat(page.maxRowVersion()).isEqualTo(1530);
        // the client checks the rows of all pages against the count: a row edited mid-paging leaves a hole
        assertThat(page.count()).isEqualTo(812);
        assertThat(page.rowCount()).isEqualTo(1);
    }

    @Test
    void bareList() throws Exception {
        MasterDataPage page = decode(EntityKind.PRODUCTS, "[" + PRODUCT + "]");
        assertThat(page.upserts()).hasSize(1);
        assertThat(page.envelopeVersion()).isNull();
        assertThat(page.maxRowVersion()).isEqualTo(1530);
        assertThat(page.count()).isNull();
    }

    @Test
    void emptyBareListKeepsNoVersion() throws Exception {
        assertThat(decode(EntityKind.PRODUCTS, "[]").maxRowVersion()).isEqualTo(-1);
    }

    @Test
    void tombstonesCarryOnlyWhatTheyNeed() throws Exception {
        MasterDataPage page = decode(EntityKind.PRODUCTS, "[{\"id\": 4, \"is_deleted\": true, \"version\": 1540},"
                + "{\"id\": 5, \"name\": \"Old\", \"price\": \"1\", \"is_deleted\": true, \"version\": 1541}]");
        assertThat(page.upserts()).isEmpty();
        assertThat(page.tombstones()).containsEntry(4L, 1540L).containsEntry(5L, 1541L);
    }

    @Test
    void moneyIsExactWhetherTextOrNumber() throws Exception {
        MasterDataPage page = decode(EntityKind.PRODUCTS, "[{\"id\": 1, \"name\": \"a\", \"price\": 15000.10, \"version\": 1},"
                + "{\"id\": 2, \"name\": \"b\", \"price\": \"0.30\", \"version\": 2},"
                + "{\"id\": 3, \"name\": \"c\", \"price\": 15000, \"version\": 3}]");
        assertThat(page.upserts()).extracting(r -> ((Product) r).price().toPlainString())
                .containsExactly("15000.1", "0.3", "15000");
    }

    @Test
    void promotionsReadTheirTimeWindowAndTargets() throws Exception {
        MasterDataPage page = decode(EntityKind.PROMOTIONS, "[{\"id\": 3, \"name\": \"Diskon\", \"description\": \"x\","
                + " \"discount_type\": \"percentage\", \"discount_value\": \"10.00\", \"product_ids\": [1, 2],"
                + " \"category_ids\": [7], \"start_date\": \"2024-01-11T10:30:00+07:00\", \"end_date\": \"2024-02-01\","
                + " \"is_active\": true, \"is_deleted\": false, \"version\": 9}]");
        Promotion promotion = (Promotion) page.upserts().get(0);
        assertThat(promotion.discountType()).isEqualTo(DiscountType.PERCENTAGE);
        assertThat(promotion.productIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(promotion.startsAt()).isEqualTo(Instant.parse("2024-01-11T03:30:00Z"));
        assertThat(promotion.endsAt()).isEqualTo(Instant.parse("2024-01-31T17:00:00Z")); // midnight in Jakarta
    }

    @Test
    void refusesRowsThatBreakTheContract() {
        assertBad(EntityKind.PRODUCTS, "[{\"name\": \"x\", \"price\": \"1\", \"version\": 1}]", "row 1 has no id");
        assertBad(EntityKind.PRODUCTS, "[{\"id\": \"7\", \"name\": \"x\", \"price\": \"1\", \"version\": 1}]",
                "row 1 id must be a whole number, got text \"7\"");
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"name\": \"x\", \"price\": \"1\"}]", "row 1 (id 7) has no version");
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"name\": \"x\", \"price\": [1], \"version\": 1}]",
                "row 1 (id 7) price must be a decimal amount, got a list");
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"name\": \"x\", \"price\": \"1e5\", \"version\": 1}]",
                "price must be a decimal amount like");
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"name\": \"x\", \"price\": \"1\", \"is_active\": \"yes\", "
                + "\"version\": 1}]", "is_active must be true or false, got text \"yes\"");
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"name\": \"\", \"price\": \"1\", \"version\": 1}]", "has no name");
        assertBad(EntityKind.PRODUCTS, "[17]", "row 1 is the number 17, not an object");
        assertBad(EntityKind.PROMOTIONS, "[{\"id\": 1, \"name\": \"p\", \"discount_type\": \"bogo\", "
                + "\"discount_value\": \"1\", \"start_date\": \"2024-01-01T00:00:00Z\", \"version\": 1}]",
                "discount_type must be \"percentage\" or \"fixed\", got \"bogo\"");
        assertBad(EntityKind.PROMOTIONS, "[{\"id\": 1, \"name\": \"p\", \"discount_type\": \"percentage\", "
                + "\"discount_value\": \"150\", \"start_date\": \"2024-01-01T00:00:00Z\", \"version\": 1}]",
                "discount_value of a percentage must be at most 100, got 150");
        assertBad(EntityKind.PROMOTIONS, "[{\"id\": 1, \"name\": \"p\", \"discount_type\": \"fixed\", "
                + "\"discount_value\": \"1\", \"start_date\": \"kemarin\", \"version\": 1}]",
                "start_date must be an ISO 8601 time like 2024-01-11T10:30:00Z, got \"kemarin\"");
        assertBad(EntityKind.CATEGORIES, "{\"version\": 1, \"results\": [{\"id\": 1, \"name\": \"a\", \"version\": 2}]}",
                "has a row at version 2 above the answer's version 1");
        assertBad(EntityKind.CATEGORIES, "{\"version\": \"new\", \"results\": []}", "has version text \"new\"");
        assertBad(EntityKind.CATEGORIES, "{\"count\": -1, \"results\": []}",
                "has count the number -1, expected a whole number");
        assertBad(EntityKind.CATEGORIES, "{\"next\": 5, \"results\": []}", "has next the number 5");
        assertBad(EntityKind.CATEGORIES, "", "is empty");
        assertBad(EntityKind.CATEGORIES, "[] []", "not valid JSON");
        assertBad(EntityKind.CATEGORIES, "[".repeat(100) + "]".repeat(100), "not valid JSON");
    }

    @Test
    void numbersNoMenuHasAreRefusedQuickly_foundByFuzzing() {
        // an exponent too long for BigDecimal: the parser threw NumberFormatException past the decoder
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"price\": 1E99999999999}]", "not valid JSON");
        // one it can hold would be written out in full (a gigabyte) in the error message
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"name\": \"x\", \"price\": 1E999999999, \"version\": 1}]",
                "price is implausibly large: 1E+999999999");
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"name\": \"x\", \"price\": -1E999999999, \"version\": 1}]",
                "price must not be negative, got -1E+999999999");
        assertBad(EntityKind.PRODUCTS, "[{\"id\": 7, \"name\": \"x\", \"price\": 1E-999999999, \"version\": 1}]",
                "price has more than 6 decimal places");
    }

    private void assertBad(EntityKind kind, String json, String problem) {
        assertThatThrownBy(() -> decode(kind, json)).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("backend sent bad " + kind.wireName() + " data: the answer ")
                .hasMessageContaining(problem)
                .extracting(e -> ((BackendException) e).problem()).isEqualTo(BackendException.Problem.BAD_DATA);
    }
}
