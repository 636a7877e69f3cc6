package id.outletkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code station} setting as a manager types it. */
class KitchenDutyTest {
    @Test
    void unsetIsTheWholeOrderAndExpoIsTheExpoInAnyCase() {
        assertThat(KitchenDuty.parse(null)).isEqualTo(KitchenDuty.WHOLE_ORDERS);
        assertThat(KitchenDuty.parse("  ")).isEqualTo(KitchenDuty.WHOLE_ORDERS);
        assertThat(KitchenDuty.parse(" Expo ")).isInstanceOf(KitchenDuty.Expo.class);
    }

    @Test
    void aStationNamesItsCategoriesAndMayGiveItselfAShortName() {
        assertThat(KitchenDuty.parse("Minuman")).isEqualTo(new KitchenDuty.Station("Minuman", List.of("Minuman")));
        assertThat(KitchenDuty.parse("Makanan , Snack,,3")).isEqualTo(
                new KitchenDuty.Station("Makanan, Snack, 3", List.of("Makanan", "Snack", "3")));
        KitchenDuty kitchen = KitchenDuty.parse("Dapur: Nasi, Mie & Bakso");
        assertThat(kitchen).isEqualTo(new KitchenDuty.Station("Dapur", List.of("Nasi", "Mie & Bakso")));
        assertThat(KitchenDuty.parse(kitchen.text())).isEqualTo(kitchen);
        assertThat(KitchenDuty.parse("Minuman").text()).isEqualTo("Minuman");
    }

    @Test
    void aStationWithoutCategoriesOrWithAnEmptyNameIsRefusedWithAnExample() {
        for (String bad : List.of(",", "Bar:", ": Minuman", "Bar: , ")) {
            assertThatThrownBy(() -> KitchenDuty.parse(bad)).as(bad).hasMessageContaining("like Minuman");
        }
    }
}
