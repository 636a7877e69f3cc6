package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import id.outletkiosk.sync.OutboxSender;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.model.Category;
import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.model.SpeedOfService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the kitchen board needs from below it, all called off the FX thread: bumps and a station's dish
 * taps made durable and sent, dishes named and sorted into categories from the local menu, the orders
 * still open when the board starts, the store's stations, and word of a bump head office refused for good.
 */
public interface KitchenBackOffice extends KitchenBoardViewModel.Bumps, KitchenBoardViewModel.DishTaps,
        BoardFeed.DishNames {
    /** This outlet's open orders as the ledger knows them. */
    List<Order> openOrders();

    /** The menu's categories, in the menu's order. */
    List<Category> menuCategories();

    /** Each product's category, by product id: which station cooks a dish. */
    Map<Long, Category> categoryOfProducts();

    /** Tells the store server what this station cooks (for the expo); false without a store server. */
    boolean announce(KitchenStation station) throws BackendException;

    /** The store's stations as the store server knows them; empty without one. */
    List<KitchenStation> stations() throws BackendException;

    /** Speed of service on a day, for the expo: read from the local store. */
    SpeedOfService.Report speedOfService(LocalDate day);

    /** Hears each status change central refused for good (on the sender's thread). */
    void onSetAside(OutboxSender.SetAsideListener listener);
}
