package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.sync.OrderDesk;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What the kiosk screen needs from below it, all called off the FX thread: the menu from the local
 * store, the order desk (outbox first), and the outbox entry of a placed order.
 */
public interface KioskBackOffice {
    MenuSnapshot readMenu();

    /** @throws OrderDesk.PriceChanged when the store prices the cart other than {@code shownTotal} */
    OutboxEntry place(List<OrderDesk.CartLine> lines, String customerName, BigDecimal shownTotal);

    Optional<OutboxEntry> placed(long seq);
}
