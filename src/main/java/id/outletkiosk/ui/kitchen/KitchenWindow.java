package id.outletkiosk.ui.kitchen;

import id.outletkiosk.ui.SizedWindow;
import id.outletkiosk.ui.Terminal;
import id.outletkiosk.config.Durations;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.RealtimeFeed;
import id.outletkiosk.ui.AppWindow;
import id.outletkiosk.ui.Chime;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.TerminalStatusBar;
import id.outletkiosk.ui.Views;
import java.time.Instant;
import java.time.ZoneId;
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
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import id.outletkiosk.ui.manager.ManagerAccess;
import javafx.scene.input.KeyCode;
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
 * the status bar. Touch (tap a ticket's button, the pager's buttons, Undo) and a keyboard bump bar: a
 * letter picks the ticket that shows it, the arrows move the pick through every ticket (the page
 * follows), PgDn / PgUp turn the page, Enter bumps, Backspace or U undoes the last bump, Esc unpicks,
 * R recall, M sound. Digits pick nothing: they would read as order numbers. Events reach the board
 * through {@code Platform.runLater}.
 */
public final class KitchenWindow implements SizedWindow {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenWindow.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final PseudoClass MUTED = PseudoClass.getPseudoClass("muted");
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");

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
    private boolean refreshQueued;
    private boolean sideStale;
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
    private HBox pager;
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
            VBox area = (VBox) pager.getParent();
            HBox help = new HBox(keyHelp);
            help.getStyleClass().add("board-pager");
            area.getChildren().add(help);
        } else {
            root.setBottom(statusBar.view());
        }
        title.setText(stations.title(terminal.outlet(), List.of()));
        board.tickets().addListener((ListChangeListener<Ticket>) this::mirror);
        TicketCard measuring = TicketCard.measurer(messages, board.lens());
        boardPane.setPages(board.pages(), measuring);
        boardPane.setOnArranged(this::renumber);
        board.allDay().addListener((ListChangeListener<AllDayLine>) change -> refreshLater(true));
        board.recalled().addListener((ListChangeListener<Ticket>) change -> refreshLater(true));
        board.recallShownProperty().addListener(observable -> showSide());
        board.mutedProperty().addListener(observable -> showButtons());
        board.pages().selectedProperty().addListener(observable -> renumber());
        board.pages().pageProperty().addListener(observable -> renumber());
        board.heldProperty().addListener(observable -> showUndo());
        board.refusalProperty().addListener(observable -> showRefusal());
        board.feedProperty().addListener(observable -> showBanner());
        board.receivedSinceDropProperty().addListener(observable -> showBanner());
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
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::bumpBar);
        showButtons();
        showSide();
        showBanner();
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

    /** Keeps the board's cards in the order of the tickets, touching only the cards that changed. */
    private void mirror(ListChangeListener.Change<? extends Ticket> change) {
        var cards = boardPane.getChildren();
        Instant now = terminal.clock().instant();
        while (change.next()) {
            // a ticket replaced by another (a change of the same order) is shown on its card; setAll (the
            // ledger's orders arriving after the feed's first) replaces a whole list of another size
            if (change.wasUpdated()
                    || (change.wasReplaced() && change.getRemovedSize() == change.getAddedSize())) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    Ticket ticket = board.tickets().get(i);
                    ((TicketCard) cards.get(i)).show(ticket, now, board.ageOf(ticket, now));
                }
                continue;
            }
            if (change.wasRemoved()) {
                cards.remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
            }
            if (change.wasAdded()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    TicketCard card = TicketCard.onDemand(messages, board::bump, board.lens(), board::tapDish);
                    Ticket ticket = board.tickets().get(i);
                    card.show(ticket, now, board.ageOf(ticket, now));
                    cards.add(i, card);
                }
            }
        }
        refreshLater(false);
    }

    /**
     * Numbers, the open count and the side panel once per turn of the FX thread, not once per order:
     * a burst of 100 orders would otherwise renumber 400 cards and rebuild the panel 100 times. The side
     * panel, besides, at most every {@link #SIDE_CALM} ({@link PacedRefresh}).
     */
    private void refreshLater(boolean side) {
        sideStale |= side;
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                renumber();
                if (sideStale) {
                    sideStale = false;
                    sideRefresh.ask();
                }
            });
        }
    }

    private static void afterOnFx(java.time.Duration delay, Runnable action) {
        PauseTransition wait = new PauseTransition(Duration.millis(delay.toMillis()));
        wait.setOnFinished(event -> action.run());
        wait.play();
    }

    /** Slot keys, the pick and the pager, for the page shown. */
    private void renumber() {
        var cards = boardPane.getChildren();
        BoardPages pages = board.pages();
        int selected = pages.selectedProperty().get();
        List<Integer> inView = pages.inView();
        String[] keys = new String[cards.size()];
        for (int at = 0; at < inView.size() && at < BoardPages.SLOT_KEYS.length(); at++) {
            if (inView.get(at) < keys.length) {
                keys[inView.get(at)] = String.valueOf(BoardPages.SLOT_KEYS.charAt(at));
            }
        }
        for (int i = 0; i < cards.size(); i++) {
            ((TicketCard) cards.get(i)).showSlot(keys[i], i == selected);
        }
        showPager();
    }

    private void showPager() {
        BoardPages pages = board.pages();
        int count = pages.pageCountProperty().get();
        pageLabel.setText(messages.get("kitchen.pager.page", pages.pageProperty().get() + 1, count));
        earlier.setVisible(pages.earlier() > 0);
        earlier.setManaged(pages.earlier() > 0);
        earlier.setText(messages.get("kitchen.pager.earlier", pages.earlier()));
        int more = pages.later();
        boolean fresh = pages.freshOutOfView();
        later.setVisible(more > 0);
        later.setManaged(more > 0);
        later.setText(messages.get(fresh ? "kitchen.pager.laterNew" : "kitchen.pager.later", more));
        later.pseudoClassStateChanged(FRESH, fresh);
    }

    /** The Undo button while a bump is held: which order, to what, and the seconds left. */
    private void showUndo() {
        HeldBump.Hold hold = board.heldProperty().get();
        undo.setVisible(hold != null);
        undo.setManaged(hold != null);
        if (hold != null) {
            undo.setText(messages.get("kitchen.undo", hold.original().shortNumber(),
                    messages.get("kitchen.status." + hold.shownStatus().wireName()), board.undoSecondsLeft()));
        }
    }

    private void tick() {
        board.tick();
        Instant now = terminal.clock().instant();
        for (Node card : boardPane.getChildren()) {
            TicketCard ticketCard = (TicketCard) card;
            ticketCard.showAge(now, board.ageOf(ticketCard.ticket(), now));
        }
        clock.setText(CLOCK.format(now.atZone(terminal.clock().getZone())));
        showUndo();
        showPager();
    }

    private void bumpBar(KeyEvent event) {
        // a chord (Ctrl+Shift+M opens the manager's panel) or a PIN typed into that panel is not a bump
        if (event.isShortcutDown() || event.isControlDown() || event.isAltDown()
                || ManagerAccess.isOpenOn(root.getScene())) {
            return;
        }
        KeyCode code = event.getCode();
        if (statusSwitch != null && statusSwitch.onKey(code)) {
            event.consume();
            return;
        }
        BoardPages pages = board.pages();
        switch (code) {
            case ENTER -> board.bumpSelected();
            case BACK_SPACE, U -> board.undo();
            case ESCAPE -> pages.clearPick();
            case RIGHT, DOWN -> pages.pickNext();
            case LEFT, UP -> pages.pickPrevious();
            case PAGE_DOWN -> pages.nextPage();
            case PAGE_UP -> pages.previousPage();
            case R -> board.toggleRecall();
            case M -> board.toggleMute();
            default -> {
                // a digit picks nothing: it would read as an order number ("4" beside "#5")
                if (!code.isDigitKey() && !(code.isLetterKey() && pages.pickKey(code.getName().charAt(0)))) {
                    return;
                }
            }
        }
        event.consume();
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

    private void showRefusal() {
        KitchenBoardViewModel.Refusal shown = board.refusalProperty().get();
        refusal.setVisible(shown != null);
        refusal.setManaged(shown != null);
        if (shown != null) {
            String reason = shown.byHeadOffice() ? messages.get("kitchen.refused_by_head_office", shown.reason())
                    : shown.reason();
            refusal.setText(messages.get("kitchen.refused", shown.orderNumber(), reason));
        }
    }

    /** Always there when the board is not on the central socket: where orders come from, since when, how many. */
    private void showBanner() {
        FeedStatus status = board.feedProperty().get();
        boolean degraded = status != null && status.mode() != FeedMode.ONLINE;
        banner.setVisible(degraded);
        banner.setManaged(degraded);
        if (!degraded) {
            return;
        }
        ZoneId zone = terminal.clock().getZone();
        String since = CLOCK.format(status.modeSince().atZone(zone));
        String mode = switch (status.mode()) {
            case LOCAL -> messages.get("kitchen.banner.local", since);
            case POLLING -> messages.get("kitchen.banner.polling",
                    Durations.format(terminal.pollInterval()), since);
            default -> messages.get("kitchen.banner.offline", since);
        };
        banner.setText(mode + " · " + messages.get("kitchen.banner.received", board.receivedSinceDropProperty().get()));
        banner.getStyleClass().remove("offline");
        if (status.mode() == FeedMode.OFFLINE) {
            banner.getStyleClass().add("offline");
        }
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

    @Override
    public void close() {
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
