package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.KitchenState;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the kitchen's switch: the state shown is the latest one known, whether set here or heard
 * from the servers (an older one never replaces a newer one); the choices are open, busy with 10, 15,
 * 20 or 30 minutes, and pause. Picking one sets it on a worker, then shows it. Used on the FX thread.
 */
public final class KitchenSwitchModel {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenSwitchModel.class);

    /** One thing the kitchen can say: a status, and the wait when busy. */
    public record Choice(KitchenState.Status status, Integer waitMinutes) {
    }

    /** In the order they are offered (and numbered 1 to 6 for the keyboard). */
    public static final List<Choice> CHOICES = List.of(new Choice(KitchenState.Status.OPEN, null),
            new Choice(KitchenState.Status.BUSY, 10), new Choice(KitchenState.Status.BUSY, 15),
            new Choice(KitchenState.Status.BUSY, 20), new Choice(KitchenState.Status.BUSY, 30),
            new Choice(KitchenState.Status.PAUSED, null));

    private final KitchenSwitchDesk desk;
    private final Executor worker;
    private final Executor fx;
    private final ObjectProperty<KitchenState> state = new SimpleObjectProperty<>(KitchenState.open());
    private final BooleanProperty choicesOpen = new SimpleBooleanProperty();
    private final IntegerProperty highlighted = new SimpleIntegerProperty();

    public KitchenSwitchModel(KitchenSwitchDesk desk, Executor worker, Executor fx) {
        this.desk = desk;
        this.worker = worker;
        this.fx = fx;
    }

    /** Shows what this terminal last set (before the servers say anything). */
    public void start() {
        worker.execute(() -> desk.lastSet().ifPresent(set -> fx.execute(() -> heard(set))));
    }

    public ReadOnlyObjectProperty<KitchenState> stateProperty() {
        return state;
    }

    public BooleanProperty choicesOpenProperty() {
        return choicesOpen;
    }

    /** The choice the arrow keys are on, 0 to 5. */
    public IntegerProperty highlightedProperty() {
        return highlighted;
    }

    /** The state as a server told it (or as set here): shown unless the one shown was set later. */
    public void heard(KitchenState told) {
        if (!told.isOlderThan(state.get())) {
            state.set(told);
        }
    }

    /** Opens the choices on the one shown now, or closes them. */
    public void toggle() {
        if (!choicesOpen.get()) {
            highlighted.set(indexOf(state.get()));
        }
        choicesOpen.set(!choicesOpen.get());
    }

    public void close() {
        choicesOpen.set(false);
    }

    /** Moves the highlight by {@code step}, wrapping round. */
    public void move(int step) {
        highlighted.set(Math.floorMod(highlighted.get() + step, CHOICES.size()));
    }

    public void pickHighlighted() {
        pick(CHOICES.get(highlighted.get()));
    }

    /** The kitchen says {@code choice}: set durably on the worker, then shown. */
    public void pick(Choice choice) {
        choicesOpen.set(false);
        worker.execute(() -> {
            try {
                KitchenState set = desk.set(choice.status(), choice.waitMinutes());
                fx.execute(() -> heard(set));
            } catch (RuntimeException e) {
                LOG.error("the kitchen's state {} could not be kept", choice, e);
            }
        });
    }

    private static int indexOf(KitchenState shown) {
        for (int i = 0; i < CHOICES.size(); i++) {
            Choice choice = CHOICES.get(i);
            if (choice.status() == shown.status() && (shown.status() != KitchenState.Status.BUSY
                    || choice.waitMinutes().equals(shown.waitMinutes()))) {
                return i;
            }
        }
        return shown.status() == KitchenState.Status.BUSY ? 2 : 0;
    }
}
