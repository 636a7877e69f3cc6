package id.outletkiosk.ui.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.sync.OrderStatusDesk;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hold's own rules, without a board: its window, its steps, news from a server, sending in order. */
class HeldBumpTest {
    private static final Instant NOON = Instant.parse("2026-11-30T05:00:00Z");
    private final HeldBump held = new HeldBump();

    @Test
    void aHoldLastsItsWindow_andAFurtherBumpOfTheSameTicketAddsAStepAndStartsItAgain() {
        Ticket ticket = ticket(1, OrderStatus.PENDING);
        held.hold(ticket, OrderStatus.PREPARING, NOON);
        assertThat(held.secondsLeft(NOON.plusMillis(500))).isEqualTo(10);
        assertThat(held.isDue(NOON.plus(HeldBump.HOLD_FOR).minusMillis(1))).isFalse();
        held.hold(ticket.with(ticket.order().withStatus(OrderStatus.PREPARING)), OrderStatus.READY, NOON.plusSeconds(8));

        assertThat(held.current().steps()).containsExactly(OrderStatus.PREPARING, OrderStatus.READY);
        assertThat(held.current().original().status()).as("undo goes back to before the first step")
                .isEqualTo(OrderStatus.PENDING);
        assertThat(held.isDue(NOON.plus(HeldBump.HOLD_FOR))).isFalse();
        assertThat(held.isDue(NOON.plusSeconds(8).plus(HeldBump.HOLD_FOR))).isTrue();
        assertThat(held.take().shownStatus()).isEqualTo(OrderStatus.READY);
        assertThat(held.take()).isNull();
        assertThat(held.secondsLeft(NOON)).isZero();
    }

    @Test
    void newsFromAServerEndsTheHoldWithTheStepsItLacks_anEchoChangesNothing() {
        Ticket ticket = ticket(1, OrderStatus.PENDING);
        held.hold(ticket, OrderStatus.PREPARING, NOON);
        held.hold(ticket, OrderStatus.READY, NOON);

        assertThat(held.onNews(order(2, OrderStatus.READY))).as("another order").isNull();
        assertThat(held.onNews(order(1, OrderStatus.PENDING))).as("an echo").isNull();
        assertThat(held.current()).isNotNull();
        HeldBump.Hold rest = held.onNews(order(1, OrderStatus.PREPARING));
        assertThat(rest.steps()).containsExactly(OrderStatus.READY);
        assertThat(rest.original().status()).as("where the server has it").isEqualTo(OrderStatus.PREPARING);
        assertThat(held.current()).isNull();

        held.hold(ticket, OrderStatus.PREPARING, NOON);
        assertThat(held.onNews(order(1, OrderStatus.CANCELLED))).as("cancelled: nothing to send").isNull();
        assertThat(held.current()).isNull();
    }

    @Test
    void theStepsAreSentInOrder_aRefusalSaysWhereTheServerHasTheOrder() {
        Ticket ticket = ticket(1, OrderStatus.PENDING);
        held.hold(ticket, OrderStatus.PREPARING, NOON);
        held.hold(ticket, OrderStatus.READY, NOON);
        List<String> sent = new ArrayList<>();
        List<String> outcome = new ArrayList<>();

        held.send(held.take(), (order, next) -> {
            if (next == OrderStatus.READY) {
                throw new OrderStatusDesk.ChangeRefused("order is cancelled");
            }
            sent.add(order.status() + "->" + next);
            return order.withStatus(next);
        }, Runnable::run, Runnable::run, (order, answer) -> outcome.add("confirmed " + answer.status()),
                (back, shown, reason) -> outcome.add(back.status() + " not " + shown + ": " + reason));

        assertThat(sent).containsExactly("PENDING->PREPARING");
        assertThat(outcome).containsExactly("PREPARING not READY: order is cancelled");
    }

    private static Ticket ticket(long n, OrderStatus status) {
        return new Ticket(order(n, status), NOON, false, false, null);
    }

    /** The one place this test builds an {@link Order}. */
    private static Order order(long n, OrderStatus status) {
        return new Order(n, null, "client-" + n, "ORD-2026-" + n, 1, status,
                List.of(new OrderItem(1, "Nasi Goreng", 1, BigDecimal.ONE, null)), BigDecimal.ONE,
                NOON.minus(Duration.ofMinutes(n)), "Tamu " + n, null, null);
    }
}
