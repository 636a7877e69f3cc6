package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.pricing.Cart;
import id.outletkiosk.pricing.PricedCart;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.ui.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * menu snapshot, the cart priced from it, what a sync changed, the kitchen's state, the placed order.
 * Reading the store and placing orders run on {@code worker}; results come back through {@code fx}.
 * Tested without a screen by passing direct executors.
 */
public final class KioskViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(KioskViewModel.class);
    private static final int MAX_NAME_LENGTH = 40;

    /** The kitchen as {@code kitchen_status_changed} last described it. */
    public enum KitchenState { OPEN, BUSY, CLOSED }

    /** The product sheet: a dish being added ({@code line == null}) or a cart line being edited. */
    public record ProductChoice(Product product, Cart.Line line) {
    }

    private final KioskBackOffice backOffice;
    private final Executor worker;
    private final Executor fx;
    private final IdleWatch idle;
    private final Cart cart = new Cart();

    private final ObjectProperty<KioskScreen> screen = new SimpleObjectProperty<>(KioskScreen.WELCOME);
    private final ObjectProperty<Messages> language;
    private final ObjectProperty<MenuSnapshot> menu;
    private final ObjectProperty<Long> category = new SimpleObjectProperty<>();
    private final ObservableList<Product> shownProducts = FXCollections.observableArrayList();
    private final ObjectProperty<PricedCart> pricedCart = new SimpleObjectProperty<>(PricedCart.empty(0));
    private final ObservableList<PricedCart.Change> changes = FXCollections.observableArrayList();
    private final ObjectProperty<ProductChoice> choice = new SimpleObjectProperty<>();
    private final ObjectProperty<KitchenState> kitchen = new SimpleObjectProperty<>(KitchenState.OPEN);
    private final BooleanProperty placing = new SimpleBooleanProperty();
    private final ObjectProperty<String> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<OutboxEntry> placedOrder = new SimpleObjectProperty<>();
    private final LongProperty askSecondsLeft = new SimpleLongProperty(-1);
    private final BooleanBinding canPay;
    private long storeVersionSeen = -1;

    public KioskViewModel(KioskBackOffice backOffice, Executor worker, Executor fx, Clock clock,
            Duration idleTimeout, Messages firstLanguage) {
        this.backOffice = backOffice;
        this.worker = worker;
        this.fx = fx;
        this.idle = new IdleWatch(clock, idleTimeout, Duration.ofSeconds(20), Duration.ofSeconds(20));
        this.language = new SimpleObjectProperty<>(firstLanguage);
        this.menu = new SimpleObjectProperty<>(MenuSnapshot.empty(clock.instant()));
        this.canPay = Bindings.createBooleanBinding(() -> !pricedCart.get().isEmpty() && changes.isEmpty()
                && !placing.get() && kitchen.get() != KitchenState.CLOSED, pricedCart, changes, placing, kitchen);
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
        return placedOrder;
    }

    /** Seconds left on the "still there?" prompt, -1 while it is hidden. */
    public LongProperty askSecondsLeftProperty() {
        return askSecondsLeft;
    }

    public BooleanBinding canPayBinding() {
        return canPay;
    }

    public Cart cart() {
        return cart;
    }

    // ---- the customer's steps

    public void start(Messages chosen) {
        language.set(chosen);
        touched();
        screen.set(KioskScreen.MENU);
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
        cart.line(lineId).ifPresent(line -> menu.get().product(line.productId())
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
        int bounded = Math.max(1, Math.min(Cart.MAX_QUANTITY, quantity));
        String trimmed = notes == null ? "" : notes.strip();
        trimmed = trimmed.length() > Cart.MAX_NOTES_LENGTH ? trimmed.substring(0, Cart.MAX_NOTES_LENGTH) : trimmed;
        if (current.line() == null) {
            cart.add(current.product().id(), bounded, trimmed);
        } else {
            cart.update(current.line().lineId(), bounded, trimmed);
        }
        choice.set(null);
        reprice();
    }

    public void removeLine(long lineId) {
        touched();
        cart.remove(lineId);
        reprice();
    }

    public void checkout() {
        touched();
        if (!cart.isEmpty()) {
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
        changes.clear();
    }

    /** Places the order through the outbox: a reference even with no network at all. */
    public void confirm(String customerName) {
        touched();
        String name = customerName == null ? "" : customerName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            problem.set(name.isEmpty() ? "checkout.nameMissing" : "checkout.nameTooLong");
            return;
        }
        if (!canPay.get()) {
            return;
        }
        placing.set(true);
        problem.set(null);
        List<OrderDesk.CartLine> lines = pricedCart.get().lines().stream()
                .map(l -> new OrderDesk.CartLine(l.line().productId(), l.line().quantity(), l.line().notes())).toList();
        var shownTotal = pricedCart.get().total();
        worker.execute(() -> {
            try {
                OutboxEntry placed = backOffice.place(lines, name, shownTotal);
                fx.execute(() -> onPlaced(placed));
            } catch (OrderDesk.PriceChanged | OrderDesk.NotOnSale e) {
                LOG.info("order not placed, the menu changed under the cart: {}", e.getMessage());
                fx.execute(() -> onRefused("checkout.pricesChanged"));
                reloadMenu();
            } catch (RuntimeException e) {
                LOG.error("placing an order failed; the cart is kept", e);
                fx.execute(() -> onRefused("checkout.failed"));
            }
        });
    }

    /** "Done" on the confirmation, "start over" on the prompt, or nobody there: the next customer starts clean. */
    public void startOver() {
        cart.clear();
        changes.clear();
        choice.set(null);
        problem.set(null);
        placedOrder.set(null);
        askSecondsLeft.set(-1);
        pricedCart.set(PricedCart.empty(menu.get().version()));
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

    /** Once a second from the window: the idle prompt, starting over, the order number arriving. */
    public void tick() {
        IdleWatch.Verdict verdict = idle.check(screen.get());
        if (verdict instanceof IdleWatch.Verdict.Ask ask) {
            askSecondsLeft.set(ask.secondsLeft());
        } else if (verdict instanceof IdleWatch.Verdict.StartOver) {
            startOver();
            return;
        } else {
            askSecondsLeft.set(-1);
        }
        OutboxEntry placed = placedOrder.get();
        if (screen.get() == KioskScreen.CONFIRMATION && placed != null && placed.orderNumber() == null) {
            worker.execute(() -> backOffice.placed(placed.seq()).filter(entry -> entry.orderNumber() != null)
                    .ifPresent(entry -> fx.execute(() -> {
                        if (placedOrder.get() != null && placedOrder.get().seq() == entry.seq()) {
                            placedOrder.set(entry);
                        }
                    })));
        }
    }

    /** Each sync status: a new data version means new prices, so the menu is read again. */
    public void onSyncStatus(SyncStatus status) {
        if (status != null && status.state() == SyncState.SYNCED && status.dataVersion() != storeVersionSeen) {
            storeVersionSeen = status.dataVersion();
            reloadMenu();
        }
    }

    public void onKitchenStatus(String status) {
        String normalised = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        kitchen.set(switch (normalised) {
            case "busy" -> KitchenState.BUSY;
            case "closed" -> KitchenState.CLOSED;
            default -> KitchenState.OPEN;
        });
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

    /** Prices the cart from the current menu; what changed for lines the customer already saw is kept to tell them. */
    private void reprice() {
        PricedCart fresh = cart.price(menu.get());
        changes.addAll(fresh.changesSince(pricedCart.get()));
        fresh.notOnSale().forEach(gone -> cart.remove(gone.line().lineId()));
        pricedCart.set(fresh);
        if (cart.isEmpty() && screen.get() == KioskScreen.CHECKOUT) {
            screen.set(KioskScreen.MENU);
        }
    }

    private void onPlaced(OutboxEntry placed) {
        placing.set(false);
        cart.clear();
        pricedCart.set(PricedCart.empty(menu.get().version()));
        placedOrder.set(placed);
        touched();
        screen.set(KioskScreen.CONFIRMATION);
    }

    private void onRefused(String messageKey) {
        placing.set(false);
        problem.set(messageKey);
    }
}
