package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.pricing.PricedCart;
import id.outletkiosk.sync.OrderDesk;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkout's side of the kiosk, on the FX thread: eat here or take away, the customer's name, the
 * order placed through the outbox on {@code worker} (a reference even with no network), what went
 * wrong, and the placed order with central's number once it arrives. The view model says when.
 */
final class KioskOrder {
    private static final Logger LOG = LoggerFactory.getLogger(KioskOrder.class);
    private static final int MAX_NAME_LENGTH = 40;

    /** What the view model does when the order is placed, and when the menu changed under it. */
    interface Outcome {
        void placed(OutboxEntry entry);

        void menuChanged();
    }

    private final KioskBackOffice backOffice;
    private final Executor worker;
    private final Executor fx;
    private final BooleanProperty placing = new SimpleBooleanProperty();
    private final ObjectProperty<String> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<OutboxEntry> placedOrder = new SimpleObjectProperty<>();
    private final ObjectProperty<Dining> dining = new SimpleObjectProperty<>();

    KioskOrder(KioskBackOffice backOffice, Executor worker, Executor fx) {
        this.backOffice = backOffice;
        this.worker = worker;
        this.fx = fx;
    }

    BooleanProperty placingProperty() {
        return placing;
    }

    ObjectProperty<String> problemProperty() {
        return problem;
    }

    ObjectProperty<OutboxEntry> placedOrderProperty() {
        return placedOrder;
    }

    ObjectProperty<Dining> diningProperty() {
        return dining;
    }

    void chooseDining(Dining where) {
        dining.set(where);
        if ("checkout.diningMissing".equals(problem.get())) {
            problem.set(null);
        }
    }

    /**
     * Places {@code cart} for {@code customerName} once eat-here-or-take-away is answered and the name is
     * right ({@code payable}: the view model's other conditions); a problem's message key otherwise.
     */
    void place(String customerName, PricedCart cart, boolean payable, Outcome outcome) {
        String name = customerName == null ? "" : customerName.strip();
        if (dining.get() == null) {
            problem.set("checkout.diningMissing");
            return;
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            problem.set(name.isEmpty() ? "checkout.nameMissing" : "checkout.nameTooLong");
            return;
        }
        if (!payable) {
            return;
        }
        placing.set(true);
        problem.set(null);
        Dining where = dining.get();
        List<OrderDesk.CartLine> lines = cart.lines().stream()
                .map(l -> new OrderDesk.CartLine(l.line().productId(), l.line().quantity(),
                        where.kitchenNotes(l.line().notes()))).toList();
        var shownTotal = cart.total();
        worker.execute(() -> {
            try {
                OutboxEntry placed = backOffice.place(lines, name, shownTotal);
                fx.execute(() -> {
                    placing.set(false);
                    dining.set(null); // the next customer is asked again
                    placedOrder.set(placed);
                    outcome.placed(placed);
                });
            } catch (OrderDesk.PriceChanged | OrderDesk.NotOnSale e) {
                LOG.info("order not placed, the menu changed under the cart: {}", e.getMessage());
                fx.execute(() -> refused("checkout.pricesChanged"));
                outcome.menuChanged();
            } catch (RuntimeException e) {
                LOG.error("placing an order failed; the cart is kept", e);
                fx.execute(() -> refused("checkout.failed"));
            }
        });
    }

    /** On the confirmation: asks the outbox whether central's number has come (called on the tick). */
    void followNumber() {
        OutboxEntry placed = placedOrder.get();
        if (placed != null && placed.orderNumber() == null) {
            worker.execute(() -> backOffice.placed(placed.seq()).filter(entry -> entry.orderNumber() != null)
                    .ifPresent(entry -> fx.execute(() -> {
                        if (placedOrder.get() != null && placedOrder.get().seq() == entry.seq()) {
                            placedOrder.set(entry);
                        }
                    })));
        }
    }

    /** The next customer: nothing answered, nothing placed, nothing wrong. */
    void clear() {
        problem.set(null);
        placedOrder.set(null);
        dining.set(null);
    }

    private void refused(String messageKey) {
        placing.set(false);
        problem.set(messageKey);
    }
}
