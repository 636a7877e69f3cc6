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
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * The demo's one control: cut the store's internet and bring it back, to watch the kiosk and the
 * kitchen fall back to the store server and climb back. Starting and stopping the backend takes a
 * moment, so it runs off the FX thread.
 */
final class DemoControl implements AutoCloseable {
    private final DemoOutlet store;
    private final Messages messages;
    private final ExecutorService switcher = Executors.newSingleThreadExecutor(DaemonThreads.named("demo-switch"));
    private final Button toggle = new Button();
    private final Label state = new Label();

    DemoControl(DemoOutlet store, Messages messages) {
        this.store = store;
        this.messages = messages;
    }

    Scene buildScene() {
        toggle.setId("demo-internet");
        toggle.getStyleClass().add("demo-toggle");
        toggle.setOnAction(event -> flip());
        state.getStyleClass().add("demo-state");
        HBox bar = new HBox(20, state, toggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("demo-bar");
        show();
        Scene scene = new Scene(bar, 760, 90);
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

    @Override
    public void close() {
        switcher.shutdownNow();
    }
}
