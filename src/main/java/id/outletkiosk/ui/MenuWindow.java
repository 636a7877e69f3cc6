package id.outletkiosk.ui;

import id.outletkiosk.OutletRuntime;
import id.outletkiosk.config.Role;
import id.outletkiosk.sync.RealtimeFeed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first window: the cached menu by category with prices, and the sync status bar. */
public final class MenuWindow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MenuWindow.class);

    private final OutletRuntime runtime;
    private final Messages messages;
    private final ScheduledExecutorService storeReader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "menu-store-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final FxSyncStatus status;
    private final FxFeedStatus feedStatus;
    private final RealtimeFeed feed;
    private final MenuViewModel menu;

    public MenuWindow(OutletRuntime runtime, Messages messages) {
        this.runtime = runtime;
        this.messages = messages;
        this.status = new FxSyncStatus(runtime.syncStatus());
        this.feed = runtime.startFeed();
        this.feedStatus = new FxFeedStatus(feed);
        this.menu = new MenuViewModel(runtime.catalog(), runtime.clock(), storeReader);
    }

    public MenuViewModel menu() {
        return menu;
    }

    /** Builds the scene into {@code stage}; call on the FX thread. */
    public Scene buildScene() {
        Label title = new Label(messages.get("app.title"));
        Label subtitle = new Label(messages.get("menu.subtitle", Integer.toString(runtime.settings().outlet()),
                runtime.settings().role().wireName()));
        subtitle.getStyleClass().add("subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleBar = new HBox(16, title, spacer, subtitle);
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

        Runnable refresh = runtime.scheduler() == null ? null : this::refreshNow;
        StatusBarView statusBar = new StatusBarView(status.statusProperty(), messages, runtime.clock(), refresh,
                runtime.isDemo(), runtime.settings().feedTimings().pollInterval().toSeconds());
        feedStatus.statusProperty().addListener((observable, before, now) -> statusBar.showTransport(now));
        // the outbox count is read off the FX thread every 2 s: cheap, and always current on screen
        storeReader.scheduleWithFixedDelay(() -> {
            try {
                var outbox = runtime.outbox().status();
                Platform.runLater(() -> statusBar.showOutbox(outbox));
            } catch (RuntimeException e) {
                LOG.warn("reading the outbox status failed: {}", e.getMessage());
            }
        }, 0, 2, TimeUnit.SECONDS);
        statusBar.showTransport(feedStatus.statusProperty().get());

        status.statusProperty().addListener((observable, before, now) -> menu.onSyncStatus(now));
        menu.onSyncStatus(status.statusProperty().get());

        BorderPane root = new BorderPane(list);
        root.setTop(titleBar);
        root.setBottom(statusBar);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MenuWindow.class.getResource("app.css").toExternalForm());
        return scene;
    }

    public void show(Stage stage) {
        // a minimised or hidden window does not need the local server polled; shown again, it polls at once
        stage.iconifiedProperty().addListener((observable, wasIconified, iconified) -> pausePolling(iconified));
        stage.showingProperty().addListener((observable, wasShowing, showing) -> pausePolling(!showing));
        stage.setTitle(messages.get("app.title") + (runtime.settings().role() == Role.KIOSK ? "" : " – "
                + runtime.settings().role().wireName()));
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

    private void refreshNow() {
        runtime.scheduler().refreshNow().whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.info("manual refresh failed: {}", failure.getMessage());
            }
        });
    }

    @Override
    public void close() {
        status.close();
        feedStatus.close();
        storeReader.shutdownNow();
    }
}
