package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.StoreDisk;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.pricing.Cart;
import id.outletkiosk.pricing.PricedCart;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.ui.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's state for one customer at a time, on the FX thread: which screen, the language, the
 * menu snapshot, the cart priced from it ({@link KioskCart}: what a sync changed, the line that can be
 * put back), the kitchen's state (a closed kitchen lets no order begin or be paid), eat-in or
 * take-away, the placed order.
 * Reading the store and placing orders ({@link KioskOrder}) run on {@code worker}; results come back
 * through {@code fx}.
 * Tested without a screen by passing direct executors.
 */
public final class KioskViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(KioskViewModel.class);

    /** The kitchen as {@code kitchen_status_changed} last described it. */
    public enum KitchenState { OPEN, BUSY, CLOSED }

    /** The product sheet: a dish being added ({@code line == null}) or a cart line being edited. */
    public record ProductChoice(Product product, Cart.Line line) {
    }

    private final KioskBackOffice backOffice;
    private final Executor worker;
    private final Executor fx;
    private final IdleWatch idle;
    private final Clock clock;
    private final KioskCart cart = new KioskCart();

    private final ObjectProperty<KioskScreen> screen = new SimpleObjectProperty<>(KioskScreen.WELCOME);
    private final ObjectProperty<Messages> language;
    private final ObjectProperty<MenuSnapshot> menu;
    private final ObjectProperty<Long> category = new SimpleObjectProperty<>();
    private final ObservableList<Product> shownProducts = FXCollections.observableArrayList();
    private final ObjectProperty<PricedCart> pricedCart = cart.pricedProperty();
    private final ObservableList<PricedCart.Change> changes = cart.changes();
    private final ObjectProperty<ProductChoice> choice = new SimpleObjectProperty<>();
    private final ObjectProperty<KitchenState> kitchen = new SimpleObjectProperty<>(KitchenState.OPEN);
    private final ObjectProperty<Integer> kitchenWait = new SimpleObjectProperty<>();
    /** False while the local store cannot keep an order (a full disk): no order begins or is paid. */
    private final BooleanProperty storeTakesOrders = new SimpleBooleanProperty(true);
    private final KioskOrder order;
    private final BooleanProperty placing;
    private final ObjectProperty<String> problem;
    private final LongProperty askSecondsLeft = new SimpleLongProperty(-1);
    private final BooleanProperty askingStartOver = new SimpleBooleanProperty();
    private final BooleanBinding canPay;
    private final BooleanBinding canStart;
    private long storeVersionSeen = -1;

    public KioskViewModel(KioskBackOffice backOffice, Executor worker, Executor fx, Clock clock,
            Duration idleTimeout, Messages firstLanguage) {
        this.backOffice = backOffice;
        this.worker = worker;
        this.order = new KioskOrder(backOffice, worker, fx);
        this.placing = order.placingProperty();
        this.problem = order.problemProperty();
        this.fx = fx;
        this.clock = clock;
        this.idle = new IdleWatch(clock, idleTimeout, Duration.ofSeconds(20), Duration.ofSeconds(20));
        this.language = new SimpleObjectProperty<>(firstLanguage);
        this.menu = new SimpleObjectProperty<>(MenuSnapshot.empty(clock.instant()));
        this.canPay = Bindings.createBooleanBinding(() -> !pricedCart.get().isEmpty() && changes.isEmpty()
                && !placing.get() && takingOrders(), pricedCart, changes, placing, kitchen, storeTakesOrders);
        this.canStart = Bindings.createBooleanBinding(this::takingOrders, kitchen, storeTakesOrders);
    }

    public ObjectProperty<KioskScreen> screenProperty() {
        return screen;
    }

    public ObjectProperty<Messages> languageProperty() {
        return language;
    }

    public ObjectProperty<MenuSnapshot> menuProperty() {
        return menu;
    }

    public ObjectProperty<Long> categoryProperty() {
        return category;
    }

    public ObservableList<Product> shownProducts() {
        return shownProducts;
    }

    public ObjectProperty<PricedCart> pricedCartProperty() {
        return pricedCart;
    }

    /** What a sync changed in the cart, until the customer says OK; paying waits for that. */
    public ObservableList<PricedCart.Change> changes() {
        return changes;
    }

    public ObjectProperty<ProductChoice> choiceProperty() {
        return choice;
    }

    public ObjectProperty<KitchenState> kitchenProperty() {
        return kitchen;
    }

    public BooleanProperty placingProperty() {
        return placing;
    }

    /** A message key for the customer ("checkout.nameMissing"...), or null. */
    public ObjectProperty<String> problemProperty() {
        return problem;
    }

    public ObjectProperty<OutboxEntry> placedOrderProperty() {
        return order.placedOrderProperty();
    }

    /** Seconds left on the "still there?" prompt, -1 while it is hidden. */
    public LongProperty askSecondsLeftProperty() {
        return askSecondsLeft;
    }

    public BooleanBinding canPayBinding() {
        return canPay;
    }

    /** False while the kitchen is closed or the store cannot keep orders: the welcome screen lets none begin. */
    public BooleanBinding canStartBinding() {
        return canStart;
    }

    /** The line the customer just removed, while it can still be put back; null otherwise. */
    public ObjectProperty<KioskCart.RemovedLine> removedProperty() {
        return cart.removedProperty();
    }

    /** Eat-in or take-away for this order; null until the customer answered. */
    public ObjectProperty<Dining> diningProperty() {
        return order.diningProperty();
    }

    /** True while "start over?" waits for the customer's answer (the cart would be lost). */
    public BooleanProperty askingStartOverProperty() {
        return askingStartOver;
    }

    public Cart cart() {
        return cart.lines();
    }

    // ---- the customer's steps

    /** The welcome screen's tap: the order begins in {@code chosen}, unless the kitchen is closed. */
    public void start(Messages chosen) {
        touched();
        if (!canStart.get()) {
            return;
        }
        language.set(chosen);
        screen.set(KioskScreen.MENU);
    }

    /** The menu's language button: the other of the two languages; the cart stays as it is. */
    public void switchLanguage() {
        touched();
        language.set(language.get().isEnglish() ? Messages.indonesian() : Messages.english());
    }

    /** The menu's "start over": at once with an empty cart, else after the customer says yes. */
    public void askStartOver() {
        touched();
        if (cart.isEmpty()) {
            startOver();
        } else {
            askingStartOver.set(true);
        }
    }

    /** "No, keep my order" on the start-over question. */
    public void keepOrder() {
        touched();
        askingStartOver.set(false);
    }

    public void selectCategory(long categoryId) {
        touched();
        category.set(categoryId);
        shownProducts.setAll(menu.get().productsOf(categoryId));
    }

    public void openProduct(long productId) {
        touched();
        menu.get().product(productId).filter(Product::available).ifPresent(p -> choice.set(new ProductChoice(p, null)));
    }

    public void editLine(long lineId) {
        touched();
        cart.lines().line(lineId).ifPresent(line -> menu.get().product(line.productId())
                .ifPresent(product -> choice.set(new ProductChoice(product, line))));
    }

    public void closeChoice() {
        touched();
        choice.set(null);
    }

    /** The sheet's "add" or "update": quantity and notes for the dish being chosen. */
    public void confirmChoice(int quantity, String notes) {
        touched();
        ProductChoice current = choice.get();
        if (current == null) {
            return;
        }
        cart.choose(current.product(), current.line(), quantity, notes, menu.get());
        choice.set(null);
    }

    /** Removes a line; {@link #undoRemove()} puts it back for a few seconds (a slip of the finger). */
    public void removeLine(long lineId) {
        touched();
        cart.remove(lineId, menu.get(), clock.instant());
    }

    /** Puts the line just removed back (at the end of the cart, priced from the menu now) while it may. */
    public void undoRemove() {
        touched();
        cart.undo(menu.get(), clock.instant());
    }

    public void chooseDining(Dining where) {
        touched();
        order.chooseDining(where);
    }

    public void checkout() {
        touched();
        if (!cart.isEmpty()) {
            cart.settle();
            problem.set(null);
            screen.set(KioskScreen.CHECKOUT);
        }
    }

    public void backToMenu() {
        touched();
        problem.set(null);
        screen.set(KioskScreen.MENU);
    }

    public void acknowledgeChanges() {
        touched();
        cart.acknowledgeChanges();
    }

    /** Places the order through the outbox: a reference even with no network at all. */
    public void confirm(String customerName) {
        touched();
        order.place(customerName, pricedCart.get(), canPay.get(), new KioskOrder.Outcome() {
            @Override
            public void placed(OutboxEntry entry) {
                cart.clear(menu.get().version());
                touched();
                screen.set(KioskScreen.CONFIRMATION);
            }

            @Override
            public void menuChanged() {
                reloadMenu();
            }
        });
    }

    /** "Done" on the confirmation, "start over" on the menu or the prompt, or nobody there: the next customer starts clean. */
    public void startOver() {
        cart.clear(menu.get().version());
        choice.set(null);
        order.clear();
        askSecondsLeft.set(-1);
        askingStartOver.set(false);
        List<Category> categories = menu.get().categories();
        if (!categories.isEmpty()) {
            selectCategory(categories.get(0).id());
        }
        screen.set(KioskScreen.WELCOME);
    }

    /** Any touch anywhere: the customer is still there. */
    public void touched() {
        idle.touched();
        askSecondsLeft.set(-1);
    }

    // ---- what happens around the customer

    /** Once a second from the window: the idle prompt, starting over, the undo running out, the order number arriving. */
    public void tick() {
        cart.expire(clock.instant());
        IdleWatch.Verdict verdict = idle.check(screen.get());
        if (verdict instanceof IdleWatch.Verdict.Ask ask) {
            askSecondsLeft.set(ask.secondsLeft());
        } else if (verdict instanceof IdleWatch.Verdict.StartOver) {
            startOver();
            return;
        } else {
            askSecondsLeft.set(-1);
        }
        if (screen.get() == KioskScreen.CONFIRMATION) {
            order.followNumber();
        }
    }

    /** Each sync status: a new data version means new prices, so the menu is read again. */
    public void onSyncStatus(SyncStatus status) {
        if (status != null && status.state() == SyncState.SYNCED && status.dataVersion() != storeVersionSeen) {
            storeVersionSeen = status.dataVersion();
            reloadMenu();
        }
    }

    private boolean takingOrders() {
        return kitchen.get() != KitchenState.CLOSED && storeTakesOrders.get();
    }

    /**
     * The local store's disk, read now and then off the FX thread: when it cannot keep an order, the
     * kiosk stops taking them calmly (a banner sends customers to the counter) before anyone reaches
     * the pay button, and takes them again once there is room.
     */
    public void onStoreDisk(StoreDisk disk) {
        storeTakesOrders.set(disk.takesWrites());
    }

    /** False while the local store cannot keep an order: the banners say to order at the counter. */
    public BooleanProperty storeTakesOrdersProperty() {
        return storeTakesOrders;
    }

    /** The kitchen's word: busy warns (with the wait it expects), paused is closed to customers. */
    public void onKitchenStatus(id.outletkiosk.model.KitchenState state) {
        kitchenWait.set(state.waitMinutes());
        kitchen.set(switch (state.status()) {
            case OPEN -> KitchenState.OPEN;
            case BUSY -> KitchenState.BUSY;
            case PAUSED -> KitchenState.CLOSED;
        });
    }

    /** The wait a busy kitchen expects, in minutes; null when it did not say (or is not busy). */
    public ObjectProperty<Integer> kitchenWaitProperty() {
        return kitchenWait;
    }

    /** Reads the menu off the FX thread (also once a minute: promotions start and end with the clock). */
    public void reloadMenu() {
        worker.execute(() -> {
            try {
                MenuSnapshot fresh = backOffice.readMenu();
                fx.execute(() -> showMenu(fresh));
            } catch (RuntimeException e) {
                LOG.error("reading the menu from the local store failed; the screen keeps the last one", e);
            }
        });
    }

    void showMenu(MenuSnapshot fresh) {
        menu.set(fresh);
        Long selected = category.get();
        boolean stillThere = selected != null && fresh.productsByCategory().containsKey(selected);
        if (stillThere) {
            shownProducts.setAll(fresh.productsOf(selected));
        } else if (!fresh.categories().isEmpty()) {
            category.set(fresh.categories().get(0).id());
            shownProducts.setAll(fresh.productsOf(category.get()));
        } else {
            category.set(null);
            shownProducts.clear();
        }
        reprice();
    }

    /** Prices the cart from the current menu; a checkout whose every dish went off sale goes back to the menu. */
    private void reprice() {
        cart.reprice(menu.get());
        if (cart.isEmpty() && screen.get() == KioskScreen.CHECKOUT) {
            screen.set(KioskScreen.MENU);
        }
    }
}
