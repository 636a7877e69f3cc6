package id.outletkiosk.pricing;

import id.outletkiosk.model.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cart priced from one menu snapshot: what the customer will pay, line by line. Comparing two of
 * them ({@link #changesSince}) is how the kiosk tells a customer what a sync changed before they pay.
 */
public record PricedCart(long menuVersion, List<PricedCartLine> lines, List<Unavailable> notOnSale,
        BigDecimal subtotal, BigDecimal discount, BigDecimal total) {

    public PricedCart {
        lines = List.copyOf(lines);
        notOnSale = List.copyOf(notOnSale);
    }

    /** A line that can be sold, with its price and promotion. */
    public record PricedCartLine(Cart.Line line, CartPricer.PricedLine priced) {
        public Product product() {
            return priced.product();
        }
    }

    /** A line the menu no longer sells: sold out ({@code product} set) or gone ({@code product} null). */
    public record Unavailable(Cart.Line line, Product product) {
    }

    /** One thing that changed for the customer between two pricings of the same cart. */
    public record Change(Kind kind, String productName, BigDecimal before, BigDecimal after, String promotionName) {
        public enum Kind {
            /** The unit price changed (before/after: unit prices). */
            PRICE,
            /** A promotion now applies or a better one does (before/after: unit price after discount). */
            PROMOTION_STARTED,
            /** The promotion no longer applies (before/after: unit price after discount). */
            PROMOTION_ENDED,
            /** Sold out now ("habis"); the line leaves the cart. */
            SOLD_OUT,
            /** Gone from the menu; the line leaves the cart. */
            WITHDRAWN
        }
    }

    public static PricedCart empty(long menuVersion) {
        return new PricedCart(menuVersion, List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** What a customer who saw {@code before} must be told now; empty when nothing they chose changed. */
    public List<Change> changesSince(PricedCart before) {
        Map<Long, PricedCartLine> earlier = new HashMap<>();
        for (PricedCartLine line : before.lines) {
            earlier.put(line.line().lineId(), line);
        }
        List<Change> changes = new ArrayList<>();
        for (Unavailable gone : notOnSale) {
            PricedCartLine was = earlier.get(gone.line().lineId());
            if (was != null) {
                changes.add(new Change(gone.product() == null ? Change.Kind.WITHDRAWN : Change.Kind.SOLD_OUT,
                        was.product().name(), null, null, null));
            }
        }
        for (PricedCartLine now : lines) {
            PricedCartLine was = earlier.get(now.line().lineId());
            if (was != null) {
                changeOf(was.priced(), now.priced()).ifPresent(changes::add);
            }
        }
        return changes;
    }

    private static Optional<Change> changeOf(CartPricer.PricedLine was, CartPricer.PricedLine now) {
        String name = now.product().name();
        if (was.unitPrice().compareTo(now.unitPrice()) != 0) {
            return Optional.of(new Change(Change.Kind.PRICE, name, was.unitPrice(), now.unitPrice(),
                    now.promotion() == null ? null : now.promotion().name()));
        }
        BigDecimal paidBefore = was.unitPrice().subtract(was.unitDiscount());
        BigDecimal paidNow = now.unitPrice().subtract(now.unitDiscount());
        if (paidBefore.compareTo(paidNow) == 0) {
            return Optional.empty();
        }
        // cheaper now: a promotion started (or a better one); dearer: the one they had ended
        return Optional.of(paidNow.compareTo(paidBefore) < 0
                ? new Change(Change.Kind.PROMOTION_STARTED, name, paidBefore, paidNow, now.promotion().name())
                : new Change(Change.Kind.PROMOTION_ENDED, name, paidBefore, paidNow, was.promotion().name()));
    }
}
