package id.outletkiosk.pricing;

import id.outletkiosk.model.Product;
import id.outletkiosk.pricing.MenuSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a customer has chosen so far: product ids, quantities and notes, never prices. Prices come
 * from a {@link MenuSnapshot} each time the cart is {@linkplain #price priced}, so a sync that lands
 * while the cart is open re-prices it. Owned by one thread (the screen's); not thread-safe.
 */
public final class Cart {
    /** The most of one dish on one line: more is a mistake at a touch screen, not an order. */
    public static final int MAX_QUANTITY = 20;
    public static final int MAX_NOTES_LENGTH = 140;

    /** One line as chosen; {@code lineId} stays the same while the line is edited. */
    public record Line(long lineId, long productId, int quantity, String notes) {
        public Line {
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("quantity must be 1 to " + MAX_QUANTITY + ", not " + quantity);
            }
            notes = notes == null ? "" : notes.strip();
            if (notes.length() > MAX_NOTES_LENGTH) {
                throw new IllegalArgumentException("notes longer than " + MAX_NOTES_LENGTH + " characters");
            }
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private long nextLineId = 1;

    /** Adds a dish; the same dish with the same notes adds to its line (capped at {@link #MAX_QUANTITY}). */
    public Line add(long productId, int quantity, String notes) {
        Line fresh = new Line(nextLineId, productId, quantity, notes);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.productId() == productId && line.notes().equals(fresh.notes())) {
                Line merged = new Line(line.lineId(), productId, Math.min(MAX_QUANTITY, line.quantity() + quantity),
                        line.notes());
                lines.set(i, merged);
                return merged;
            }
        }
        nextLineId++;
        lines.add(fresh);
        return fresh;
    }

    public void update(long lineId, int quantity, String notes) {
        int index = indexOf(lineId);
        Line line = lines.get(index);
        lines.set(index, new Line(lineId, line.productId(), quantity, notes));
    }

    public void remove(long lineId) {
        lines.removeIf(line -> line.lineId() == lineId);
    }

    /**
     * Empties the cart for the next customer, whose lines are numbered from 1 again: the kiosk's screen names a
     * line's nodes by its number ({@code #cart-line-3}), and JavaFX keeps a style map for every distinct CSS id for
     * as long as the scene lives, so numbers that grew all day grew the kiosk's heap with every customer.
     */
    public void clear() {
        lines.clear();
        nextLineId = 1;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public Optional<Line> line(long lineId) {
        return lines.stream().filter(line -> line.lineId() == lineId).findFirst();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int itemCount() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    /**
     * Prices every line from {@code menu}. A line whose dish is sold out or gone from the menu is not
     * priced: it comes back in {@link PricedCart#notOnSale()} so the screen can say so and drop it.
     */
    public PricedCart price(MenuSnapshot menu) {
        List<PricedCart.PricedCartLine> priced = new ArrayList<>();
        List<PricedCart.Unavailable> notOnSale = new ArrayList<>();
        for (Line line : lines) {
            Optional<Product> product = menu.product(line.productId());
            if (product.isEmpty() || !product.get().available()) {
                notOnSale.add(new PricedCart.Unavailable(line, product.orElse(null)));
            } else {
                priced.add(new PricedCart.PricedCartLine(line, menu.price(product.get(), line.quantity())));
            }
        }
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        for (PricedCart.PricedCartLine line : priced) {
            BigDecimal quantity = BigDecimal.valueOf(line.line().quantity());
            subtotal = subtotal.add(line.priced().unitPrice().multiply(quantity));
            discount = discount.add(line.priced().unitDiscount().multiply(quantity));
        }
        return new PricedCart(menu.version(), priced, notOnSale, subtotal, discount, subtotal.subtract(discount));
    }

    private int indexOf(long lineId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineId() == lineId) {
                return i;
            }
        }
        throw new IllegalArgumentException("no cart line " + lineId);
    }

    @Override
    public String toString() {
        return "Cart" + lines;
    }
}
