package id.outletkiosk.ui.kiosk;

import id.outletkiosk.ui.app.KioskRole;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.StoreDisk;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.Product;
import id.outletkiosk.pricing.PricedCart;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.testing.TestRuntimes;
import id.outletkiosk.ui.Messages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's view model without a screen, over a real store synced from the reference backend:
 * pricing from the local store, re-pricing when a sync lands, the idle timeout, the kitchen's state.
 * Store reads and order placement run inline, so every step is finished when the call returns.
 */
class KioskViewModelTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path home;

    private final SteppingClock clock = SteppingClock.atNoonInJakarta();
    private ReferenceBackend backend;
    private OutletRuntime runtime;
    private KioskViewModel kiosk;
    private final AtomicReference<RuntimeException> placeFailure = new AtomicReference<>();

    @BeforeEach
    void openKiosk() throws Exception {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), clock);
        runtime = TestRuntimes.against(backend, home, clock);
        runtime.sync().orElseThrow().runRound();
        KioskBackOffice real = KioskRole.backOffice(runtime);
        KioskBackOffice backOffice = new KioskBackOffice() {
            @Override
            public MenuSnapshot readMenu() {
                return real.readMenu();
            }

            @Override
            public OutboxEntry place(List<OrderDesk.CartLine> lines, String name, BigDecimal shownTotal) {
                if (placeFailure.get() != null) {
                    throw placeFailure.get();
                }
                return real.place(lines, name, shownTotal);
            }

            @Override
            public Optional<OutboxEntry> placed(long seq) {
                return real.placed(seq);
            }
        };
        kiosk = new KioskViewModel(backOffice, Runnable::run, Runnable::run, clock, Duration.ofSeconds(90),
                Messages.indonesian());
        kiosk.onSyncStatus(runtime.syncStatus().current());
    }

    @AfterEach
    void close() {
        runtime.close();
        backend.close();
        TempFolders.deleteWhenQuiet(home);
    }

    @Test
    void theCartIsPricedFromTheLocalStoreWithTheBestPromotionPerLine() {
        kiosk.start(Messages.english());
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.MENU);
        assertThat(kiosk.shownProducts()).extracting(Product::name).contains("Nasi Goreng Spesial");

        choose(1, 2, "Tidak pedas"); // Nasi Goreng Spesial Rp 28.000, lunch promotion 10 %
        choose(8, 1, ""); // Mie Ayam Bakso Rp 23.000, no promotion

        PricedCart cart = kiosk.pricedCartProperty().get();
        assertThat(cart.lines()).extracting(l -> l.priced().promotion() == null ? null : l.priced().promotion().name())
                .containsExactly("Promo Makan Siang", null);
        assertThat(cart.discount()).isEqualByComparingTo("5600");
        assertThat(cart.total()).isEqualByComparingTo("73400");
        assertThat(kiosk.canPayBinding().get()).isTrue();
    }

    @Test
    void aSyncThatChangesAPriceWhileTheCartIsOpenIsShownBeforeTheCustomerPays() throws Exception {
        kiosk.start(Messages.indonesian());
        choose(1, 1, "");
        choose(9, 1, ""); // Bakso Urat, sold out by the sync below
        kiosk.checkout();

        backend.repository().update(EntityKind.PRODUCTS, 1, row -> withPrice((Product) row, "30000"));
        backend.repository().update(EntityKind.PRODUCTS, 9, row -> soldOut((Product) row));
        runtime.sync().orElseThrow().runRound();
        kiosk.onSyncStatus(runtime.syncStatus().current());

        assertThat(kiosk.changes()).extracting(PricedCart.Change::kind)
                .containsExactlyInAnyOrder(PricedCart.Change.Kind.PRICE, PricedCart.Change.Kind.SOLD_OUT);
        assertThat(kiosk.pricedCartProperty().get().total()).isEqualByComparingTo("27000"); // 30.000 - 10 %
        assertThat(kiosk.canPayBinding().get()).isFalse();
        kiosk.confirm("Sari");
        assertThat(runtime.outbox().all()).isEmpty();

        kiosk.acknowledgeChanges();
        kiosk.chooseDining(Dining.EAT_IN);
        kiosk.confirm("Sari");

        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.CONFIRMATION);
        assertThat(runtime.outbox().all()).singleElement()
                .satisfies(entry -> assertThat(entry.kioskTotal()).isEqualByComparingTo("27000"));
    }

    @Test
    void aPriceThatChangesBetweenShowingAndPayingIsNotCharged() throws Exception {
        kiosk.start(Messages.indonesian());
        choose(1, 1, "");
        kiosk.checkout();
        // the sync lands, but the screen has not heard of it yet: the desk notices the total is not the one shown
        backend.repository().update(EntityKind.PRODUCTS, 1, row -> withPrice((Product) row, "31000"));
        runtime.sync().orElseThrow().runRound();
        kiosk.chooseDining(Dining.EAT_IN);

        kiosk.confirm("Sari");

        assertThat(runtime.outbox().all()).isEmpty();
        assertThat(kiosk.problemProperty().get()).isEqualTo("checkout.pricesChanged");
        assertThat(kiosk.changes()).extracting(PricedCart.Change::kind).containsExactly(PricedCart.Change.Kind.PRICE);
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.CHECKOUT);
    }

    @Test
    void aNameIsNeededAndAFailedSaveKeepsTheCart() {
        kiosk.start(Messages.indonesian());
        choose(1, 1, "");
        kiosk.checkout();

        kiosk.confirm("Sari");
        assertThat(kiosk.problemProperty().get()).isEqualTo("checkout.diningMissing");
        kiosk.chooseDining(Dining.EAT_IN);
        assertThat(kiosk.problemProperty().get()).isNull();
        kiosk.confirm("   ");
        assertThat(kiosk.problemProperty().get()).isEqualTo("checkout.nameMissing");
        placeFailure.set(new IllegalStateException("disk full"));
        kiosk.confirm("Sari");
        assertThat(kiosk.problemProperty().get()).isEqualTo("checkout.failed");
        assertThat(kiosk.cart().isEmpty()).isFalse();
        assertThat(kiosk.placingProperty().get()).isFalse();

        placeFailure.set(null);
        kiosk.confirm("Sari");
        assertThat(kiosk.placedOrderProperty().get().reference()).isEqualTo("K-0001");
        assertThat(kiosk.cart().isEmpty()).isTrue();
    }

    @Test
    void aKioskLeftAloneAsksThenStartsOverAndTheConfirmationGoesBackByItself() {
        kiosk.start(Messages.english());
        choose(1, 1, "");
        clock.advance(Duration.ofSeconds(89));
        kiosk.tick();
        assertThat(kiosk.askSecondsLeftProperty().get()).isEqualTo(-1);

        clock.advance(Duration.ofSeconds(6));
        kiosk.tick();
        assertThat(kiosk.askSecondsLeftProperty().get()).isEqualTo(15);
        kiosk.touched(); // "yes, continue"
        assertThat(kiosk.askSecondsLeftProperty().get()).isEqualTo(-1);

        clock.advance(Duration.ofSeconds(110));
        kiosk.tick();
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.WELCOME);
        assertThat(kiosk.cart().isEmpty()).isTrue();

        kiosk.start(Messages.english());
        choose(1, 1, "");
        kiosk.checkout();
        kiosk.chooseDining(Dining.EAT_IN);
        kiosk.confirm("Sari");
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.CONFIRMATION);
        clock.advance(Duration.ofSeconds(21));
        kiosk.tick();
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.WELCOME);
    }

    @Test
    void aClosedKitchenStopsPayingAndBusyOnlyWarns() {
        kiosk.start(Messages.indonesian());
        choose(1, 1, "");
        kiosk.onKitchenStatus(said("closed"));
        assertThat(kiosk.canPayBinding().get()).isFalse();
        kiosk.onKitchenStatus(said("busy"));
        assertThat(kiosk.kitchenProperty().get()).isEqualTo(KioskViewModel.KitchenState.BUSY);
        assertThat(kiosk.canPayBinding().get()).isTrue();
        kiosk.onKitchenStatus(said("open"));
        assertThat(kiosk.kitchenProperty().get()).isEqualTo(KioskViewModel.KitchenState.OPEN);
    }

    @Test
    void aSoldOutDishCannotBeOpenedAndEditingKeepsTheLine() {
        kiosk.start(Messages.indonesian());
        long sopBuntut = runtime.catalog().allProducts().stream().filter(p -> p.name().equals("Sop Buntut"))
                .findFirst().orElseThrow().id();
        kiosk.openProduct(sopBuntut);
        assertThat(kiosk.choiceProperty().get()).isNull();

        choose(1, 1, "");
        long line = kiosk.cart().lines().get(0).lineId();
        kiosk.editLine(line);
        assertThat(kiosk.choiceProperty().get().line().lineId()).isEqualTo(line);
        kiosk.confirmChoice(3, "Pedas");
        assertThat(kiosk.cart().lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(3);
            assertThat(l.notes()).isEqualTo("Pedas");
        });
        kiosk.removeLine(line);
        assertThat(kiosk.pricedCartProperty().get().isEmpty()).isTrue();
    }

    @Test
    void aStoreThatCannotKeepAnOrderStopsTakingThemCalmlyAndTakesThemAgainWithRoom() {
        kiosk.start(Messages.indonesian());
        choose(1, 1, "");
        assertThat(kiosk.canPayBinding().get()).isTrue();

        kiosk.onStoreDisk(new StoreDisk(false, 0));
        assertThat(kiosk.canPayBinding().get()).as("no pay button for an order the kiosk cannot keep").isFalse();
        assertThat(kiosk.canStartBinding().get()).isFalse();
        kiosk.startOver();
        kiosk.start(Messages.english());
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.WELCOME);

        kiosk.onStoreDisk(new StoreDisk(true, 250));
        kiosk.start(Messages.english());
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.MENU);
    }

    @Test
    void aClosedKitchenLetsNoOrderBeginAndOpeningAgainDoes() {
        kiosk.onKitchenStatus(said("closed"));
        assertThat(kiosk.canStartBinding().get()).isFalse();
        kiosk.start(Messages.english());
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.WELCOME);
        assertThat(kiosk.languageProperty().get().isEnglish()).isFalse();

        kiosk.onKitchenStatus(said("busy")); // busy only warns
        kiosk.start(Messages.english());
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.MENU);
        assertThat(kiosk.languageProperty().get().isEnglish()).isTrue();
    }

    @Test
    void aRemovedLineComesBackWithinItsWindowAndNotAfter() {
        kiosk.start(Messages.indonesian());
        choose(1, 2, "Tidak pedas");
        choose(8, 1, "");
        long first = kiosk.cart().lines().get(0).lineId();

        kiosk.removeLine(first);
        assertThat(kiosk.removedProperty().get().dishName()).isEqualTo("Nasi Goreng Spesial");
        assertThat(kiosk.cart().lines()).hasSize(1);
        clock.advance(KioskCart.UNDO_FOR.minusSeconds(1));
        kiosk.tick();
        kiosk.undoRemove();
        assertThat(kiosk.removedProperty().get()).isNull();
        assertThat(kiosk.cart().lines()).extracting(l -> l.productId(), l -> l.quantity(), l -> l.notes())
                .contains(org.assertj.core.groups.Tuple.tuple(1L, 2, "Tidak pedas"));
        assertThat(kiosk.pricedCartProperty().get().total()).isEqualByComparingTo("73400");

        long again = kiosk.cart().lines().stream().filter(l -> l.productId() == 8).findFirst().orElseThrow().lineId();
        kiosk.removeLine(again);
        clock.advance(KioskCart.UNDO_FOR);
        kiosk.tick(); // the window has closed: the bar goes, and a late tap puts nothing back
        assertThat(kiosk.removedProperty().get()).isNull();
        kiosk.undoRemove();
        assertThat(kiosk.cart().lines()).extracting(l -> l.productId()).containsExactly(1L);
    }

    @Test
    void aTakeAwayOrderSaysSoInEachDishNoteForTheKitchen() {
        kiosk.start(Messages.indonesian());
        choose(1, 1, "Tidak pedas");
        choose(8, 1, "");
        kiosk.checkout();
        kiosk.chooseDining(Dining.TAKE_AWAY);
        kiosk.confirm("Sari");

        assertThat(runtime.outbox().all()).singleElement().satisfies(entry -> assertThat(entry.items())
                .extracting(item -> item.notes())
                .containsExactly("Bungkus / Take away\nTidak pedas", "Bungkus / Take away"));
        assertThat(kiosk.diningProperty().get()).isNull(); // the next customer is asked again
        assertThat(Dining.EAT_IN.kitchenNotes(" Pedas ")).isEqualTo("Pedas");
    }

    @Test
    void theLanguageChangesOnTheMenuAndStartingOverWithDishesAsksFirst() {
        kiosk.start(Messages.indonesian());
        kiosk.askStartOver(); // nothing in the cart: straight back to the welcome
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.WELCOME);

        kiosk.start(Messages.indonesian());
        choose(1, 1, "");
        kiosk.switchLanguage();
        assertThat(kiosk.languageProperty().get().isEnglish()).isTrue();
        assertThat(kiosk.cart().lines()).hasSize(1);

        kiosk.askStartOver();
        assertThat(kiosk.askingStartOverProperty().get()).isTrue();
        kiosk.keepOrder();
        assertThat(kiosk.askingStartOverProperty().get()).isFalse();
        assertThat(kiosk.cart().lines()).hasSize(1);
        kiosk.askStartOver();
        kiosk.startOver();
        assertThat(kiosk.screenProperty().get()).isEqualTo(KioskScreen.WELCOME);
        assertThat(kiosk.cart().isEmpty()).isTrue();
        assertThat(kiosk.askingStartOverProperty().get()).isFalse();
    }

    private void choose(long productId, int quantity, String notes) {
        kiosk.openProduct(productId);
        kiosk.confirmChoice(quantity, notes);
    }

    private static Product withPrice(Product p, String price) {
        return new Product(p.id(), p.name(), p.categoryId(), new BigDecimal(price), p.description(), p.imageUrl(),
                p.available(), p.active(), p.version(), p.updatedAt());
    }

    private static Product soldOut(Product p) {
        return new Product(p.id(), p.name(), p.categoryId(), p.price(), p.description(), p.imageUrl(), false,
                p.active(), p.version(), p.updatedAt());
    }

    /** The kitchen's state as a server words it, read as every screen reads it. */
    private static id.outletkiosk.model.KitchenState said(String status) {
        return id.outletkiosk.wire.KitchenStateCodec.decodeLiberal(
                id.outletkiosk.wire.Json.MAPPER.createObjectNode().put("status", status), java.time.ZoneOffset.UTC);
    }

    @Test
    void aPausedKitchenIsClosedToCustomersAndABusyOneSaysItsWait() {
        kiosk.start(Messages.indonesian());
        choose(1, 1, "");

        kiosk.onKitchenStatus(said("paused"));
        assertThat(kiosk.kitchenProperty().get()).isEqualTo(KioskViewModel.KitchenState.CLOSED);
        assertThat(kiosk.canPayBinding().get()).isFalse();

        kiosk.onKitchenStatus(id.outletkiosk.model.KitchenState.busy(15, null, "KITCHEN"));
        assertThat(kiosk.kitchenProperty().get()).isEqualTo(KioskViewModel.KitchenState.BUSY);
        assertThat(kiosk.kitchenWaitProperty().get()).isEqualTo(15);
        assertThat(kiosk.canPayBinding().get()).isTrue();

        kiosk.onKitchenStatus(said("on a break"));
        assertThat(kiosk.kitchenProperty().get()).as("a status nobody knows keeps the kiosk selling")
                .isEqualTo(KioskViewModel.KitchenState.OPEN);
        assertThat(kiosk.kitchenWaitProperty().get()).isNull();
    }
}
