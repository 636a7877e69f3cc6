package id.outletkiosk.ui.app;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.Product;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.sync.OrderStatusDesk;
import id.outletkiosk.sync.OutboxSender;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.kitchen.KitchenBackOffice;
import id.outletkiosk.ui.kitchen.KitchenStatusSwitch;
import id.outletkiosk.ui.kitchen.KitchenSwitchDesk;
import id.outletkiosk.ui.kitchen.KitchenWindow;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.model.Category;
import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.model.SpeedOfService;
import java.time.LocalDate;
import java.util.HashMap;
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.KitchenStatusDesk;
import java.util.function.Consumer;
import javafx.application.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kitchen's composition root: the board gets bumps (durable, then sent by the outbox), dish names
 * from the local menu, the ledger's open orders and word of refused bumps: its {@link KitchenBackOffice}.
 */
public final class KitchenRole {
    private KitchenRole() {
    }

    public static KitchenWindow window(RunningTerminal terminal, Messages messages) {
        OutletRuntime runtime = terminal.runtime();
        OrderStatusDesk statusDesk = runtime.statusDesk();
        String station = runtime.settings().kitchen().duty() instanceof KitchenDuty.Station named ? named.name()
                : "kitchen";
        KitchenBackOffice backOffice = new KitchenBackOffice() {
            @Override
            public Order bump(Order order, OrderStatus next) throws OrderStatusDesk.ChangeRefused {
                return statusDesk.change(order, next);
            }

            @Override
            public Order markDishes(Order order, List<Integer> lines, boolean done)
                    throws OrderStatusDesk.ChangeRefused {
                return runtime.stationDesk().markDishes(order, lines, done, station);
            }

            @Override
            public SpeedOfService.Report speedOfService(LocalDate day) {
                return runtime.speedOfService(day);
            }

            @Override
            public void stationHas(Order order, String cooking) {
                runtime.serviceClock().stationHas(order, cooking);
            }

            @Override
            public void stationDone(Order order, String cooking) {
                runtime.serviceClock().stationDone(order, cooking);
            }

            @Override
            public List<Category> menuCategories() {
                return runtime.catalog().categories();
            }

            @Override
            public Map<Long, Category> categoryOfProducts() {
                Map<Long, Category> byId = new HashMap<>();
                runtime.catalog().categories().forEach(category -> byId.put(category.id(), category));
                Map<Long, Category> byProduct = new HashMap<>();
                for (Product product : runtime.catalog().allProducts()) {
                    Category category = byId.get(product.categoryId());
                    if (category != null) {
                        byProduct.put(product.id(), category);
                    }
                }
                return byProduct;
            }

            @Override
            public boolean announce(KitchenStation kitchenStation) throws BackendException {
                return runtime.stationDesk().register(kitchenStation);
            }

            @Override
            public List<KitchenStation> stations() throws BackendException {
                return runtime.stationDesk().stations();
            }

            @Override
            public Optional<String> of(long productId) {
                return runtime.catalog().product(productId).map(Product::name);
            }

            @Override
            public List<Order> openOrders() {
                return runtime.ledger().openOrders(terminal.outlet());
            }

            @Override
            public void onSetAside(OutboxSender.SetAsideListener listener) {
                runtime.outboxSender().onSetAside(listener);
            }
        };
        return new KitchenWindow(terminal, backOffice, runtime.settings().kitchen(), messages)
                .withStatusSwitch(statusSwitch(terminal, messages));
    }

    /**
     * The kitchen's open / busy / paused switch over the terminal's kitchen status desk and its feed (the
     * board's header shows it; the expo screen can too).
     */
    public static KitchenStatusSwitch statusSwitch(RunningTerminal terminal, Messages messages) {
        KitchenStatusDesk desk = terminal.runtime().kitchenStatusDesk();
        KitchenSwitchDesk switchDesk = new KitchenSwitchDesk() {
            @Override
            public Optional<KitchenState> lastSet() {
                return desk.lastSet();
            }

            @Override
            public KitchenState set(KitchenState.Status status, Integer waitMinutes) {
                return desk.set(status, waitMinutes);
            }

            @Override
            public AutoCloseable listen(Consumer<KitchenState> heard) {
                FeedListener listener = new FeedListener() {
                    @Override
                    public void onKitchenStatus(KitchenState state) {
                        heard.accept(state);
                    }
                };
                terminal.feed().addListener(listener);
                return () -> terminal.feed().removeListener(listener);
            }
        };
        return new KitchenStatusSwitch(switchDesk, java.util.concurrent.Executors.newSingleThreadExecutor(
                DaemonThreads.named("kitchen-switch")), Platform::runLater, messages);
    }
}
