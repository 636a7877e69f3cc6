package id.outletkiosk.ui;

import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.store.CatalogStore;
import id.outletkiosk.config.Role;
import id.outletkiosk.sync.RealtimeFeed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** The first window: the cached menu by category with prices, and the sync status bar. */
public final class MenuWindow implements AppWindow {

    private final Terminal terminal;
    private final Runnable refresh;
    private final Messages messages;
    private final ScheduledExecutorService storeReader = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("menu-store-reader"));
    private final RealtimeFeed feed;
    private TerminalStatusBar statusBar;
    private final MenuViewModel menu;
    private final javafx.scene.control.Button managerButton;

    /**
     * @param catalog the local store's menu, read off the FX thread
     * @param refresh one sync round now (the status bar's button), or null when there is no backend
     */
    public MenuWindow(Terminal terminal, CatalogStore catalog, Runnable refresh, Messages messages) {
        this.terminal = terminal;
        this.refresh = refresh;
        this.messages = messages;
        this.feed = terminal.feed();
        this.menu = new MenuViewModel(catalog, terminal.clock(), storeReader);
        this.managerButton = new javafx.scene.control.Button(messages.get("manager.open"));
    }

    /** Shows the "Manager panel" button, which opens the panel's PIN pad with {@code open}. */
    public void offerManagerPanel(Runnable open) {
        managerButton.setOnAction(event -> open.run());
        managerButton.setVisible(true);
        managerButton.setManaged(true);
    }

    public MenuViewModel menu() {
        return menu;
    }

    /** Builds the scene into {@code stage}; call on the FX thread. */
    public Scene buildScene() {
        Label title = new Label(messages.get("app.title"));
        Label subtitle = new Label(messages.get("menu.subtitle", Integer.toString(terminal.outlet()),
                terminal.role().wireName()));
        subtitle.getStyleClass().add("subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the back office's way into the manager's panel: a button in plain sight (the chord and the long
        // press still work, as on every screen); it shows once the panel is offered
        managerButton.setId("open-manager-panel");
        managerButton.getStyleClass().add("manager-open");
        managerButton.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        managerButton.setVisible(false);
        managerButton.setManaged(false);
        HBox titleBar = new HBox(16, title, spacer, subtitle, managerButton);
        titleBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        titleBar.getStyleClass().add("title-bar");

        ListView<MenuLine> list = new ListView<>(menu.lines());
        list.setId("menu-list");
        list.getStyleClass().add("menu-list");
        list.setCellFactory(view -> new MenuCell(messages));
        list.setFocusTraversable(false);
        Label empty = new Label(messages.get("menu.empty"));
        empty.getStyleClass().add("empty-menu");
        empty.setWrapText(true);
        list.setPlaceholder(empty);

        statusBar = new TerminalStatusBar(terminal, messages, refresh, storeReader, true);
        var status = statusBar.syncStatus().statusProperty();
        status.addListener((observable, before, now) -> menu.onSyncStatus(now));
        menu.onSyncStatus(status.get());

        BorderPane root = new BorderPane(list);
        root.setTop(titleBar);
        root.setBottom(statusBar.view());
        // the back office's PC: room for the menu and, over it, the manager's panel with its tables
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(960, screen.getHeight()));
        scene.getStylesheets().add(MenuWindow.class.getResource("app.css").toExternalForm());
        return scene;
    }

    public void show(Stage stage) {
        // a minimised or hidden window does not need the store server polled; shown again, it polls at once
        stage.iconifiedProperty().addListener((observable, wasIconified, iconified) -> pausePolling(iconified));
        stage.showingProperty().addListener((observable, wasShowing, showing) -> pausePolling(!showing));
        stage.setTitle(messages.get("app.title") + (terminal.role() == Role.KIOSK ? "" : " – "
                + terminal.role().wireName()));
        stage.setScene(buildScene());
        stage.show();
    }

    private void pausePolling(boolean pause) {
        if (pause) {
            feed.pausePolling();
        } else {
            feed.resumePolling();
        }
    }

    @Override
    public TerminalStatusBar statusBar() {
        return statusBar;
    }

    @Override
    public void close() {
        if (statusBar != null) {
            statusBar.close();
        }
        storeReader.shutdownNow();
    }
}
