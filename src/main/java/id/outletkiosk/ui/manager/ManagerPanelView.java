package id.outletkiosk.ui.manager;

import id.outletkiosk.config.AppInfo;
import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.health.Alert;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.SyncRound;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.ui.HealthTexts;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's panel: alerts and the actions that end a visit (copy diagnostics, leave kiosk mode,
 * close the app) on top; menu sync (versions, refresh with progress, the last 50 rounds), live orders
 * (transport, time per mode today, reconnects, pong), the outbox, speed of service and the settings in tabs.
 */
final class ManagerPanelView {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerPanelView.class);

    @FXML
    private StackPane root;
    @FXML
    private BorderPane card;
    @FXML
    private GridPane header;
    @FXML
    private VBox titleBlock;
    @FXML
    private FlowPane actions;
    @FXML
    private Label terminal;
    @FXML
    private Label notice;
    @FXML
    private VBox alerts;
    @FXML
    private Button exitKioskMode;
    @FXML
    private GridPane versions;
    @FXML
    private Button refresh;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label refreshResult;
    @FXML
    private Label refreshDetail;
    @FXML
    private Label successRate;
    @FXML
    private HBox closeAppQuestion;
    @FXML
    private Button closeApp;
    @FXML
    private TableView<SyncRound> history;
    @FXML
    private GridPane feedFacts;
    @FXML
    private GridPane modeTimes;
    @FXML
    private Tab outboxTab;
    @FXML
    private Tab speedTab;
    @FXML
    private Tab settingsTab;

    private final ManagerPanelModel model;
    private final Messages messages;
    private final HealthTexts texts;
    private final Stage stage;
    private final Runnable onClose;
    private final Timeline reloading = new Timeline();
    private final ConfigFile config;
    private OutboxTab outbox;

    ManagerPanelView(ManagerPanelModel model, Messages messages, Stage stage, ConfigFile config, Runnable onClose) {
        this.model = model;
        this.config = config;
        this.messages = messages;
        this.texts = new HealthTexts(messages, model.desk().clock());
        this.stage = stage;
        this.onClose = onClose;
    }

    Parent build() {
        Parent view = Views.load(this, "manager-panel.fxml", messages);
        ManagerDesk desk = model.desk();
        terminal.setText(messages.get("manager.terminal", messages.get("manager.role." + desk.role().name()),
                desk.outlet(), AppInfo.version()));
        exitKioskMode.setVisible(stage.isFullScreen());
        exitKioskMode.setManaged(stage.isFullScreen());
        // the card's width, not the header's: the card gets it before it lays out its top, so the header's
        // new height counts in this very layout pass (a header that changed during its own would keep a stale one)
        card.widthProperty().addListener(observable -> fitHeader());
        exitKioskMode.managedProperty().addListener(observable -> fitHeader());
        buildHistory();
        outbox = new OutboxTab(model, texts);
        outboxTab.setContent(outbox.build());
        speedTab.setContent(new SpeedTab(model, messages, speedTab.selectedProperty()).build());
        settingsTab.setContent(new SettingsTab(config, desk.settings(), messages, model.worker(), model.fx(), System.getenv(),
                stage.isFullScreen())
                .build());
        refresh.setDisable(!model.canRefresh());
        progress.managedProperty().bind(progress.visibleProperty());
        model.syncStatusProperty().addListener((observable, before, now) -> showSync(now));
        model.refreshingProperty().addListener(observable -> showSync(model.syncStatusProperty().get()));
        model.refreshOutcomeProperty().addListener((observable, before, now) -> showOutcome(now));
        model.snapshotProperty().addListener(observable -> showSnapshot());
        showSync(model.syncStatusProperty().get());
        reloading.getKeyFrames().add(new KeyFrame(javafx.util.Duration.seconds(2), event -> model.reload()));
        reloading.setCycleCount(Timeline.INDEFINITE);
        reloading.play();
        model.reload();
        return view;
    }

    /**
     * The title and the buttons side by side when both fit at their preferred widths (1920x1080, a wide
     * window); else the buttons on a row of their own below the title, right-aligned, so a narrow window
     * (the demo's kitchen, 1100 px) shows every label whole instead of squeezing them to "Copy diagnost…".
     */
    private void fitHeader() {
        double buttons = 0;
        for (Node button : actions.getChildren()) {
            if (button.isManaged()) {
                buttons += (buttons == 0 ? 0 : actions.getHgap()) + button.prefWidth(-1);
            }
        }
        actions.setPrefWrapLength(buttons); // its preferred width: all the buttons on one row
        double room = card.getWidth() - card.snappedLeftInset() - card.snappedRightInset();
        boolean beside = titleBlock.prefWidth(-1) + header.getHgap() + buttons <= room;
        if (room > 0 && beside != (GridPane.getRowIndex(actions) == 0)) {
            GridPane.setConstraints(actions, beside ? 1 : 0, beside ? 0 : 1, beside ? 1 : 2, 1);
        }
    }

    private void buildHistory() {
        Label none = new Label(messages.get("manager.history.none"));
        none.setWrapText(true);
        history.setPlaceholder(none);
        history.getColumns().add(WrappingCell.column(messages.get("manager.history.started"),
                round -> texts.time(round.startedAt()), 180, 110));
        history.getColumns().add(WrappingCell.column(messages.get("manager.history.outcome"),
                round -> round.succeeded() ? "✓ " + messages.get("manager.history.ok")
                        : "✗ " + messages.get("manager.history.failed"), 150, 140));
        history.getColumns().add(WrappingCell.column(messages.get("manager.history.duration"),
                round -> texts.age(round.duration()), 130, 100));
        history.getColumns().add(WrappingCell.column(messages.get("manager.history.rows"),
                round -> Integer.toString(round.rowsChanged()), 110, 70));
        history.getColumns().add(WrappingCell.column(messages.get("manager.history.error"),
                (SyncRound round) -> round.error() == null ? "" : round.error(), 600, 150));
        history.setItems(model.rounds());
        // every column gives up width in proportion, down to its floor: the last one alone would leave the
        // others at their preferred widths and push the table past the card in a narrow window
        WrappingCell.fitColumns(history);
    }

    private void showSync(SyncStatus status) {
        boolean running = model.refreshingProperty().get() || status != null && status.state() == SyncState.SYNCING;
        refresh.setDisable(!model.canRefresh() || running);
        progress.setVisible(running);
        if (status == null) {
            return;
        }
        progress.setProgress(status.state() == SyncState.SYNCING ? status.progress() : -1);
        if (running) {
            refreshResult.getStyleClass().remove("manager-problem");
            refreshResult.setText(messages.get("manager.refresh.running", Math.round(status.progress() * 100)));
            showDetail(null);
        } else {
            showOutcome(model.refreshOutcomeProperty().get()); // a scheduled round leaves the last manual outcome
        }
        versions.getChildren().clear();
        int row = 0;
        for (EntityKind kind : EntityKind.values()) {
            fact(versions, row++, messages.get("manager.kind." + kind.name()), messages.get("manager.versionRows",
                    status.versions().getOrDefault(kind, 0L), status.rowCounts().getOrDefault(kind, 0)));
        }
        fact(versions, row++, messages.get("manager.lastSuccess"), texts.time(status.lastSuccess()));
        fact(versions, row++, messages.get("manager.lastAttempt"), texts.time(status.lastAttempt()));
        fact(versions, row, messages.get("manager.nextRound"), texts.time(status.nextAttempt()));
    }

    private void showOutcome(ManagerPanelModel.RefreshOutcome outcome) {
        refreshResult.getStyleClass().remove("manager-problem");
        showDetail(null);
        if (outcome == null) {
            refreshResult.setText("");
            return;
        }
        if (outcome.succeeded()) {
            refreshResult.setText(messages.get("manager.refresh.done", outcome.rowsChanged(), outcome.fromVersion(),
                    outcome.toVersion()));
        } else {
            refreshResult.getStyleClass().add("manager-problem");
            refreshResult.setText(messages.get("manager.refresh.failed", outcome.problem().plain(messages)));
            showDetail(outcome.problem().technical());
        }
    }

    /** The technical line under the plain words: for whoever the manager calls; none when it worked. */
    private void showDetail(String technical) {
        refreshDetail.setText(technical == null ? "" : technical);
        refreshDetail.setVisible(technical != null);
        refreshDetail.setManaged(technical != null);
    }

    private void showSnapshot() {
        ManagerPanelModel.Snapshot snapshot = model.snapshotProperty().get();
        double rate = ManagerPanelModel.successRate(snapshot.rounds());
        successRate.setText(Double.isNaN(rate) ? messages.get("manager.history.title", 0, "-")
                : messages.get("manager.history.title", snapshot.rounds().size(), Math.round(rate * 100) + " %"));
        alerts.getChildren().clear();
        for (Alert alert : snapshot.alerts()) {
            alerts.getChildren().add(wrapping("⚠ " + texts.alert(alert), "manager-alert"));
        }
        if (snapshot.alerts().isEmpty()) {
            alerts.getChildren().add(wrapping("✓ " + messages.get("manager.alerts.none"), "manager-calm"));
        }
        showFeed(model.feedStatusProperty().get(), snapshot.modeTimesToday());
        // orders and status changes alike: everything here still needs central, or a manager
        outboxTab.setText(messages.get("manager.tab.outbox") + (snapshot.openItems().isEmpty() ? ""
                : " (" + snapshot.openItems().size() + ")"));
    }

    private void showFeed(FeedStatus feed, Map<FeedMode, Duration> today) {
        feedFacts.getChildren().clear();
        if (feed == null) {
            fact(feedFacts, 0, messages.get("manager.feed.mode"), messages.get("manager.feed.none"));
        } else {
            fact(feedFacts, 0, messages.get("manager.feed.mode"), messages.get("manager.mode." + feed.mode().name())
                    + " · " + messages.get("manager.feed.since", texts.time(feed.modeSince())));
            fact(feedFacts, 1, messages.get("manager.feed.reconnects"), Integer.toString(feed.reconnects()));
            fact(feedFacts, 2, messages.get("manager.feed.pong"), feed.lastPongRtt() == null ? "-"
                    : texts.age(feed.lastPongRtt()));
            fact(feedFacts, 3, messages.get("manager.feed.lastEvent"), texts.time(feed.lastEventAt()));
            fact(feedFacts, 4, messages.get("manager.feed.lastError"), feed.lastError() == null ? "-" : feed.lastError());
        }
        modeTimes.getChildren().clear();
        long total = today.values().stream().mapToLong(Duration::toMillis).sum();
        int row = 0;
        for (FeedMode mode : FeedMode.values()) {
            Duration time = today.getOrDefault(mode, Duration.ZERO);
            ProgressBar share = new ProgressBar(total == 0 ? 0 : time.toMillis() / (double) total);
            share.setPrefWidth(320);
            share.getStyleClass().add("mode-share-" + mode.wireName());
            Label name = new Label(messages.get("manager.mode." + mode.name()));
            Label value = new Label(texts.age(time));
            value.setId("mode-time-" + mode.wireName());
            modeTimes.addRow(row++, name, share, value);
        }
    }

    /** A label as wide as its text, wrapping when the window is narrower (its background hugs the words). */
    private static Label wrapping(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(Region.USE_PREF_SIZE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static void fact(GridPane grid, int row, String name, String value) {
        Label nameLabel = new Label(name);
        nameLabel.setMinWidth(Region.USE_PREF_SIZE); // the value wraps; the name never shrinks to "..."
        nameLabel.getStyleClass().add("fact-name");
        Label valueLabel = new Label(value);
        valueLabel.getStyleClass().add("fact-value");
        valueLabel.setWrapText(true);
        grid.addRow(row, nameLabel, valueLabel);
    }

    @FXML
    private void refresh() {
        model.refreshNow();
    }

    /** A diagnostics bundle and where it was saved (null when the disk refused). */
    private record SavedDiagnostics(String text, Path savedTo) {
    }

    /** The bundle to the clipboard, and to a file in the data folder for a USB stick or an e-mail. */
    @FXML
    private void copyDiagnostics() {
        Path folder = model.desk().settings().dataDir().resolve("diagnostics");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(
                java.time.ZonedDateTime.now(model.desk().clock()));
        model.diagnostics().thenApply(text -> {
            Path file = folder.resolve("diagnostics-" + stamp + ".json");
            try {
                Files.createDirectories(folder);
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return new SavedDiagnostics(text, file);
            } catch (IOException e) {
                LOG.warn("diagnostics could not be saved to {}: {}", file, e.getMessage());
                return new SavedDiagnostics(text, null);
            }
        }).whenComplete((saved, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                showNotice(messages.get("manager.diagnostics.failed", failure.getMessage()), true);
                return;
            }
            ClipboardContent content = new ClipboardContent();
            content.putString(saved.text());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            showNotice(saved.savedTo() == null ? messages.get("manager.diagnostics.copied")
                    : messages.get("manager.diagnostics.copiedAndSaved", saved.savedTo().toString()), false);
        }));
    }

    @FXML
    private void exitKioskMode() {
        LOG.info("manager left kiosk mode");
        stage.setFullScreen(false);
        stage.setOnCloseRequest(null);
        exitKioskMode.setVisible(false);
        exitKioskMode.setManaged(false);
        showNotice(messages.get("manager.kioskModeLeft"), false);
    }

    /** "Close the app" only asks: on a kiosk it ends the taking of orders until someone starts it again. */
    @FXML
    private void askCloseApp() {
        closeApp.setVisible(false);
        closeApp.setManaged(false);
        closeAppQuestion.setVisible(true);
        closeAppQuestion.setManaged(true);
    }

    @FXML
    private void keepAppOpen() {
        closeAppQuestion.setVisible(false);
        closeAppQuestion.setManaged(false);
        closeApp.setVisible(true);
        closeApp.setManaged(true);
    }

    @FXML
    private void closeApp() {
        LOG.info("manager closed the app");
        stage.close();
    }

    @FXML
    private void closePanel() {
        onClose.run();
    }

    private void showNotice(String text, boolean problem) {
        notice.setText(text);
        notice.getStyleClass().remove("manager-problem");
        if (problem) {
            notice.getStyleClass().add("manager-problem");
        }
        notice.setVisible(true);
        notice.setManaged(true);
    }

    void dispose() {
        reloading.stop();
        if (outbox != null) {
            outbox.dispose();
        }
        model.close();
    }
}
