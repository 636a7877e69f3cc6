package id.outletkiosk.pricing;

import id.outletkiosk.model.DiscountType;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a cart from the local menu. The rule: each line gets the single best running promotion that
 * targets its product (directly or through its category), the one that takes the most off one unit;
 * a percentage is rounded half-up to whole Rupiah, a fixed amount never takes more than the price.
 */
public final class CartPricer {
    /** One priced line: the unit price before and after the promotion, and the line total. */
    public record PricedLine(Product product, int quantity, BigDecimal unitPrice, Promotion promotion,
            BigDecimal unitDiscount, BigDecimal lineTotal) {
    }

    private CartPricer() {
    }

    public static PricedLine price(Product product, int quantity, List<Promotion> running) {
        Promotion best = null;
        BigDecimal bestDiscount = BigDecimal.ZERO;
        for (Promotion promotion : running) {
            if (!promotion.targets(product)) {
                continue;
            }
            BigDecimal discount = discountOf(promotion, product.price());
            if (discount.compareTo(bestDiscount) > 0) {
                best = promotion;
                bestDiscount = discount;
            }
        }
        BigDecimal total = product.price().subtract(bestDiscount).multiply(BigDecimal.valueOf(quantity));
        return new PricedLine(product, quantity, product.price(), best, bestDiscount, total);
    }

    public static BigDecimal discountOf(Promotion promotion, BigDecimal price) {
        BigDecimal discount = promotion.discountType() == DiscountType.PERCENTAGE
                ? price.multiply(promotion.discountValue()).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                : promotion.discountValue();
        return discount.min(price);
    }

    /** Only the promotions running at {@code at}. */
    public static List<Promotion> runningAt(List<Promotion> promotions, Instant at) {
        List<Promotion> running = new ArrayList<>();
        for (Promotion promotion : promotions) {
            if (promotion.isRunningAt(at)) {
                running.add(promotion);
            }
        }
        return running;
    }

    public static BigDecimal total(List<PricedLine> lines) {
        return lines.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
