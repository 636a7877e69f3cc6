package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.KitchenState;
import id.outletkiosk.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kitchen's own state, always in view, and the switch that changes it: a button in the header
 * (green open, amber busy with its wait, red paused; the key K beside it) that opens a row of choices
 * under the header: open, busy 10 / 15 / 20 / 30 minutes, pause. Touch: tap the button, tap a choice.
 * Keyboard: K opens and closes, the arrows move, Enter picks, 1 to 6 pick directly, Esc closes (K is
 * no ticket's letter, see {@link BoardPages}). Built over a {@link KitchenSwitchDesk}, so the expo
 * screen can show the same switch.
 */
public final class KitchenStatusSwitch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenStatusSwitch.class);
    static final KeyCode KEY = KeyCode.K;
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    private static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");

    private final KitchenSwitchModel model;
    private final KitchenSwitchDesk desk;
    private final Executor fx;
    private final ExecutorService worker;
    private final Messages messages;
    private final Button indicator = new Button();
    private final FlowPane choices = new FlowPane(12, 12);
    private final List<Button> choiceButtons = new ArrayList<>();
    private AutoCloseable listening;

    /** @param worker where the desk is called (a disk write); the switch shuts it down when closed */
    public KitchenStatusSwitch(KitchenSwitchDesk desk, ExecutorService worker, Executor fx, Messages messages) {
        this.desk = desk;
        this.worker = worker;
        this.fx = fx;
        this.messages = messages;
        this.model = new KitchenSwitchModel(desk, worker, fx);
        indicator.setId("kitchen-switch");
        indicator.getStyleClass().add("kitchen-switch");
        indicator.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label key = new Label(KEY.getName());
        key.getStyleClass().add("kitchen-switch-key");
        indicator.setGraphic(key);
        indicator.setContentDisplay(ContentDisplay.RIGHT);
        indicator.setOnAction(event -> model.toggle());
        choices.setId("kitchen-switch-choices");
        choices.getStyleClass().add("kitchen-switch-choices");
        for (int i = 0; i < KitchenSwitchModel.CHOICES.size(); i++) {
            KitchenSwitchModel.Choice choice = KitchenSwitchModel.CHOICES.get(i);
            Button button = new Button((i + 1) + " · " + choiceText(choice));
            button.setId("kitchen-choice-" + choice.status().wireName()
                    + (choice.waitMinutes() == null ? "" : "-" + choice.waitMinutes()));
            button.getStyleClass().addAll("kitchen-switch-choice", "choice-" + choice.status().wireName());
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            button.setOnAction(event -> model.pick(choice));
            choiceButtons.add(button);
        }
        choices.getChildren().setAll(choiceButtons);
        model.stateProperty().addListener(observable -> showState());
        model.choicesOpenProperty().addListener(observable -> showChoices());
        model.highlightedProperty().addListener(observable -> showChoices());
        showState();
        showChoices();
    }

    public KitchenSwitchModel model() {
        return model;
    }

    /**
     * Puts the button in {@code header} and the choices in {@code under} at {@code index} (under the
     * header), then shows what this terminal last set and listens for the servers' word. With no header
     * (a portrait board, whose header has no room left) the button gets a row of its own there.
     */
    public void placeIn(Pane header, Pane under, int index) {
        if (header != null) {
            header.getChildren().add(indicator);
            under.getChildren().add(index, choices);
        } else {
            HBox row = new HBox(indicator);
            row.getStyleClass().add("kitchen-switch-row");
            under.getChildren().addAll(index, List.of(row, choices));
        }
        listening = desk.listen(state -> fx.execute(() -> model.heard(state)));
        model.start();
    }

    /** A key of the board's keyboard: true when the switch used it. */
    public boolean onKey(KeyCode code) {
        if (code == KEY) {
            model.toggle();
            return true;
        }
        if (!model.choicesOpenProperty().get()) {
            return false;
        }
        switch (code) {
            case LEFT, UP -> model.move(-1);
            case RIGHT, DOWN -> model.move(1);
            case ENTER, SPACE -> model.pickHighlighted();
            case ESCAPE -> model.close();
            default -> {
                int digit = code.isDigitKey() ? code.getName().charAt(code.getName().length() - 1) - '1' : -1;
                if (digit < 0 || digit >= KitchenSwitchModel.CHOICES.size()) {
                    return false;
                }
                model.pick(KitchenSwitchModel.CHOICES.get(digit));
            }
        }
        return true;
    }

    private void showState() {
        KitchenState state = model.stateProperty().get();
        indicator.setText(switch (state.status()) {
            case OPEN -> messages.get("kitchen.switch.open");
            case BUSY -> state.waitMinutes() == null ? messages.get("kitchen.switch.busyNoWait")
                    : messages.get("kitchen.switch.busy", state.waitMinutes());
            case PAUSED -> messages.get("kitchen.switch.paused");
        });
        indicator.pseudoClassStateChanged(OPEN, state.status() == KitchenState.Status.OPEN);
        indicator.pseudoClassStateChanged(BUSY, state.status() == KitchenState.Status.BUSY);
        indicator.pseudoClassStateChanged(PAUSED, state.status() == KitchenState.Status.PAUSED);
    }

    private void showChoices() {
        boolean open = model.choicesOpenProperty().get();
        choices.setVisible(open);
        choices.setManaged(open);
        for (int i = 0; i < choiceButtons.size(); i++) {
            choiceButtons.get(i).pseudoClassStateChanged(HIGHLIGHTED, i == model.highlightedProperty().get());
        }
    }

    private String choiceText(KitchenSwitchModel.Choice choice) {
        return switch (choice.status()) {
            case OPEN -> messages.get("kitchen.switch.choice.open");
            case BUSY -> messages.get("kitchen.switch.choice.busy", choice.waitMinutes());
            case PAUSED -> messages.get("kitchen.switch.choice.pause");
        };
    }

    /** Stops listening for the servers' word; a setting being written still finishes. */
    @Override
    public void close() {
        worker.shutdown();
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                LOG.debug("stopping the kitchen switch's listener: {}", e.toString());
            }
        }
    }
}
