package id.outletkiosk.ui.kiosk;

import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.ui.AgeingClock;
import id.outletkiosk.ui.Messages;
import java.time.Clock;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Banners across the top of every kiosk screen, only when there is something to say: the kitchen is
 * busy or closed ({@code kitchen_status_changed}), or the menu data is older than it should be. On the
 * welcome screen, where nobody has chosen a language yet, they speak both.
 */
final class KioskBanners {
    private final KioskViewModel kiosk;
    private final ObservableValue<SyncStatus> sync;
    private final Clock clock;
    private final Label kitchen = new Label();
    private final Label outdated = new Label();
    private final Label notTakingOrders = new Label();
    private final VBox view = new VBox(notTakingOrders, kitchen, outdated);
    private Messages messages;
    /** Data turns old with the clock, not only with new statuses. */
    private final AgeingClock ageing = new AgeingClock(this::show);

    KioskBanners(KioskViewModel kiosk, ObservableValue<SyncStatus> sync, Clock clock) {
        this.kiosk = kiosk;
        this.sync = sync;
        this.clock = clock;
        this.messages = kiosk.languageProperty().get();
        kitchen.setId("kitchen-banner");
        outdated.setId("outdated-banner");
        outdated.getStyleClass().addAll("banner", "banner-warning");
        notTakingOrders.setId("not-taking-orders-banner");
        notTakingOrders.getStyleClass().addAll("banner", "banner-alert");
        for (Label banner : List.of(notTakingOrders, kitchen, outdated)) {
            banner.setMaxWidth(Double.MAX_VALUE);
            banner.setWrapText(true);
        }
        kiosk.kitchenProperty().addListener(observable -> show());
        kiosk.kitchenWaitProperty().addListener(observable -> show());
        kiosk.storeTakesOrdersProperty().addListener(observable -> show());
        kiosk.screenProperty().addListener(observable -> show());
        sync.addListener(observable -> show());
        ageing.start();
        show();
    }

    VBox view() {
        return view;
    }

    /** When the window closes, on the FX thread (see {@link AgeingClock}). */
    void stopAgeing() {
        ageing.stop();
    }

    /** Whether the banners' clock still runs: until the window closes. */
    boolean ageing() {
        return ageing.running();
    }

    void setMessages(Messages newMessages) {
        messages = newMessages;
        show();
    }

    private void show() {
        KioskViewModel.KitchenState state = kiosk.kitchenProperty().get();
        boolean kitchenNews = state != KioskViewModel.KitchenState.OPEN;
        kitchen.getStyleClass().setAll("label", "banner",
                state == KioskViewModel.KitchenState.CLOSED ? "banner-alert" : "banner-warning");
        boolean welcome = kiosk.screenProperty().get() == KioskScreen.WELCOME;
        for (Label banner : List.of(notTakingOrders, kitchen, outdated)) {
            banner.getStyleClass().remove("banner-both-languages");
            if (welcome) {
                banner.getStyleClass().add("banner-both-languages");
            }
        }
        kitchen.setText(switch (state) {
            case BUSY -> kiosk.kitchenWaitProperty().get() == null ? text("banner.kitchenBusy")
                    : text("banner.kitchenBusyWait", kiosk.kitchenWaitProperty().get());
            case CLOSED -> text("banner.kitchenClosed");
            case OPEN -> "";
        });
        show(kitchen, kitchenNews);
        // the customer reads where to order, not why (the manager's panel says "the disk is full")
        notTakingOrders.setText(text("banner.notTakingOrders"));
        show(notTakingOrders, !kiosk.storeTakesOrdersProperty().get());
        SyncStatus status = sync.getValue();
        boolean old = status != null && status.isOutdatedAt(clock.instant());
        outdated.setText(text("banner.outdated"));
        show(outdated, old);
    }

    private String text(String key, Object... arguments) {
        return kiosk.screenProperty().get() == KioskScreen.WELCOME ? Bilingual.of(key, "\n", arguments)
                : messages.get(key, arguments);
    }

    private static void show(Label banner, boolean visible) {
        banner.setVisible(visible);
        banner.setManaged(visible);
    }
}
