package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.KitchenState;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the kitchen's open / busy / paused switch needs from below (the board's and the expo's): the
 * state set here, setting a new one, and the state as the store's servers tell it. The first two block
 * on the local store: call them off the FX thread.
 */
public interface KitchenSwitchDesk {
    /** What this terminal last set, if it ever did. */
    Optional<KitchenState> lastSet();

    /** Sets the kitchen's state (durable when this returns, then sent); answers it. */
    KitchenState set(KitchenState.Status status, Integer waitMinutes);

    /** Hears each change of the kitchen's state as the servers tell it (on a feed thread) until closed. */
    AutoCloseable listen(Consumer<KitchenState> heard);
}
