package id.outletkiosk.ui.pickup;

import id.outletkiosk.model.Order;
import java.util.List;

/** What the pickup screen needs from below it, called off the FX thread: the orders open when it starts. */
public interface PickupBackOffice {
    /** This outlet's open orders as the ledger knows them. */
    List<Order> openOrders();
}
