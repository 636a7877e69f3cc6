package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.SpeedOfService;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.SpeedOfServiceView;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expo's speed of service: a header button swaps the side panel (all-day counts or recall) for
 * today's figures, per station and for the whole kitchen, read from the local store on the worker while
 * they are shown, again every {@link #EVERY}; tapped again, the panel is back as it was.
 */
final class ExpoSpeed {
    private static final Logger LOG = LoggerFactory.getLogger(ExpoSpeed.class);
    static final Duration EVERY = Duration.ofSeconds(30);

    /** Today's figures, read from the local store; blocking. */
    @FunctionalInterface
    interface Figures {
        SpeedOfService.Report on(LocalDate day);
    }

    private final Figures figures;
    private final Messages messages;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final Executor fx;
    private final SpeedOfServiceView view;
    private final Button button = new Button();
    private final ScrollPane shown;
    private VBox side;
    private List<Node> sideAsItWas;
    private double sideWidthAsItWas;
    private ScheduledFuture<?> reading;

    ExpoSpeed(Figures figures, Messages messages, Clock clock, ScheduledExecutorService worker, Executor fx) {
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
        this.worker = worker;
        this.fx = fx;
        this.view = new SpeedOfServiceView(messages, clock.getZone());
        this.shown = new ScrollPane(view.node());
        shown.setFitToWidth(true);
        shown.getStyleClass().addAll("side-scroll", "expo-speed");
        VBox.setVgrow(shown, javafx.scene.layout.Priority.ALWAYS);
        button.setId("speed-button");
        button.getStyleClass().add("kitchen-button");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setFocusTraversable(false);
        button.setOnAction(event -> toggle());
        showButton();
    }

    /** The header's button. */
    Button button() {
        return button;
    }

    /** The side panel it takes over while shown. */
    void takesOver(VBox sidePanel) {
        this.side = sidePanel;
    }

    boolean isShown() {
        return sideAsItWas != null;
    }

    void toggle() {
        if (side == null) {
            return;
        }
        if (isShown()) {
            reading.cancel(false);
            side.getChildren().setAll(sideAsItWas);
            side.setPrefWidth(sideWidthAsItWas);
            sideAsItWas = null;
        } else {
            sideAsItWas = List.copyOf(side.getChildren());
            sideWidthAsItWas = side.getPrefWidth();
            side.getChildren().setAll(shown);
            // the figures are a table of seven columns: the board keeps two columns of tickets beside it
            side.setPrefWidth(Math.max(sideWidthAsItWas, side.getScene().getWidth() - 2 * 300 - 40));
            reading = worker.scheduleWithFixedDelay(this::read, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
        }
        showButton();
    }

    void close() {
        if (reading != null) {
            reading.cancel(false);
        }
    }

    private void read() {
        try {
            SpeedOfService.Report report = figures.on(LocalDate.now(clock));
            fx.execute(() -> view.show(report));
        } catch (RuntimeException e) {
            LOG.warn("today's speed of service could not be read: {}", e.getMessage());
        }
    }

    private void showButton() {
        button.setText(messages.get(isShown() ? "kitchen.speed.hide" : "kitchen.speed.show"));
    }
}
