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
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.KitchenStatusDesk;
import java.util.function.Consumer;
import javafx.application.Platform;
import java.util.List;
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
        KitchenBackOffice backOffice = new KitchenBackOffice() {
            @Override
            public Order bump(Order order, OrderStatus next) throws OrderStatusDesk.ChangeRefused {
                return statusDesk.change(order, next);
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
