package id.outletkiosk.ui;

import id.outletkiosk.model.SpeedOfService;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * Speed-of-service figures as a kitchen reads them: the day's summary for the whole kitchen and each
 * station (tickets, minutes to ready and to served, average and 90th percentile, late, cancelled), then
 * the same hour by hour for the whole kitchen or the station picked, the hours with late tickets marked.
 * It shows a {@link SpeedOfService.Report} it is given (on the FX thread) and reads nothing itself, so
 * the manager panel and the expo screen can both hold one. Its stylesheet comes with it.
 */
public final class SpeedOfServiceView {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final ZoneId zone;
    private final NumberFormat oneDecimal;
    private final VBox root = new VBox(14);
    private final Label explanation = new Label();
    private final GridPane summary = new GridPane();
    private final FlowPane scopes = new FlowPane(8, 8);
    private final GridPane hours = new GridPane();
    private final Label none = new Label();
    private final ToggleGroup scopeGroup = new ToggleGroup();
    private SpeedOfService.Report shown;
    /** The station the by-hour table is for; null for the whole kitchen. */
    private String scope;

    public SpeedOfServiceView(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
        this.oneDecimal = NumberFormat.getNumberInstance(messages.locale());
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
        root.setId("speed-of-service");
        root.getStyleClass().add("speed-view");
        root.getStylesheets().add(SpeedOfServiceView.class.getResource("speed-of-service.css").toExternalForm());
        explanation.setId("speed-explanation");
        explanation.getStyleClass().add("speed-note");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        summary.setId("speed-summary");
        hours.setId("speed-hours");
        for (GridPane grid : List.of(summary, hours)) {
            grid.getStyleClass().add("speed-table");
        }
        none.setId("speed-none");
        none.getStyleClass().add("speed-note");
        none.setWrapText(true);
        Label summaryTitle = section(messages.get("speed.summary"));
        Label hoursTitle = section(messages.get("speed.byHour"));
        root.getChildren().addAll(explanation, summaryTitle, summary, none, hoursTitle, scopes, hours);
        scopeGroup.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true); // a chip tapped again stays picked: there is always a scope
            } else if (shown != null) {
                scope = (String) now.getUserData();
                showHours();
            }
        });
    }

    public Parent node() {
        return root;
    }

    /** Shows a day's figures; keeps the station picked for the by-hour table while that station is there. */
    public void show(SpeedOfService.Report report) {
        explanation.setText(messages.get("speed.explanation", report.lateAfter().toMinutes(),
                HOUR.format(report.asOf().atZone(zone))));
        if (shown != null && shown.kitchen().equals(report.kitchen()) && shown.stations().equals(report.stations())) {
            return; // the same figures read again: the rows (and a finger on a chip) stay as they are
        }
        boolean sameStations = shown != null && names(shown).equals(names(report));
        shown = report;
        boolean empty = report.kitchen().total().tickets() == 0 && report.kitchen().total().cancelled() == 0;
        none.setText(messages.get("speed.none"));
        none.setVisible(empty);
        none.setManaged(empty);
        summary.getChildren().clear();
        headings(summary, messages.get("speed.where"));
        int row = 1;
        addRow(summary, row++, messages.get("speed.kitchen"), report.kitchen().total(), "speed-kitchen");
        for (SpeedOfService.Day station : report.stations()) {
            addRow(summary, row++, station.station(), station.total(), "speed-station-" + station.station());
        }
        if (scope != null && report.stations().stream().noneMatch(day -> day.station().equals(scope))) {
            scope = null;
        }
        if (!sameStations) {
            showScopes();
        }
        showHours();
    }

    private static List<String> names(SpeedOfService.Report report) {
        return report.stations().stream().map(SpeedOfService.Day::station).toList();
    }

    private void showScopes() {
        List<String> names = new ArrayList<>();
        names.add(null);
        shown.stations().forEach(day -> names.add(day.station()));
        scopes.getChildren().clear();
        scopeGroup.getToggles().clear();
        for (String name : names) {
            ToggleButton chip = new ToggleButton(name == null ? messages.get("speed.kitchen") : name);
            chip.setId(name == null ? "speed-scope-kitchen" : "speed-scope-" + name);
            chip.getStyleClass().add("speed-chip");
            chip.setUserData(name);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.setToggleGroup(scopeGroup);
            chip.setSelected(java.util.Objects.equals(name, scope));
            scopes.getChildren().add(chip);
        }
        // one scope (no stations): nothing to pick
        scopes.setVisible(names.size() > 1);
        scopes.setManaged(names.size() > 1);
    }

    private void showHours() {
        SpeedOfService.Day day = scope == null ? shown.kitchen() : shown.stations().stream()
                .filter(station -> station.station().equals(scope)).findFirst().orElse(shown.kitchen());
        hours.getChildren().clear();
        headings(hours, messages.get("speed.hour"));
        int row = 1;
        for (SpeedOfService.Hour hour : day.hours()) {
            Label[] cells = addRow(hours, row++, String.format("%02d:00", hour.hour()), hour.figures(),
                    "speed-hour-" + hour.hour());
            if (hour.figures().late() > 0) {
                for (Label cell : cells) {
                    cell.getStyleClass().add("speed-late-hour");
                }
            }
        }
    }

    private void headings(GridPane grid, String first) {
        List<String> titles = List.of(first, messages.get("speed.tickets"), messages.get("speed.readyAverage"),
                messages.get("speed.readyP90"), messages.get("speed.servedAverage"), messages.get("speed.servedP90"),
                messages.get("speed.late"), messages.get("speed.cancelled"));
        for (int column = 0; column < titles.size(); column++) {
            Label title = new Label(titles.get(column));
            title.getStyleClass().add("speed-heading");
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            title.setMaxWidth(Double.MAX_VALUE);
            // headings wrap to two lines at a fixed width, never narrower: a narrow window scrolls sideways
            // rather than squeeze "Disajikan," to "Disaj…"
            title.setPrefWidth(column == 0 ? 200 : 130);
            title.setMinWidth(Region.USE_PREF_SIZE);
            // one- and two-line headings share their underline; the figures' headings sit over the figures
            title.setMaxHeight(Double.MAX_VALUE);
            title.setAlignment(column == 0 ? Pos.BOTTOM_LEFT : Pos.BOTTOM_RIGHT);
            title.setTextAlignment(column == 0 ? TextAlignment.LEFT : TextAlignment.RIGHT);
            grid.add(title, column, 0);
        }
    }

    /** A row of figures; its cells, for marking. */
    private Label[] addRow(GridPane grid, int row, String name, SpeedOfService.Figures figures, String id) {
        boolean late = figures.late() > 0;
        String[] texts = {name, Integer.toString(figures.tickets()), minutes(figures.averageToReady()),
                minutes(figures.p90ToReady()), minutes(figures.averageToServed()), minutes(figures.p90ToServed()),
                late ? "⚠ " + figures.late() : "0", Integer.toString(figures.cancelled())};
        Label[] cells = new Label[texts.length];
        for (int column = 0; column < texts.length; column++) {
            Label cell = new Label(texts[column]);
            cell.getStyleClass().add(column == 0 ? "speed-name" : "speed-value");
            cell.setMinWidth(Region.USE_PREF_SIZE); // a figure is never cut to "1…"
            cell.setMaxWidth(Double.MAX_VALUE);
            if (row % 2 == 0) {
                cell.getStyleClass().add("speed-stripe");
            }
            cells[column] = cell;
            grid.add(cell, column, row);
        }
        cells[0].setId(id);
        cells[1].setId(id + "-tickets");
        cells[6].setId(id + "-late");
        if (late) {
            cells[6].getStyleClass().add("speed-late");
        }
        return cells;
    }

    private String minutes(Duration duration) {
        return duration == null ? "–" : messages.get("speed.minutes", oneDecimal.format(duration.toMillis() / 60_000.0));
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("speed-section");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
