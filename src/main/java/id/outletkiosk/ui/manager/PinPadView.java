package id.outletkiosk.ui.manager;

import id.outletkiosk.security.PinGate;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The manager's PIN on a touch number pad. The check (PBKDF2, a fifth of a second) runs on the worker;
 * after five wrong PINs the pad stays locked for five minutes and says until when.
 */
final class PinPadView {
    private static final int MAX_DIGITS = 8;
    /** The installed launcher's name (jpackage.cfg's --name): what a manager types in a terminal window. */
    static final String LAUNCHER = "OutletKiosk";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @FXML
    private StackPane root;
    @FXML
    private Label dots;
    @FXML
    private Label message;
    @FXML
    private GridPane keys;
    @FXML
    private Button enter;

    private final Supplier<PinGate> gate;
    private final Executor worker;
    private final Executor fx;
    private final Messages messages;
    private final Clock clock;
    private final Runnable onOpen;
    private final Runnable onCancel;
    private final String hint;
    private final String dataDir;
    private final StringBuilder typed = new StringBuilder();
    private final Timeline lockTicker = new Timeline();
    private Instant lockedUntil;
    private boolean checking;

    /**
     * @param gate   the terminal's gate; null from the supplier when no PIN was ever set
     * @param hint   a line under the title (the demo's PIN), or null
     * @param dataDir the terminal's data folder, where the command that sets a PIN must write it
     */
    PinPadView(Supplier<PinGate> gate, Executor worker, Executor fx, Messages messages, Clock clock, Runnable onOpen,
            Runnable onCancel, String hint, String dataDir) {
        this.dataDir = dataDir;
        this.gate = gate;
        this.worker = worker;
        this.fx = fx;
        this.messages = messages;
        this.clock = clock;
        this.onOpen = onOpen;
        this.onCancel = onCancel;
        this.hint = hint;
    }

    Parent build() {
        Parent view = Views.load(this, "pin-pad.fxml", messages);
        String[] labels = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"};
        for (int index = 0; index < labels.length; index++) {
            String label = labels[index];
            Button key = new Button(label);
            key.setId("pin-key-" + switch (label) {
                case "⌫" -> "back";
                case "C" -> "clear";
                default -> label;
            });
            key.getStyleClass().add("pin-key");
            key.setFocusTraversable(false);
            key.setOnAction(event -> press(label));
            keys.add(key, index % 3, index / 3);
        }
        // a keyboard works too, for a manager at a desk
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::typedOnKeyboard);
        lockTicker.getKeyFrames().add(new KeyFrame(Duration.seconds(1), event -> showLock()));
        lockTicker.setCycleCount(Timeline.INDEFINITE);
        showDots();
        message.setText(hint == null ? "" : hint);
        // no PIN yet: say so at once, with the command that sets one, rather than after a PIN was typed
        worker.execute(() -> {
            boolean none = gate.get() == null;
            fx.execute(() -> {
                if (none && !checking) {
                    showNoPin();
                }
            });
        });
        return view;
    }

    private void typedOnKeyboard(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code.isDigitKey()) {
            press(code.isKeypadKey() ? code.getName().replace("Numpad ", "") : code.getChar());
        } else if (code == KeyCode.BACK_SPACE) {
            press("⌫");
        } else if (code == KeyCode.ENTER) {
            enter();
        } else if (code == KeyCode.ESCAPE) {
            cancel();
        } else {
            return;
        }
        event.consume();
    }

    private void press(String key) {
        if (checking || lockedUntil != null) {
            return;
        }
        switch (key) {
            case "⌫" -> typed.setLength(Math.max(0, typed.length() - 1));
            case "C" -> typed.setLength(0);
            default -> {
                if (typed.length() < MAX_DIGITS) {
                    typed.append(key);
                }
            }
        }
        showDots();
    }

    @FXML
    private void enter() {
        if (checking || lockedUntil != null || typed.length() == 0) {
            return;
        }
        char[] attempt = new char[typed.length()];
        typed.getChars(0, typed.length(), attempt, 0);
        typed.setLength(0);
        showDots();
        checking = true;
        enter.setDisable(true);
        message.setText(messages.get("manager.pin.checking"));
        worker.execute(() -> {
            PinGate current = gate.get();
            PinGate.Outcome outcome = current == null ? new PinGate.Outcome.Locked(null) : current.attempt(attempt);
            Arrays.fill(attempt, '\0');
            fx.execute(() -> show(outcome));
        });
    }

    private void show(PinGate.Outcome outcome) {
        checking = false;
        enter.setDisable(false);
        message.getStyleClass().remove("pin-problem");
        if (outcome instanceof PinGate.Outcome.Open) {
            lockTicker.stop();
            onOpen.run();
            return;
        }
        message.getStyleClass().add("pin-problem");
        if (outcome instanceof PinGate.Outcome.Wrong wrong) {
            message.setText(messages.get("manager.pin.wrong", wrong.triesLeft()));
        } else if (outcome instanceof PinGate.Outcome.Locked locked && locked.until() == null) {
            showNoPin();
        } else if (outcome instanceof PinGate.Outcome.Locked locked) {
            lockedUntil = locked.until();
            lockTicker.play();
            showLock();
        }
    }

    private void showNoPin() {
        message.getStyleClass().remove("pin-problem");
        message.getStyleClass().add("pin-problem");
        message.setText(messages.get("manager.pin.notSet", LAUNCHER, dataDir));
    }

    /** The lock's end, and the pad again once it has passed. */
    private void showLock() {
        if (lockedUntil == null) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(lockedUntil)) {
            lockedUntil = null;
            lockTicker.stop();
            keys.setDisable(false);
            enter.setDisable(false);
            message.getStyleClass().remove("pin-problem");
            message.setText(messages.get("manager.pin.unlocked"));
            return;
        }
        keys.setDisable(true);
        enter.setDisable(true);
        message.setText(messages.get("manager.pin.locked", TIME.format(lockedUntil.atZone(clock.getZone())),
                java.time.Duration.between(now, lockedUntil).toSeconds() / 60 + 1));
    }

    private void showDots() {
        dots.setText(typed.length() == 0 ? " " : "●".repeat(typed.length()));
    }

    @FXML
    private void cancel() {
        lockTicker.stop();
        onCancel.run();
    }

    /** Stops the lock's ticking: the pad is gone. */
    void dispose() {
        lockTicker.stop();
    }
}
