package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.Product;
import id.outletkiosk.pricing.Cart;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.pricing.PricedCart;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The customer's cart as the kiosk shows it, on the FX thread: the lines, their prices from the menu
 * now, what a sync changed in them (kept until the customer says OK), and the line just removed, which
 * can be put back for {@link #UNDO_FOR}. The view model decides when; this keeps the cart's own rules.
 */
public final class KioskCart {
    /** How long a removed line can be put back: long enough to notice a slip, short enough to forget. */
    static final Duration UNDO_FOR = Duration.ofSeconds(6);

    /** A line just removed, which "undo" puts back until {@code until}. */
    public record RemovedLine(Cart.Line line, String dishName, Instant until) {
    }

    private final Cart cart = new Cart();
    private final ObjectProperty<PricedCart> priced = new SimpleObjectProperty<>(PricedCart.empty(0));
    private final ObservableList<PricedCart.Change> changes = FXCollections.observableArrayList();
    private final ObjectProperty<RemovedLine> removed = new SimpleObjectProperty<>();

    Cart lines() {
        return cart;
    }

    ObjectProperty<PricedCart> pricedProperty() {
        return priced;
    }

    ObservableList<PricedCart.Change> changes() {
        return changes;
    }

    ObjectProperty<RemovedLine> removedProperty() {
        return removed;
    }

    boolean isEmpty() {
        return cart.isEmpty();
    }

    /** The sheet's "add" ({@code line == null}) or "update": quantity bounded, notes trimmed to the cart's limit. */
    void choose(Product product, Cart.Line line, int quantity, String notes, MenuSnapshot menu) {
        int bounded = Math.max(1, Math.min(Cart.MAX_QUANTITY, quantity));
        String trimmed = notes == null ? "" : notes.strip();
        trimmed = trimmed.length() > Cart.MAX_NOTES_LENGTH ? trimmed.substring(0, Cart.MAX_NOTES_LENGTH) : trimmed;
        if (line == null) {
            cart.add(product.id(), bounded, trimmed);
        } else {
            cart.update(line.lineId(), bounded, trimmed);
        }
        reprice(menu);
    }

    /** Removes a line, which can be put back until {@code now + UNDO_FOR}; an earlier removal is final now. */
    void remove(long lineId, MenuSnapshot menu, Instant now) {
        cart.line(lineId).ifPresent(line -> removed.set(new RemovedLine(line,
                menu.product(line.productId()).map(Product::name).orElse(""), now.plus(UNDO_FOR))));
        cart.remove(lineId);
        reprice(menu);
    }

    /** Puts the line just removed back (at the end, priced from the menu now), if its time has not run out. */
    void undo(MenuSnapshot menu, Instant now) {
        RemovedLine last = removed.get();
        removed.set(null);
        if (last != null && now.isBefore(last.until())) {
            cart.add(last.line().productId(), last.line().quantity(), last.line().notes());
            reprice(menu);
        }
    }

    /** The clock's tick: a removal whose time ran out cannot be undone any more. */
    void expire(Instant now) {
        RemovedLine last = removed.get();
        if (last != null && !now.isBefore(last.until())) {
            removed.set(null);
        }
    }

    /** The cart is settled (on to checkout, or a new customer): what was removed stays removed. */
    void settle() {
        removed.set(null);
    }

    void acknowledgeChanges() {
        changes.clear();
    }

    /** Empties everything for the next customer. */
    void clear(long menuVersion) {
        cart.clear();
        changes.clear();
        removed.set(null);
        priced.set(PricedCart.empty(menuVersion));
    }

    /** Prices the cart from {@code menu}; what changed for lines the customer already saw is kept to tell them. */
    void reprice(MenuSnapshot menu) {
        PricedCart fresh = cart.price(menu);
        changes.addAll(fresh.changesSince(priced.get()));
        fresh.notOnSale().forEach(gone -> cart.remove(gone.line().lineId()));
        priced.set(fresh);
    }
}
