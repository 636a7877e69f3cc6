package id.outletkiosk.ui.pickup;

import id.outletkiosk.ui.SizedWindow;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.sync.RealtimeFeed;
import id.outletkiosk.ui.AppWindow;
import id.outletkiosk.ui.Chime;
import id.outletkiosk.ui.FxThread;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.OrderBoardFeed;
import id.outletkiosk.ui.Terminal;
import id.outletkiosk.ui.TerminalStatusBar;
import id.outletkiosk.ui.Views;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The customers' pickup screen: the numbers being prepared and the numbers ready, large enough to read
 * from five metres, every word in Indonesian and English at once (customers of either language read it,
 * and nobody chooses). Orders come from the feed exactly as the kitchen board gets them; the rules are
 * {@link PickupBoardViewModel}'s, each column's {@link NumberGrid} shows one of its two lists.
 */
public final class PickupWindow implements SizedWindow {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final Messages FIRST = Messages.indonesian();
    private static final Messages SECOND = Messages.english();

    private final Terminal terminal;
    private final PickupBackOffice backOffice;
    private final Messages messages;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("pickup-screen"));
    private final RealtimeFeed feed;
    private final Chime chime = Chime.forOrdersReady();
    private final PickupBoardViewModel board;
    private final OrderBoardFeed orders;
    private final Timeline ticking;
    private TerminalStatusBar statusBar;

    @FXML
    private BorderPane root;
    @FXML
    private Label hintFirst;
    @FXML
    private Label hintSecond;
    @FXML
    private Label clock;
    @FXML
    private VBox banner;
    @FXML
    private Label bannerFirst;
    @FXML
    private Label bannerSecond;
    @FXML
    private Label preparingFirst;
    @FXML
    private Label preparingSecond;
    @FXML
    private Label readyFirst;
    @FXML
    private Label readySecond;
    @FXML
    private NumberGrid preparingGrid;
    @FXML
    private NumberGrid readyGrid;

    /**
     * @param terminal   the running terminal (its feed already started)
     * @param backOffice the ledger's open orders, from the pickup screen's composition root
     * @param sound      the {@code new-order-sound} setting: the chime when numbers turn ready
     * @param messages   the terminal's language: its window title and the manager's panel
     */
    public PickupWindow(Terminal terminal, PickupBackOffice backOffice, boolean sound, Messages messages) {
        this.terminal = terminal;
        this.backOffice = backOffice;
        this.messages = messages;
        this.feed = terminal.feed();
        this.board = new PickupBoardViewModel(terminal.clock(), chime, sound);
        this.orders = new OrderBoardFeed(board, UnaryOperator.identity(), worker, Platform::runLater);
        this.ticking = new Timeline(new KeyFrame(Duration.seconds(1), event -> tick()));
        ticking.setCycleCount(Timeline.INDEFINITE);
    }

    public PickupBoardViewModel board() {
        return board;
    }

    /** Builds the scene; call on the FX thread. */
    @Override
    public Scene buildScene(double width, double height) {
        Views.load(this, "pickup.fxml", messages);
        bothLanguages("pickup.hint", hintFirst, hintSecond);
        bothLanguages("pickup.preparing", preparingFirst, preparingSecond);
        bothLanguages("pickup.ready", readyFirst, readySecond);
        preparingGrid.setMoreId("preparing-more");
        readyGrid.setMoreId("ready-more");
        if (height > width) {
            root.getStyleClass().add("portrait");
        }
        statusBar = new TerminalStatusBar(terminal, messages, null, worker, false);
        statusBar.view().forCustomers(); // a dot; a long press opens the manager's panel
        root.setBottom(statusBar.view());
        preparingGrid.follow(board.preparing());
        readyGrid.follow(board.ready());
        board.delayProperty().addListener(observable -> showBanner());
        board.onFeedStatus(feed.status());
        orders.follow(feed, backOffice::openOrders);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Messages.class.getResource("app.css").toExternalForm());
        scene.getStylesheets().add(PickupWindow.class.getResource("pickup.css").toExternalForm());
        showBanner();
        tick();
        ticking.play();
        return scene;
    }

    @Override
    public void show(Stage stage) {
        stage.setTitle(messages.get("app.title") + " – " + messages.get("pickup.title"));
        // the screen's own shape: a portrait screen by the counter gets the portrait layout from the first frame
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        boolean portrait = bounds.getHeight() > bounds.getWidth();
        stage.setScene(buildScene(Math.min(bounds.getWidth(), portrait ? 1080 : 1920),
                Math.min(bounds.getHeight(), portrait ? 1920 : 1080)));
        stage.show();
    }

    private void tick() {
        board.tick();
        clock.setText(CLOCK.format(terminal.clock().instant().atZone(terminal.clock().getZone())));
    }

    /** Calm words whenever the screen is not on the central socket, never how or why. */
    private void showBanner() {
        PickupBoardViewModel.Delay delay = board.delayProperty().get();
        boolean shown = delay != PickupBoardViewModel.Delay.NONE;
        banner.setVisible(shown);
        banner.setManaged(shown);
        banner.pseudoClassStateChanged(PseudoClass.getPseudoClass("not-updating"),
                delay == PickupBoardViewModel.Delay.NOT_UPDATING);
        if (shown) {
            bothLanguages(delay == PickupBoardViewModel.Delay.LATE ? "pickup.late" : "pickup.notUpdating",
                    bannerFirst, bannerSecond);
        }
    }

    private static void bothLanguages(String key, Label first, Label second) {
        first.setText(FIRST.get(key));
        second.setText(SECOND.get(key));
    }

    @Override
    public TerminalStatusBar statusBar() {
        return statusBar;
    }

    @Override
    public void close() {
        // on the FX thread, like the kiosk's and the kitchen's: the timer is stopped where it ticks, then the worker
        FxThread.closeOnFxThread("the pickup screen", this::takeDown, this::takeDown);
    }

    private void takeDown() {
        ticking.stop();
        orders.stopFollowing(feed);
        if (statusBar != null) {
            statusBar.close();
        }
        chime.close();
        worker.shutdownNow();
    }
}
