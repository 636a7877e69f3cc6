package id.outletkiosk.ui.kitchen;

import id.outletkiosk.ui.SizedWindow;
import id.outletkiosk.ui.Terminal;
import id.outletkiosk.config.Settings;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.RealtimeFeed;
import id.outletkiosk.ui.AppWindow;
import id.outletkiosk.ui.Chime;
import id.outletkiosk.ui.FxThread;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.TerminalStatusBar;
import id.outletkiosk.ui.Views;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import java.util.concurrent.ScheduledExecutorService;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kitchen display: the board of tickets (columns, paged, the oldest column on every page), the
 * pager with the key help and Undo, the all-day panel or the recalled tickets, the connection banner,
 * the status bar, put together here; the cards are {@link BoardCards}', the pager {@link BoardPager}'s,
 * the banner and the refused bump's line {@link BoardNotices}', the side panel {@link SidePanel}'s.
 * Touch (tap a ticket's button, the pager's buttons, Undo) and a keyboard bump bar ({@link BumpBar}).
 * Events reach the board through {@code Platform.runLater}.
 */
public final class KitchenWindow implements SizedWindow {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenWindow.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final PseudoClass MUTED = PseudoClass.getPseudoClass("muted");

    /** The width from which the busy switch fits in the header's row beside the title. */
    private static final double WIDE_HEADER = 1400;
    /** How often at most the side panel follows the tickets during a burst (see {@link PacedRefresh}). */
    private static final java.time.Duration SIDE_CALM = java.time.Duration.ofMillis(300);

