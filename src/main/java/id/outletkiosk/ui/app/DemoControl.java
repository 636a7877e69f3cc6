package id.outletkiosk.ui.app;

import id.outletkiosk.ui.Messages;

import id.outletkiosk.runtime.DemoOutlet;
import id.outletkiosk.sync.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The demo's controls: which of the store's screens shows beside the kiosk (the kitchen, the bar, the
 * expo, the pickup screen: one stage each, in the same place, the one picked in front); a lunch rush
 * (a burst of orders and the demo's cooks working through them); and the store's internet, cut and
 * brought back, to watch every screen fall back to the store server and climb back. Starting and
 * stopping the backend takes a moment, so it runs off the FX thread.
 */
final class DemoControl implements AutoCloseable {
    private final DemoOutlet store;
    private final Messages messages;
    private final ExecutorService switcher = Executors.newSingleThreadExecutor(DaemonThreads.named("demo-switch"));
    private final Button toggle = new Button();
    private final Label state = new Label();
    private final Button rush = new Button();
    private final Label rushState = new Label();
    private final Map<String, Stage> screens;
    private final Timeline rushTicker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1),
            event -> showRush()));

    /** @param screens the screens beside the kiosk, by the name their button shows, in the buttons' order */
    DemoControl(DemoOutlet store, Messages messages, Map<String, Stage> screens) {
        this.store = store;
        this.messages = messages;
        this.screens = screens;
    }

    Scene buildScene() {
        toggle.setId("demo-internet");
        toggle.getStyleClass().add("demo-toggle");
        toggle.setOnAction(event -> flip());
        state.getStyleClass().add("demo-state");
        HBox picker = new HBox(6);
        ToggleGroup shown = new ToggleGroup();
        screens.forEach((name, stage) -> {
            ToggleButton pick = new ToggleButton(name);
            pick.setId("demo-show-" + name.toLowerCase(java.util.Locale.ROOT));
            pick.getStyleClass().add("demo-toggle");
            pick.setToggleGroup(shown);
            pick.setOnAction(event -> {
                pick.setSelected(true);
                stage.toFront();
            });
            picker.getChildren().add(pick);
        });
        if (!picker.getChildren().isEmpty()) {
            ((ToggleButton) picker.getChildren().get(0)).setSelected(true);
        }
        rush.setId("demo-lunch-rush");
        rush.getStyleClass().add("demo-toggle");
        rush.setOnAction(event -> store.lunchRush().start());
        rushState.getStyleClass().add("demo-state");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(16, picker, rush, rushState, gap, state, toggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("demo-bar");
        show();
        showRush();
        rushTicker.setCycleCount(Timeline.INDEFINITE);
        rushTicker.play();
        Scene scene = new Scene(bar, 1500, 90);
        scene.getStylesheets().add(Messages.class.getResource("app.css").toExternalForm());
        return scene;
    }

    void show(Stage stage) {
        stage.setTitle(messages.get("demo.title"));
        stage.setScene(buildScene());
        stage.show();
    }

    private void flip() {
        toggle.setDisable(true);
        boolean up = store.isInternetUp();
        switcher.execute(() -> {
            if (up) {
                store.cutInternet();
            } else {
                store.restoreInternet();
            }
            Platform.runLater(() -> {
                toggle.setDisable(false);
                show();
            });
        });
    }

    private void show() {
        boolean up = store.isInternetUp();
        state.setText(messages.get(up ? "demo.internetUp" : "demo.internetDown"));
        toggle.setText(messages.get(up ? "demo.cut" : "demo.restore"));
    }

    /** "Lunch rush" until it runs, then how far it is ("Lunch rush: 12/36 orders"). */
    private void showRush() {
        var lunch = store.lunchRush();
        rush.setText(messages.get("demo.rush"));
        rush.setDisable(lunch.isRunning());
        rushState.setText(lunch.isRunning() ? messages.get("demo.rushing", lunch.placed(), lunch.orders()) : "");
    }

    @Override
    public void close() {
        rushTicker.stop();
        switcher.shutdownNow();
    }
}
