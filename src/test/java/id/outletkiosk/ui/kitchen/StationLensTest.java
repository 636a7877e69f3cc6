package id.outletkiosk.ui.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.model.Category;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each kitchen display sees of one mixed order: nasi goreng, two iced teas, crackers, a tea nobody cooks. */
class StationLensTest {
    private static final Category NASI = new Category(1, "Nasi", 10, true, 1);
    private static final Category MINUMAN = new Category(7, "Minuman", 70, true, 1);
    private static final Category CAMILAN = new Category(6, "Camilan", 60, true, 1);
    private static final Category TEH = new Category(9, "Teh Spesial", 90, true, 1);
    private static final Map<Long, Category> MENU = Map.of(1L, NASI, 37L, MINUMAN, 36L, CAMILAN, 50L, TEH);
    private static final Order ORDER = new Order(101L, 7L, "k-1", "ORD-1", 1, OrderStatus.PENDING,
            List.of(item(1, "Nasi Goreng"), item(37, "Es Teh"), item(36, "Kerupuk"), item(50, "Teh Tarik")), null, null,
            "Budi", "K-0001", null);

    private static OrderItem item(long product, String name) {
        return new OrderItem(product, name, 1, null, null);
    }

    private static StationLens lens(String setting) {
        StationLens lens = new StationLens(KitchenDuty.parse(setting));
        lens.setMenu(MENU);
        return lens;
    }

    @Test
    void aStationSeesItsOwnDishesByCategoryNameOrIdUntilTheyAreDone() {
        StationLens bar = lens("Bar: minuman");
        StationLens kitchen = lens("Dapur: Nasi, 6");
        assertThat(bar.linesFor(ORDER)).containsExactly(1);
        assertThat(kitchen.linesFor(ORDER)).containsExactly(0, 2);
        assertThat(bar.shows(ORDER)).isTrue();
        assertThat(bar.shows(ORDER.withDishesDone(new DishesDone(List.of(1))))).isFalse();
        assertThat(kitchen.shows(ORDER.withDishesDone(new DishesDone(List.of(0, 1))))).isTrue();
        assertThat(lens("Pencuci Mulut").shows(ORDER)).as("nothing for the dessert station").isFalse();
        assertThat(lens("").linesFor(ORDER)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aCategoryTheMenuDoesNotHaveIsNamedForTheManager() {
        assertThat(lens("Bar: Minuman, Jus").unknownCategories(List.of(NASI, MINUMAN))).containsExactly("Jus");
        assertThat(lens("Dapur: Nasi, 6").asStation(List.of(NASI, MINUMAN, CAMILAN)))
                .isEqualTo(new KitchenStation("Dapur", List.of(1L, 6L)));
    }

    @Test
    void theExpoSeesEachStationsShareWithDishesNoStationCooksLastAndBumpsStraightToReady() {
        StationLens expo = lens("expo");
        expo.setStations(List.of(new KitchenStation("Bar", List.of(7L)), new KitchenStation("Dapur", List.of(1L, 6L)),
                new KitchenStation("Dessert", List.of(8L))));
        assertThat(expo.progress(ORDER.withDishesDone(new DishesDone(List.of(1, 2))))).containsExactly(
                new StationLens.Progress("Bar", 1, 1), new StationLens.Progress("Dapur", 1, 2),
                new StationLens.Progress(StationLens.KITCHEN, 0, 1));
        assertThat(expo.nextStatus(OrderStatus.PENDING)).isEqualTo(OrderStatus.READY);
        assertThat(expo.nextStatus(OrderStatus.PREPARING)).isEqualTo(OrderStatus.READY);
        assertThat(expo.nextStatus(OrderStatus.READY)).isEqualTo(OrderStatus.COMPLETED);
        assertThat(lens("").nextStatus(OrderStatus.PENDING)).isEqualTo(OrderStatus.PREPARING);
    }
}
