package id.outletkiosk.ui.app;

import id.outletkiosk.config.Setting;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.pickup.PickupBackOffice;
import id.outletkiosk.ui.pickup.PickupWindow;

/**
 * The pickup screen's composition root: the screen only reads. It gets the ledger's open orders at start
 * (its {@link PickupBackOffice}), the feed through its terminal, and the {@code new-order-sound} setting
 * for its chime; it changes nothing anywhere, so it needs no outbox and no status desk.
 */
public final class PickupRole {
    private PickupRole() {
    }

    public static PickupWindow window(RunningTerminal terminal, Messages messages) {
        OutletRuntime runtime = terminal.runtime();
        PickupBackOffice backOffice = () -> runtime.ledger().openOrders(terminal.outlet());
        return new PickupWindow(terminal, backOffice, runtime.settings().<Boolean>get(Setting.NEW_ORDER_SOUND),
                messages);
    }
}
