package id.outletkiosk.sync;

import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.Product;
import id.outletkiosk.pricing.CartPricer;
import id.outletkiosk.store.CatalogStore;
import id.outletkiosk.store.MasterDataStore;
import id.outletkiosk.store.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where a kiosk places an order: priced from the local menu (prices and promotions the customer saw),
 * written to the outbox with a fresh {@code client_order_id} in the transaction that gives the
 * reference, and only then handed to the {@link OutboxSender}. Works with no network at all.
 */
public final class OrderDesk {
    /** One line as the customer chose it. */
    public record CartLine(long productId, int quantity, String notes) {
    }

    /** The customer chose something the menu does not sell now; nothing was written. */
    public static final class NotOnSale extends RuntimeException {
        public NotOnSale(String message) {
            super(message);
        }
    }

    /** The store's prices differ from the ones the customer was shown (a sync landed); nothing was written. */
    public static final class PriceChanged extends RuntimeException {
        public PriceChanged(BigDecimal shown, BigDecimal now) {
            super("the total changed from " + shown.toPlainString() + " to " + now.toPlainString()
                    + " since the customer saw it");
        }
    }

    private final CatalogStore catalog;
    private final MasterDataStore masterData;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final long outletId;
    private final Clock clock;

    public OrderDesk(CatalogStore catalog, MasterDataStore masterData, Outbox outbox, OutboxSender sender, long outletId,
            Clock clock) {
        this.catalog = catalog;
        this.masterData = masterData;
        this.outbox = outbox;
        this.sender = sender;
        this.outletId = outletId;
        this.clock = clock;
    }

    public OutboxEntry place(List<CartLine> cart, String customerName) {
        return place(cart, customerName, UUID.randomUUID().toString());
    }

    public OutboxEntry place(List<CartLine> cart, String customerName, String clientOrderId) {
        return place(cart, customerName, clientOrderId, null);
    }

    /**
     * Places the order only if the store still prices it at {@code shownTotal} (null: any total), so a
     * kiosk never charges other than what it showed: a sync that lands between showing and paying
     * throws {@link PriceChanged} and the customer sees the new prices first.
     */
    public OutboxEntry place(List<CartLine> cart, String customerName, String clientOrderId, BigDecimal shownTotal) {
        if (cart.isEmpty()) {
            throw new NotOnSale("the order has no items");
        }
        var running = catalog.activePromotions(clock.instant());
        List<OrderItem> items = new ArrayList<>();
        List<Long> promotionIds = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CartLine line : cart) {
            Product product = catalog.product(line.productId())
                    .orElseThrow(() -> new NotOnSale("product " + line.productId() + " is not on the menu"));
            if (!product.active() || !product.available()) {
                throw new NotOnSale(product.name() + " is not on sale now (habis)");
            }
            CartPricer.PricedLine priced = CartPricer.price(product, line.quantity(), running);
            items.add(new OrderItem(product.id(), product.name(), line.quantity(), product.price(), line.notes()));
            promotionIds.add(priced.promotion() == null ? null : priced.promotion().id());
            total = total.add(priced.lineTotal());
        }
        if (shownTotal != null && shownTotal.compareTo(total) != 0) {
            throw new PriceChanged(shownTotal, total);
        }
        long version = masterData.versions().getOrDefault(EntityKind.PRODUCTS, 0L);
        OutboxEntry entry = outbox.place(new NewOrder(outletId, clientOrderId, customerName, items, null), promotionIds,
                total, version);
        if (sender != null) {
            sender.wake();
        }
        return entry;
    }
}
