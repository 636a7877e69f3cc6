package id.outletkiosk.ui.kiosk;


import id.outletkiosk.ui.SizedWindow;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.StoreDisk;
import id.outletkiosk.ui.Terminal;
import id.outletkiosk.sync.FeedListener;
import id.outletkiosk.sync.RealtimeFeed;
import id.outletkiosk.ui.AppWindow;
import id.outletkiosk.ui.FxThread;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.ProductImages;
import id.outletkiosk.ui.TerminalStatusBar;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * The customer's kiosk: welcome, menu, checkout and confirmation in one window, the status bar and
 * the banners on every screen, the product sheet and the "still there?" prompt over them. In kiosk
 * mode it is full screen with no frame, and the close button and Escape do nothing.
 */
public final class KioskWindow implements SizedWindow {
    private final Terminal terminal;
    /** Full screen, no frame, no way out but the manager's panel. */
    private final boolean kioskMode;
    private final Messages defaultLanguage;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("kiosk-store"));
    private final RealtimeFeed feed;
    private final KioskViewModel kiosk;
    private final ProductImages images;
    private final FeedListener kitchenListener;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final StackPane screenHost = new StackPane();
    private final Timeline ticking;
    private TerminalStatusBar statusBar;
    private KioskBanners banners;
    private Runnable disposeScreen = () -> { };
    private Parent sheetNode;
    private Parent promptNode;
    private Parent startOverNode;
    private IdlePrompt prompt;
    private boolean shownPortrait;
    private boolean screenRequested;

    /**
     * @param terminal   the running terminal (its feed already started)
     * @param backOffice the menu, the order desk and placed orders, from the kiosk's composition root
     * @param pictures   product pictures, decoded at tile size
     */
    public KioskWindow(Terminal terminal, KioskBackOffice backOffice, ProductImages pictures,
            Settings.KioskOptions options, Messages defaultLanguage) {
        this.terminal = terminal;
        this.kioskMode = options.fullScreen();
        this.defaultLanguage = defaultLanguage;
        this.feed = terminal.feed();
        this.images = pictures;
        this.kiosk = new KioskViewModel(backOffice, worker, Platform::runLater, terminal.clock(),
                options.idleTimeout(), defaultLanguage);
        this.kitchenListener = new FeedListener() {
            @Override
            public void onKitchenStatus(id.outletkiosk.model.KitchenState state) {
                Platform.runLater(() -> kiosk.onKitchenStatus(state));
            }
        };
        feed.addListener(kitchenListener);
        // once a second: the idle prompt and the order number; once a minute: promotions start and end by the clock
        this.ticking = new Timeline(new KeyFrame(Duration.seconds(1), event -> kiosk.tick()));
        ticking.setCycleCount(Timeline.INDEFINITE);
    }

    public KioskViewModel kiosk() {
        return kiosk;
    }

    public ProductImages pictures() {
        return images;
    }

    /** Builds the scene; call on the FX thread. */
    @Override
    public Scene buildScene(double width, double height) {
        statusBar = new TerminalStatusBar(terminal, defaultLanguage, null, worker, false);
        statusBar.view().forCustomers(); // a dot; the manager's panel (a long press on it) has the rest
        var sync = statusBar.syncStatus().statusProperty();
        sync.addListener((observable, before, now) -> kiosk.onSyncStatus(now));
        banners = new KioskBanners(kiosk, sync, terminal.clock());
        frame.setTop(banners.view());
        frame.setCenter(screenHost);
        frame.setBottom(statusBar.view());
        root.getChildren().setAll(frame);
        root.getStyleClass().add("kiosk-root");
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Messages.class.getResource("app.css").toExternalForm());
        scene.getStylesheets().add(KioskWindow.class.getResource("kiosk.css").toExternalForm());
        // any touch anywhere means somebody is there
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> kiosk.touched());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, event -> kiosk.touched());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> kiosk.touched());
        // "start" changes the language and the screen at once: one rebuild, on the next turn of the FX thread
        kiosk.screenProperty().addListener(observable -> requestScreen());
        kiosk.languageProperty().addListener(observable -> requestScreen());
        kiosk.choiceProperty().addListener(observable -> showChoice());
        kiosk.askSecondsLeftProperty().addListener(observable -> showPrompt());
        kiosk.askingStartOverProperty().addListener(observable -> showStartOverQuestion());
        scene.widthProperty().addListener(observable -> onResize());
        scene.heightProperty().addListener(observable -> onResize());
        kiosk.onSyncStatus(sync.get());
        kiosk.reloadMenu();
        showScreen();
        ticking.play();
        worker.scheduleWithFixedDelay(kiosk::reloadMenu, 60, 60, TimeUnit.SECONDS);
        // a full disk cannot keep an order: the kiosk stops taking them before anyone reaches the pay button
        worker.scheduleWithFixedDelay(() -> {
            StoreDisk disk = terminal.storeDisk();
            Platform.runLater(() -> kiosk.onStoreDisk(disk));
        }, 0, 5, TimeUnit.SECONDS);
        return scene;
    }

    @Override
    public void show(Stage stage) {
        stage.setTitle(defaultLanguage.get("app.title"));
        if (kioskMode) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            // leaving the kiosk is a manager's action (PIN), never a customer's
            stage.setOnCloseRequest(event -> event.consume());
        }
        // the screen's own shape: a portrait kiosk screen gets the portrait layout from the first frame
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        boolean portraitScreen = bounds.getHeight() > bounds.getWidth();
        Scene scene = buildScene(Math.min(bounds.getWidth(), portraitScreen ? 1080 : 1920),
                Math.min(bounds.getHeight(), portraitScreen ? 1920 : 1080));
        if (kioskMode) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.ESCAPE || (event.isAltDown() && event.getCode() == KeyCode.F4)) {
                    event.consume();
                }
            });
        }
        stage.setScene(scene);
        stage.setFullScreen(kioskMode);
        stage.show();
    }

    private boolean portrait() {
        Scene scene = root.getScene();
        return scene != null && scene.getHeight() > scene.getWidth();
    }

    /** Turning the screen (or a resized window) between portrait and landscape lays the screen out again. */
    private void onResize() {
        if (portrait() != shownPortrait) {
            showScreen();
        }
    }

    private void requestScreen() {
        if (!screenRequested) {
            screenRequested = true;
            Platform.runLater(this::showScreen);
        }
    }

    private void showScreen() {
        screenRequested = false;
        disposeScreen.run();
        Messages messages = kiosk.languageProperty().get();
        boolean portrait = portrait();
        shownPortrait = portrait;
        banners.setMessages(messages);
        statusBar.view().setMessages(messages);
        Parent screen;
        switch (kiosk.screenProperty().get()) {
            case WELCOME -> {
                WelcomeView view = new WelcomeView(kiosk, defaultLanguage, height());
                screen = view.build();
                disposeScreen = view::dispose;
            }
            case MENU -> {
                MenuView view = new MenuView(kiosk, messages, images, portrait, width());
                screen = view.build();
                disposeScreen = view::dispose;
            }
            case CHECKOUT -> {
                CheckoutView view = new CheckoutView(kiosk, messages, portrait, height());
                screen = view.build();
                disposeScreen = view::dispose;
            }
            default -> {
                ConfirmationView view = new ConfirmationView(kiosk, messages, height());
                screen = view.build();
                disposeScreen = view::dispose;
            }
        }
        screenHost.getChildren().setAll(screen);
        showChoice();
        showStartOverQuestion();
        showPrompt();
    }

    private double width() {
        Scene scene = root.getScene();
        return scene == null ? 1920 : scene.getWidth();
    }

    private double height() {
        Scene scene = root.getScene();
        return scene == null ? 1080 : scene.getHeight();
    }

    /** "Clear this order and start over?" over the menu, while the customer decides. */
    private void showStartOverQuestion() {
        root.getChildren().remove(startOverNode);
        startOverNode = null;
        if (kiosk.askingStartOverProperty().get() && kiosk.screenProperty().get() == KioskScreen.MENU) {
            startOverNode = new StartOverQuestion(kiosk, kiosk.languageProperty().get()).build();
            root.getChildren().add(startOverNode);
        }
    }

    private void showChoice() {
        root.getChildren().remove(sheetNode);
        sheetNode = null;
        KioskViewModel.ProductChoice choice = kiosk.choiceProperty().get();
        if (choice != null && kiosk.screenProperty().get() == KioskScreen.MENU) {
            sheetNode = new ProductSheet(kiosk, kiosk.languageProperty().get(), images, choice).build();
            root.getChildren().add(1, sheetNode);
        }
    }

    private void showPrompt() {
        long seconds = kiosk.askSecondsLeftProperty().get();
        if (seconds < 0) {
            root.getChildren().remove(promptNode);
            promptNode = null;
            return;
        }
        if (promptNode == null) {
            prompt = new IdlePrompt(kiosk, kiosk.languageProperty().get());
            promptNode = prompt.build();
            root.getChildren().add(promptNode);
        }
        prompt.showSecondsLeft(seconds);
    }

    /** The banners over every screen (the kitchen, stale data, a store that takes no orders), once the scene is built. */
    KioskBanners banners() {
        return banners;
    }

    @Override
    public TerminalStatusBar statusBar() {
        return statusBar;
    }

    /**
     * Stops the timer and everything else, then the worker, on the FX thread (see {@link FxThread}): a tick or a menu
     * reload already queued there runs first, so none meets a stopped worker, whichever thread closes the window.
     */
    @Override
    public void close() {
        FxThread.closeOnFxThread("the kiosk window", this::takeDown, this::takeDown);
    }

    private void takeDown() {
        ticking.stop();
        feed.removeListener(kitchenListener);
        disposeScreen.run();
        if (statusBar != null) { // both are built with the scene
            banners.stopAgeing();
            statusBar.close();
        }
        images.close();
        worker.shutdownNow();
    }
}
