package id.outletkiosk.ui.manager;

import id.outletkiosk.model.SpeedOfService;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.SpeedOfServiceView;
import java.time.LocalDate;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speed of service in the manager's panel: today's figures (or yesterday's) in the shared
 * {@link SpeedOfServiceView}, read off the FX thread when the tab is opened, when the day is changed,
 * and with the panel's reloads while the tab is open.
 */
final class SpeedTab {
    private static final Logger LOG = LoggerFactory.getLogger(SpeedTab.class);

    private final ManagerPanelModel model;
    private final Messages messages;
    private final ObservableBooleanValue open;
    private final SpeedOfServiceView figures;
    private final Label problem = new Label();
    private final ToggleGroup days = new ToggleGroup();
    /** Days back from today: 0 today, 1 yesterday. */
    private int daysBack;

    SpeedTab(ManagerPanelModel model, Messages messages, ObservableBooleanValue open) {
        this.model = model;
        this.messages = messages;
        this.open = open;
        this.figures = new SpeedOfServiceView(messages, model.desk().clock().getZone());
    }

    Parent build() {
        HBox picker = new HBox(8, day("speed-today", "manager.speed.today", 0),
                day("speed-yesterday", "manager.speed.yesterday", 1));
        days.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true); // a day tapped again stays picked
            } else {
                daysBack = (Integer) now.getUserData();
                load();
            }
        });
        problem.setId("speed-problem");
        problem.getStyleClass().add("manager-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setVisible(false);
        problem.setManaged(false);
        VBox page = new VBox(14, picker, problem, figures.node());
        page.getStyleClass().add("manager-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("manager-scroll");
        open.addListener((observable, was, now) -> {
            if (now) {
                load();
            }
        });
        model.snapshotProperty().addListener(observable -> {
            if (open.get()) {
                load();
            }
        });
        return scroll;
    }

    private ToggleButton day(String id, String text, int back) {
        ToggleButton chip = new ToggleButton(messages.get(text));
        chip.setId(id);
        chip.getStyleClass().add("manager-chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        chip.setUserData(back);
        chip.setToggleGroup(days);
        chip.setSelected(back == 0);
        return chip;
    }

    /** Reads the picked day's figures on the panel's worker; shows them (or why not) on the FX thread. */
    private void load() {
        int back = daysBack;
        model.worker().execute(() -> read(back)); // dropped once the panel closed
    }

    private void read(int back) {
        try {
            LocalDate day = LocalDate.now(model.desk().clock()).minusDays(back);
            SpeedOfService.Report report = model.desk().speedOfService(day);
            model.fx().execute(() -> show(report, null));
        } catch (RuntimeException e) {
            LOG.warn("the speed-of-service figures could not be read: {}", e.getMessage());
            model.fx().execute(() -> show(null, e.getMessage()));
        }
    }

    private void show(SpeedOfService.Report report, String failure) {
        problem.setText(failure == null ? "" : messages.get("manager.speed.failed", failure));
        problem.setVisible(failure != null);
        problem.setManaged(failure != null);
        if (report != null) {
            figures.show(report);
        }
    }
}
