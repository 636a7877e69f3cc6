package id.outletkiosk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which number an order is called by, and how a server's {@code order_number} is read. */
class OrderNumberTest {
    private static Order order(String orderNumber, String reference) {
        return new Order(17L, null, "kiosk-1", orderNumber, 1, OrderStatus.PENDING, List.of(), null, null, null,
                reference, null);
    }

    @Test
    void aKiosksReferenceIsToldApartFromCentralsNumber() {
        assertThat(Order.isKioskReference("K-0001")).isTrue();
        assertThat(Order.isKioskReference("K2-0042")).isTrue();
        assertThat(Order.isKioskReference("BAR1-9999")).isTrue();
        assertThat(Order.isKioskReference("ORD-2026-000017")).isFalse();
        assertThat(Order.isKioskReference("ORD-2026-001")).isFalse();
        assertThat(Order.isKioskReference("17")).isFalse();
        assertThat(Order.isKioskReference(null)).isFalse();
        assertThat(Order.kioskReference("K2", 10_007)).isEqualTo("K2-0007");
    }

    @Test
    void theWiresNumberGoesWhereItBelongs() {
        Order fromStoreServer = order(null, null).withWireNumber("K2-0007");
        assertThat(fromStoreServer.reference()).isEqualTo("K2-0007");
        assertThat(fromStoreServer.orderNumber()).isNull();
        Order fromCentral = order(null, null).withWireNumber("ORD-2026-000017");
        assertThat(fromCentral.orderNumber()).isEqualTo("ORD-2026-000017");
        assertThat(fromCentral.reference()).isNull();
    }

    @Test
    void anOrderIsCalledByTheKiosksReferenceElseByCentralsShortNumber() {
        assertThat(order("ORD-2026-000017", "K-0002").callNumber()).isEqualTo("K-0002");
        assertThat(order("ORD-2026-000017", null).callNumber()).isEqualTo("17");
        assertThat(order(null, null).callNumber()).isNull();
        assertThat(Order.shortNumber("K2-0007")).as("a status change labelled by the reference").isEqualTo("K2-0007");
        assertThat(order("ORD-2026-000017", "K-0002").wireNumber()).isEqualTo("K-0002");
    }

    @Test
    void anOrderNoServerHasNumberedYetIsShownByAnIdNeverBlank() {
        assertThat(order("ORD-2026-000017", "K-0002").shownNumber()).isEqualTo("K-0002");
        assertThat(order(null, null).shownNumber()).as("central's id").isEqualTo("17");
        Order storeServerOnly = new Order(null, 5L, "kiosk-1", null, 1, OrderStatus.PENDING, List.of(), null, null,
                null, null, null);
        assertThat(storeServerOnly.shownNumber()).isEqualTo("5");
        assertThat(storeServerOnly.withLocalId(null).shownNumber()).isEqualTo("?");
    }

    @Test
    void theSameOrderHeardFromTwoServersKeepsBothNumbers() {
        Order merged = order(null, "K-0002").filledFrom(order("ORD-2026-000017", null));
        assertThat(merged.reference()).isEqualTo("K-0002");
        assertThat(merged.orderNumber()).isEqualTo("ORD-2026-000017");
        assertThat(merged.label()).isEqualTo("ORD-2026-000017 (K-0002)");
    }
}
