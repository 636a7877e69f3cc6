package id.outletkiosk.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An order as some server knows it. The same order can be known by its central id, by the local sync
 * server's id, and by the kiosk's {@code clientOrderId}; any of them may be missing.
 *
 * @param orderNumber central's number ("ORD-2026-000017"), or a counter's; null until central numbers it
 * @param reference   the kiosk's reference ("K2-0007"): the number the customer holds, for kiosk orders;
 *                    it reaches every screen through the store server's copy (its {@code order_number})
 * @param dishesDone  which dishes the cooks tapped done, as our store server keeps them; null when the
 *                    server that sent the order does not say (central, another store server)
 */
public record Order(
        Long centralId,
        Long localId,
        String clientOrderId,
        String orderNumber,
        long outletId,
        OrderStatus status,
        List<OrderItem> items,
        BigDecimal totalAmount,
        Instant createdAt,
        String customerName,
        String reference,
        DishesDone dishesDone) {

    public Order {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public Order withStatus(OrderStatus newStatus) {
        return new Order(centralId, localId, clientOrderId, orderNumber, outletId, newStatus, items, totalAmount,
                createdAt, customerName, reference, dishesDone);
    }

    /** True when both name one order: they share a central id, a local id or a client order id. */
    public boolean sharesKeyWith(Order other) {
        return same(centralId, other.centralId) || same(localId, other.localId) || same(clientOrderId, other.clientOrderId);
    }

    private static boolean same(Object a, Object b) {
        return a != null && a.equals(b);
    }

    public Order withItems(List<OrderItem> newItems) {
        return new Order(centralId, localId, clientOrderId, orderNumber, outletId, status, newItems, totalAmount,
                createdAt, customerName, reference, dishesDone);
    }

    public Order withReference(String kioskReference) {
        return new Order(centralId, localId, clientOrderId, orderNumber, outletId, status, items, totalAmount,
                createdAt, customerName, kioskReference, dishesDone);
    }

    public Order withDishesDone(DishesDone done) {
        return new Order(centralId, localId, clientOrderId, orderNumber, outletId, status, items, totalAmount,
                createdAt, customerName, reference, done);
    }

    public Order withLocalId(Long newLocalId) {
        return new Order(centralId, newLocalId, clientOrderId, orderNumber, outletId, status, items, totalAmount,
                createdAt, customerName, reference, dishesDone);
    }

    /**
     * This order with whatever it lacks taken from {@code other}, the same order heard under other keys
     * or from another server: keys, numbers, items, total, time and name; the status stays this one's.
     */
    public Order filledFrom(Order other) {
        return new Order(centralId != null ? centralId : other.centralId,
                localId != null ? localId : other.localId,
                clientOrderId != null ? clientOrderId : other.clientOrderId,
                orderNumber != null ? orderNumber : other.orderNumber,
                outletId, status,
                items.isEmpty() ? other.items : items,
                totalAmount != null ? totalAmount : other.totalAmount,
                createdAt != null ? createdAt : other.createdAt,
                customerName != null ? customerName : other.customerName,
                reference != null ? reference : other.reference,
                dishesDone != null ? dishesDone : other.dishesDone);
    }

    /**
     * A kiosk's reference: its terminal name (1-4 letters or digits) and a 4-digit count, "K2-0007".
     * Central's numbers ("ORD-2026-000017") never look like one, so an {@code order_number} that does is
     * a kiosk's, whichever server it came through.
     */
    private static final Pattern KIOSK_REFERENCE = Pattern.compile("[A-Za-z0-9]{1,4}-\\d{4}");

    /** The reference of a kiosk's {@code seq}-th order, as the customer reads it. */
    public static String kioskReference(String terminal, long seq) {
        return String.format("%s-%04d", terminal, seq % 10_000);
    }

    public static boolean isKioskReference(String number) {
        return number != null && KIOSK_REFERENCE.matcher(number).matches();
    }

    /**
     * This order with the {@code order_number} a server sent: a kiosk's reference (a store server's copy
     * of a kiosk order) or central's number.
     */
    public Order withWireNumber(String number) {
        boolean kiosk = isKioskReference(number);
        return new Order(centralId, localId, clientOrderId, kiosk ? orderNumber : number, outletId, status, items,
                totalAmount, createdAt, customerName, kiosk ? number : reference, dishesDone);
    }

    /**
     * The {@code order_number} a store server keeps and serves: the kiosk's reference when there is one
     * (every screen of the store calls the order by it), else central's number.
     */
    public String wireNumber() {
        return reference != null ? reference : orderNumber;
    }

    /**
     * The one number everybody uses for this order: the customer's confirmation, the kitchen ticket, the
     * pickup screen, the counter. A kiosk order's reference; otherwise central's short number; null when
     * neither is known yet.
     */
    public String callNumber() {
        return reference != null ? reference : shortNumber(orderNumber);
    }

    /**
     * What a screen shows for this order: its {@link #callNumber()}; for an order no server has numbered
     * yet, the first id known (central's, else the store server's), so it is never blank; "?" without any.
     */
    public String shownNumber() {
        String number = callNumber();
        if (number != null) {
            return number;
        }
        Long id = centralId != null ? centralId : localId;
        return id == null ? "?" : id.toString();
    }

    /**
     * What the cooks call out: the order number's last part without leading zeros ("ORD-2026-000042" is
     * "42"), a kiosk's reference whole; null without a number.
     */
    public static String shortNumber(String orderNumber) {
        if (orderNumber == null || orderNumber.isBlank()) {
            return null;
        }
        if (isKioskReference(orderNumber)) {
            return orderNumber; // "K2-0007" is what the customer holds: never cut to "7"
        }
        String last = orderNumber.substring(orderNumber.lastIndexOf('-') + 1).replaceFirst("^0+(?=.)", "");
        return last.isEmpty() ? orderNumber : last;
    }

    /** A short name for logs: the order number (and the kiosk's reference), else the first key known. */
    public String label() {
        if (orderNumber != null) {
            return reference == null ? orderNumber : orderNumber + " (" + reference + ")";
        }
        if (reference != null) {
            return reference;
        }
        if (centralId != null) {
            return "central #" + centralId;
        }
        return localId != null ? "local #" + localId : "client " + clientOrderId;
    }
}
