package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import id.outletkiosk.sync.OutboxSender;
import java.util.List;

/**
 * What the kitchen board needs from below it, all called off the FX thread: bumps made durable and
 * sent, dishes named from the local menu, the orders still open when the board starts, and word of a
 * bump head office refused for good.
 */
public interface KitchenBackOffice extends KitchenBoardViewModel.Bumps, BoardFeed.DishNames {
    /** This outlet's open orders as the ledger knows them. */
    List<Order> openOrders();

    /** Hears each status change central refused for good (on the sender's thread). */
    void onSetAside(OutboxSender.SetAsideListener listener);
}
