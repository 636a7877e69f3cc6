package id.outletkiosk.ui.manager;

import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.security.ManagerPin;
import id.outletkiosk.security.PinGate;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.ui.FxThread;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.TerminalStatusBar;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way into the manager's panel from any role's window: Ctrl+Shift+M, or a three-second press on the
 * status bar (a touch screen has no keyboard), then the PIN. The pad and the panel are layers over the
 * window's own content, so they work in kiosk mode's full screen where a second window might hide
 * behind it. One per window; the PIN gate (and its lockout) lives as long as the window.
 */
public final class ManagerAccess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerAccess.class);
    public static final KeyCombination CHORD = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final Duration LONG_PRESS = Duration.seconds(3);
    private static final String OPEN_KEY = "outlet-kiosk.manager-open";

    private final ManagerDesk desk;
    private final Messages messages;
    private final Stage stage;
    private final String pinHint;
    private final ConfigFile config;
    private final StackPane host;
    private final ExecutorService worker;
    private PinGate gate;
    private Parent layer;
    private Runnable disposeLayer = () -> { };
    private boolean closed;

    /**
     * @param statusBar the window's bar: a long press on it opens the pad
     * @param desk      the terminal the panel reports on and acts for
     * @param config    where the settings tab saves
     * @param pinHint   a line on the pad (the demo says its PIN), or null
     */
    public ManagerAccess(TerminalStatusBar statusBar, ManagerDesk desk, Messages messages, Stage stage,
            ConfigFile config, String pinHint) {
        this(statusBar, desk, messages, stage, config, pinHint,
                Executors.newSingleThreadExecutor(DaemonThreads.named("manager-panel")));
    }

    /** @param worker where the pad and the panel read and write the store; this access shuts it down on close */
    ManagerAccess(TerminalStatusBar statusBar, ManagerDesk desk, Messages messages, Stage stage, ConfigFile config,
            String pinHint, ExecutorService worker) {
        this.desk = desk;
        this.worker = worker;
        Node handle = statusBar.view();
        this.config = config;
        this.messages = messages;
        this.stage = stage;
        this.pinHint = pinHint;
        Scene scene = stage.getScene();
        this.host = new StackPane();
        Parent content = scene.getRoot();
        scene.setRoot(host);
        host.getChildren().add(content);
        scene.getStylesheets().add(ManagerAccess.class.getResource("manager.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (CHORD.match(event)) {
                event.consume();
                open();
            }
        });
        PauseTransition hold = new PauseTransition(LONG_PRESS);
        hold.setOnFinished(event -> open());
        handle.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> hold.playFromStart());
        handle.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> hold.stop());
        handle.addEventFilter(MouseEvent.MOUSE_EXITED, event -> hold.stop());
        handle.addEventFilter(MouseEvent.DRAG_DETECTED, event -> hold.stop());
    }

    /** True while the pad or the panel covers the window: the window's own keys must rest. */
    public static boolean isOpenOn(Scene scene) {
        return scene != null && Boolean.TRUE.equals(scene.getProperties().get(OPEN_KEY));
    }

    /** Shows the PIN pad (nothing happens when the pad or the panel is already up). */
    public void open() {
        if (layer != null || closed) {
            return;
        }
        LOG.info("manager PIN asked for on the {} screen", desk.role().wireName());
        PinPadView pad = new PinPadView(this::gate, worker, Platform::runLater, messages, desk.clock(),
                this::openPanel, this::closeLayer, pinHint, desk.settings().dataDir().toString());
        show(pad.build(), pad::dispose);
    }

    /** The gate over the stored PIN, read once one exists (a PIN set from the CLI later counts at once). */
    private synchronized PinGate gate() {
        if (gate == null) {
            ManagerPin pin = ManagerPin.load(desk.settings().dataDir()).orElse(null);
            if (pin != null) {
                gate = new PinGate(pin, desk.clock());
            }
        }
        return gate;
    }

    private void openPanel() {
        if (closed) {
            return; // a PIN check that ended after the terminal closed: there is no window to show the panel on
        }
        LOG.info("manager panel opened on the {} screen", desk.role().wireName());
        ManagerPanelView panel = new ManagerPanelView(new ManagerPanelModel(desk, worker, Platform::runLater),
                messages, stage, config, this::closeLayer);
        show(panel.build(), panel::dispose);
    }

    private void show(Parent node, Runnable dispose) {
        disposeLayer.run();
        host.getChildren().remove(layer);
        layer = node;
        disposeLayer = dispose;
        host.getChildren().add(node);
        host.getScene().getProperties().put(OPEN_KEY, true);
        node.requestFocus();
    }

    private void closeLayer() {
        disposeLayer.run();
        disposeLayer = () -> { };
        host.getChildren().remove(layer);
        layer = null;
        host.getScene().getProperties().put(OPEN_KEY, false);
    }

    /**
     * Takes the pad or the panel down, then stops the worker, both on the FX thread: the panel's timer ticks there,
     * and a tick still to run when a close from another thread stopped the worker threw there (CI at ed43776). The
     * app closes its windows from the main thread and the screen tests from theirs, so a close from another thread
     * hands the work to the FX thread and waits for it.
     */
    @Override
    public void close() {
        // JavaFX not running: no timer ticks any more, and nothing is left to take down
        FxThread.closeOnFxThread("the manager panel", this::takeDown, worker::shutdownNow);
    }

    private void takeDown() {
        closed = true;
        if (layer != null) {
            closeLayer();
        }
        worker.shutdownNow();
    }
}