    private final Terminal terminal;
    private final KitchenBackOffice backOffice;
    private final Messages messages;
    private final Settings.KitchenOptions options;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("kitchen-board"));
    private final RealtimeFeed feed;
    private final Chime chime = Chime.forNewOrders();
    private final KitchenBoardViewModel board;
    private final BoardFeed boardFeed;
    private final StationRollCall stations;
    /** The expo's speed-of-service panel; null on other screens. */
    private final ExpoSpeed speed;
    private final FeedListener listener;
    private final Timeline ticking;
    private TerminalStatusBar statusBar;
    private BoardCards cards;
    private BoardPager pager;
    private BoardNotices notices;
    /** The all-day counts and recalled tickets after a change: at once, then at most every {@link #SIDE_CALM}. */
    private final PacedRefresh sideRefresh = new PacedRefresh(SIDE_CALM, KitchenWindow::afterOnFx, this::showSide);

    @FXML
    private BorderPane root;
    @FXML
    private Label title;
    @FXML
    private Label openCount;
    @FXML
    private Label clock;
    @FXML
    private Button recall;
    @FXML
    private Button sound;
    @FXML
    private Label banner;
    @FXML
    private Label refusal;
    @FXML
    private TicketBoard boardPane;
    @FXML
    private HBox pagerRow;
    @FXML
    private Label keyHelp;
    @FXML
    private Button earlier;
    @FXML
    private Label pageLabel;
    @FXML
    private Button undo;
    @FXML
    private Button later;
    @FXML
    private VBox side;
    @FXML
    private Label sideTitle;
    @FXML
    private VBox sideList;
    private SidePanel sidePanel;
    @FXML
    private VBox top;
    @FXML
    private HBox switchSlot;
    @FXML
    private HBox header;
    private KitchenStatusSwitch statusSwitch;

    /**
     * @param terminal   the running terminal (its feed already started)
     * @param backOffice bumps, dish names and open orders, from the kitchen's composition root
     */
    public KitchenWindow(Terminal terminal, KitchenBackOffice backOffice, Settings.KitchenOptions options,
            Messages messages) {
        this.terminal = terminal;
        this.backOffice = backOffice;
        this.messages = messages;
        this.options = options;
        this.feed = terminal.feed();
        this.board = new KitchenBoardViewModel(backOffice, options, worker, Platform::runLater, terminal.clock(),
                chime);
        board.useLens(new StationLens(options.duty()), backOffice);
        this.stations = new StationRollCall(board, backOffice, messages, worker, Platform::runLater);
        this.speed = options.duty() instanceof id.outletkiosk.config.KitchenDuty.Expo
                ? new ExpoSpeed(backOffice::speedOfService, messages, terminal.clock(), worker, Platform::runLater)
                : null;
        this.boardFeed = new BoardFeed(board, backOffice, worker, Platform::runLater);
        backOffice.onSetAside(boardFeed::onSetAside);
        this.listener = boardFeed.listener();
        this.ticking = new Timeline(new KeyFrame(Duration.seconds(1), event -> tick()));
        ticking.setCycleCount(Timeline.INDEFINITE);
    }

    /** Shows the kitchen's open / busy / paused switch in the header; call before {@link #buildScene}. */
    public KitchenWindow withStatusSwitch(KitchenStatusSwitch kitchenSwitch) {
        this.statusSwitch = kitchenSwitch;
        return this;
    }

    public KitchenBoardViewModel board() {
        return board;
    }

    /** Builds the scene; call on the FX thread. */
    @Override
    public Scene buildScene(double width, double height) {
        Views.load(this, "kitchen-board.fxml", messages);
        sidePanel = new SidePanel(sideTitle, sideList, messages);
        if (speed != null) {
            speed.takesOver(side);
            header.getChildren().add(header.getChildren().indexOf(recall), speed.button());
        }
        if (statusSwitch != null) {
            // beside the title only where the header has room for both (the title, the count, the switch,
            // the clock and the buttons need about 1,400 px); else on its own row under the header
            statusSwitch.placeIn(height > width || width < WIDE_HEADER ? null : switchSlot, top, 1);
        }
        statusBar = new TerminalStatusBar(terminal, messages, null, worker, true);
        if (height > width) {
            // portrait: the side panel goes under the board, so the board keeps three columns
            root.setRight(null);
            root.getStyleClass().add("portrait");
            side.setPrefHeight(Math.round(height * 0.18));
            root.setBottom(new VBox(side, statusBar.view()));
            // and the pager takes two rows: the pages and Undo, then the key help
            VBox area = (VBox) pagerRow.getParent();
            HBox help = new HBox(keyHelp);
            help.getStyleClass().add("board-pager");
            area.getChildren().add(help);
        } else {
            root.setBottom(statusBar.view());
        }
        title.setText(stations.title(terminal.outlet(), List.of()));
        pager = new BoardPager(board, messages, pageLabel, earlier, later, undo);
        notices = new BoardNotices(board, terminal, messages, CLOCK, banner, refusal);
        cards = new BoardCards(board, boardPane, messages, terminal.clock(), pager, sideRefresh::ask);
        board.tickets().addListener((ListChangeListener<Ticket>) cards::mirror);
        TicketCard measuring = TicketCard.measurer(messages, board.lens());
        boardPane.setPages(board.pages(), measuring);
        boardPane.setOnArranged(cards::renumber);
        board.allDay().addListener((ListChangeListener<AllDayLine>) change -> cards.refreshLater(true));
        board.recalled().addListener((ListChangeListener<Ticket>) change -> cards.refreshLater(true));
        board.recallShownProperty().addListener(observable -> showSide());
        board.mutedProperty().addListener(observable -> showButtons());
        board.pages().selectedProperty().addListener(observable -> cards.renumber());
        board.pages().pageProperty().addListener(observable -> cards.renumber());
        board.heldProperty().addListener(observable -> pager.showUndo());
        board.refusalProperty().addListener(observable -> notices.showRefusal());
        board.feedProperty().addListener(observable -> notices.showBanner());
        board.receivedSinceDropProperty().addListener(observable -> notices.showBanner());
        openCount.textProperty().bind(board.openCountProperty().asString().map(count ->
                messages.get("kitchen.open", Integer.parseInt(count))));
        board.onFeedStatus(feed.status());
        openWithMenu();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Messages.class.getResource("app.css").toExternalForm());
        scene.getStylesheets().add(KitchenWindow.class.getResource("kitchen.css").toExternalForm());
        scene.getStylesheets().add(KitchenWindow.class.getResource("kitchen-status-switch.css").toExternalForm());
        // the measuring card in a scene of its own with the same sheets: never drawn, never found by a lookup
        new Scene(new Pane(measuring)).getStylesheets().setAll(scene.getStylesheets());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, new BumpBar(board, root, statusSwitch)::onKey);
        showButtons();
        showSide();
        notices.showBanner();
        tick();
        ticking.play();
        return scene;
    }

    /**
     * The menu's categories first (a station's screen sorts dishes by them), read on the worker; then,
     * on the FX thread, the feed is heard and the ledger read: listen first, then read what the ledger
     * knows, so an order that arrives in between is not lost.
     */
    private void openWithMenu() {
        stations.start(unknown -> {
            title.setText(stations.title(terminal.outlet(), unknown));
            feed.addListener(listener);
            boardFeed.loadOpen(backOffice::openOrders);
        });
    }

    @Override
    public void show(Stage stage) {
        stage.setTitle(messages.get("app.title") + " – " + messages.get("kitchen.title", terminal.outlet()));
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(buildScene(Math.min(1920, bounds.getWidth()), Math.min(1080, bounds.getHeight())));
        stage.show();
    }

    private static void afterOnFx(java.time.Duration delay, Runnable action) {
        PauseTransition wait = new PauseTransition(Duration.millis(delay.toMillis()));
        wait.setOnFinished(event -> action.run());
        wait.play();
    }

    private void tick() {
        board.tick();
        Instant now = terminal.clock().instant();
        cards.showAges(now);
        clock.setText(CLOCK.format(now.atZone(terminal.clock().getZone())));
        pager.showUndo();
        pager.showPages();
    }

    private void showSide() {
        sidePanel.show(board);
        showButtons();
    }

    private void showButtons() {
        recall.setText(messages.get(board.recallShownProperty().get() ? "kitchen.allDayButton" : "kitchen.recall"));
        sound.setText(messages.get(board.mutedProperty().get() ? "kitchen.soundOff" : "kitchen.soundOn"));
        sound.pseudoClassStateChanged(MUTED, board.mutedProperty().get());
    }

    @FXML
    private void recall() {
        board.toggleRecall();
    }

    @FXML
    private void sound() {
        board.toggleMute();
    }

    @FXML
    private void undo() {
        board.undo();
    }

    @FXML
    private void previousPage() {
        board.pages().previousPage();
    }

    @FXML
    private void nextPage() {
        board.pages().nextPage();
    }

    /**
     * A bump still held when the board closes is written (the outbox, durable) and handed to the sender
     * now, on the FX thread where the board's state lives, waiting for it here: the worker is about to
     * stop. A local write, so closing waits a few milliseconds; the outbox sends it, now or at the next start.
     */
    private void flushHeldBump() {
        Runnable flush = () -> board.flushHeld(Runnable::run);
        if (Platform.isFxApplicationThread()) {
            flush.run();
            return;
        }
        FutureTask<Void> onFx = new FutureTask<>(flush, null);
        try {
            Platform.runLater(onFx);
            onFx.get(5, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            flush.run(); // the FX platform is gone already: nothing else touches the board
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("a held bump could not be sent at close", e);
        }
    }

    @Override
    public TerminalStatusBar statusBar() {
        return statusBar;
    }

    /**
     * Stops the timer and everything else, then the worker, on the FX thread (see {@link FxThread}): a tick or a
     * board event already queued there runs first, so none meets a stopped worker, whichever thread closes the board.
     */
    @Override
    public void close() {
        FxThread.closeOnFxThread("the kitchen board", this::takeDown, this::takeDown);
    }

    private void takeDown() {
        ticking.stop();
        flushHeldBump();
        feed.removeListener(listener);
        if (statusSwitch != null) {
            statusSwitch.close();
        }
        if (statusBar != null) {
            statusBar.close();
        }
        chime.close();
        if (speed != null) {
            speed.close();
        }
        worker.shutdownNow();
        LOG.debug("kitchen board closed");
    }
}
