package id.outletkiosk.server;

import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.pricing.CartPricer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The reference backend's orders (PROTOCOL 1.2): priced from its own menu, idempotent on
 * {@code client_order_id}, with the status flow enforced. Every change is announced to listeners (the
 * WebSocket broadcaster) after it is made.
 */
public final class OrderBook {
    /** What placing found: the order, and whether it was created now or already existed under its key. */
    public record Placement(Order order, boolean created) {
    }

    /** A request the backend refuses (400), with DRF's field and message. */
    public static final class Refusal extends RuntimeException {
        private final String field;

        Refusal(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final MasterDataRepository menu;
    private final Clock clock;
    private final TreeMap<Long, Order> byId = new TreeMap<>();
    private final Map<String, Long> byClientOrderId = new HashMap<>();
    private final List<BiConsumer<String, Order>> listeners = new CopyOnWriteArrayList<>();
    private long lastId;

    public OrderBook(MasterDataRepository menu, Clock clock) {
        this.menu = menu;
        this.clock = clock;
    }

    /** @param listener gets the event type ("new_order", "order_updated", ...) and the order */
    public void onChange(BiConsumer<String, Order> listener) {
        listeners.add(listener);
    }

    public Placement place(NewOrder request) {
        Placement placement;
        synchronized (this) {
            if (request.clientOrderId() != null && byClientOrderId.containsKey(request.clientOrderId())) {
                return new Placement(byId.get(byClientOrderId.get(request.clientOrderId())), false);
            }
            if (request.items().isEmpty()) {
                throw new Refusal("items", "An order needs at least one item.");
            }
            List<OrderItem> priced = new ArrayList<>();
            List<Promotion> running = CartPricer.runningAt(menu.liveRows(EntityKind.PROMOTIONS).stream()
                    .map(Promotion.class::cast).toList(), clock.instant());
            BigDecimal total = BigDecimal.ZERO;
            for (OrderItem item : request.items()) {
                Product product = menu.live(EntityKind.PRODUCTS, item.productId()).map(Product.class::cast)
                        .orElseThrow(() -> new Refusal("items", "Invalid pk \"" + item.productId()
                                + "\" - object does not exist."));
                if (!product.active() || !product.available()) {
                    throw new Refusal("items", "Product \"" + product.name() + "\" is not available.");
                }
                priced.add(new OrderItem(product.id(), product.name(), item.quantity(), product.price(), item.notes()));
                total = total.add(CartPricer.price(product, item.quantity(), running).lineTotal());
            }
            long id = ++lastId;
            String number = String.format("ORD-%d-%06d", clock.instant().atZone(ZoneOffset.UTC).getYear(), id);
            Order order = new Order(id, null, request.clientOrderId(), number, request.outletId(), OrderStatus.PENDING,
                    priced, total, clock.instant(), request.customerName(), null, null);
            byId.put(id, order);
            if (request.clientOrderId() != null) {
                byClientOrderId.put(request.clientOrderId(), id);
            }
            placement = new Placement(order, true);
        }
        announce("new_order", placement.order());
        return placement;
    }

    public Optional<Order> changeStatus(long id, OrderStatus status) {
        Order changed;
        synchronized (this) {
            Order order = byId.get(id);
            if (order == null) {
                return Optional.empty();
            }
            if (!order.status().isBefore(status)) {
                throw new Refusal("status", "Cannot change status from " + order.status().wireName() + " to "
                        + status.wireName() + ".");
            }
            changed = order.withStatus(status);
            byId.put(id, changed);
        }
        announce(switch (status) {
            case COMPLETED -> "order_completed";
            case CANCELLED -> "order_cancelled";
            default -> "order_updated";
        }, changed);
        return Optional.of(changed);
    }

    /** Orders of an outlet with an id above {@code sinceId}, oldest first. */
    public synchronized List<Order> since(long outletId, long sinceId) {
        return byId.tailMap(sinceId, false).values().stream().filter(o -> o.outletId() == outletId).toList();
    }

    public synchronized Optional<Order> byClientOrderId(String clientOrderId) {
        Long id = byClientOrderId.get(clientOrderId);
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    public synchronized int count() {
        return byId.size();
    }

    private void announce(String type, Order order) {
        listeners.forEach(listener -> listener.accept(type, order));
    }
}
