package id.outletkiosk.ui.manager;

import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.OnScreenKeyboard;
import id.outletkiosk.ui.Views;
import id.outletkiosk.config.SettingKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every setting a store manager changes ({@link Setting#managerEdits()}), one row each, as the config
 * file has them: a field for text, chips for a choice. "Save" writes only what the manager changed,
 * checks the whole file the way the next start will read it, writes only if it loads, and says what the
 * loader said otherwise. The running terminal keeps its settings until it starts again.
 */
final class SettingsTab {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsTab.class);
    /**
     * Each setting is a cell, its name above its field or chips, as many side by side as fit: three on a
     * 1920x1080 screen, where all sixteen show without scrolling (a lunch rush leaves no time to scroll), two
     * in a smaller window. The narrowest cell still shows a URL or the three role chips whole.
     */
    private static final double CELL_MIN_WIDTH = 360;
    private static final int MOST_PER_ROW = 3;
    private static final String REFUSED = "manager-refused";

    @FXML
    private Label fileLabel;
    @FXML
    private ScrollPane scroll;
    @FXML
    private GridPane form;
    @FXML
    private Label overridden;
    @FXML
    private Button save;
    @FXML
    private Label result;
    @FXML
    private VBox keyboardHolder;

    private final ConfigFile config;
    private final Settings current;
    private final Messages messages;
    private final Executor worker;
    private final Executor fx;
    private final Map<String, String> environment;
    /** Kiosk mode: a full screen with no keyboard, so a field brings the on-screen one. */
    private final boolean touchOnly;
    /** What each row holds now, as text the config file takes ("" for none), and what it held when shown. */
    private final Map<Setting, Supplier<String>> entered = new EnumMap<>(Setting.class);
    private final Map<Setting, String> shown = new EnumMap<>(Setting.class);
    /** Each setting's cell (name and editor), in the order of the declarations. */
    private final Map<Setting, VBox> cells = new EnumMap<>(Setting.class);
    private int perRow;

    SettingsTab(ConfigFile config, Settings current, Messages messages, Executor worker, Executor fx,
            Map<String, String> environment, boolean touchOnly) {
        this.touchOnly = touchOnly;
        this.config = config;
        this.current = current;
        this.messages = messages;
        this.worker = worker;
        this.fx = fx;
        this.environment = environment;
    }

    Parent build() {
        Parent view = Views.load(this, "settings-tab.fxml", messages);
        fileLabel.setText(messages.get("manager.settings.file", config.path().toString()));
        Map<Setting, String> saved;
        try {
            saved = config.values();
        } catch (SettingsException e) {
            saved = Map.of();
            showResult(e.getMessage(), true);
        }
        List<Setting> edited = Arrays.stream(Setting.values()).filter(Setting::managerEdits).toList();
        for (Setting setting : edited) {
            Label name = new Label(messages.get("manager.setting." + setting.key()));
            name.setWrapText(true);
            name.getStyleClass().add("manager-setting-name");
            FlowPane heading = new FlowPane(10, 0, name);
            heading.setRowValignment(VPos.BASELINE);
            Node editor = editor(setting, saved.getOrDefault(setting, ""), heading);
            VBox cell = new VBox(6, heading, editor);
            cell.getStyleClass().add("manager-setting");
            cell.setMinWidth(CELL_MIN_WIDTH);
            cells.put(setting, cell);
            form.getChildren().add(cell);
        }
        arrange(2);
        scroll.viewportBoundsProperty().addListener((observable, before, now) -> arrange(
                (int) Math.floor((now.getWidth() + form.getHgap()) / (CELL_MIN_WIDTH + form.getHgap()))));
        List<String> fromEnvironment = edited.stream().map(Setting::envName).filter(environment::containsKey).toList();
        if (!fromEnvironment.isEmpty()) {
            overridden.setText(messages.get("manager.settings.overridden", String.join(", ", fromEnvironment)));
            overridden.setVisible(true);
            overridden.setManaged(true);
        }
        return view;
    }

    /** Puts the cells {@code count} to a row (1 to {@link #MOST_PER_ROW}), in columns of equal width. */
    private void arrange(int count) {
        int columns = Math.max(1, Math.min(MOST_PER_ROW, count));
        if (columns == perRow) {
            return;
        }
        perRow = columns;
        List<ColumnConstraints> constraints = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            ColumnConstraints constraint = new ColumnConstraints();
            constraint.setPercentWidth(100.0 / columns);
            constraint.setHgrow(Priority.ALWAYS);
            constraint.setFillWidth(true);
            constraints.add(constraint);
        }
        form.getColumnConstraints().setAll(constraints);
        int index = 0;
        for (VBox cell : cells.values()) {
            GridPane.setConstraints(cell, index % columns, index / columns);
            index++;
        }
    }

    /**
     * Chips for a choice (the file's value picked, else none: the default) with what runs now beside the
     * setting's name, a field for the rest (what runs now as its prompt).
     */
    private Node editor(Setting setting, String inFile, FlowPane heading) {
        List<String> choices = setting.kind().choices();
        String id = "settings-" + setting.key();
        if (choices.isEmpty()) {
            TextField field = new TextField(inFile);
            field.setId(id);
            field.getStyleClass().add("manager-field");
            field.setPrefColumnCount(setting.kind() == SettingKind.HTTP_URL || setting.kind() == SettingKind.WS_URL ? 24 : 8);
            String now = current.display(setting);
            field.setPromptText(now.isEmpty() ? "" : messages.get("manager.settings.now", now));
            shown.put(setting, inFile);
            entered.put(setting, field::getText);
            if (touchOnly) {
                field.focusedProperty().addListener((observable, was, focused) -> {
                    if (focused) {
                        showKeyboard(field, setting);
                    }
                });
            }
            return field;
        }
        String now = current.display(setting);
        if (!now.isEmpty()) {
            Label running = new Label(messages.get("manager.settings.now",
                    choices.contains(now) ? messages.get(choiceText(setting, now)) : now));
            running.setId(id + "-now");
            running.getStyleClass().add("manager-setting-now");
            heading.getChildren().add(running);
        }
        ToggleGroup group = new ToggleGroup();
        // the chips wrap onto a second line rather than shorten their words (four roles, in Bahasa Indonesia)
        FlowPane chips = new FlowPane(8, 8);
        String picked = setting.kind().formatValue(inFile.isEmpty() ? null : parsedOrNull(setting, inFile));
        for (String choice : choices) {
            ToggleButton chip = new ToggleButton(messages.get(choiceText(setting, choice)));
            chip.setId(id + "-" + choice);
            chip.getStyleClass().add("manager-chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.setToggleGroup(group);
            chip.setUserData(choice);
            chip.setSelected(choice.equals(picked));
            chips.getChildren().add(chip);
        }
        shown.put(setting, picked);
        entered.put(setting, () -> group.getSelectedToggle() == null ? "" : (String) group.getSelectedToggle().getUserData());
        return chips;
    }

    /**
     * The on-screen keyboard under the form, typing into the field last touched; the form, shorter now,
     * scrolls so that field stays in sight (the manager sees what the keys type).
     */
    private void showKeyboard(TextField field, Setting setting) {
        keyboardHolder.getChildren().setAll(OnScreenKeyboard.forSettings(field, messages.get("manager.settings.space")));
        keyboardHolder.setVisible(true);
        keyboardHolder.setManaged(true);
        Platform.runLater(() -> scrollTo(cells.get(setting))); // once the keyboard took its room
    }

    private static String choiceText(Setting setting, String choice) {
        return setting.kind() == SettingKind.ROLE ? "manager.role." + choice.toUpperCase(Locale.ROOT)
                : "manager.choice." + choice;
    }

    /** A value the file holds in another spelling ("true" for on) shows as its chip; a bad one as none. */
    private static Object parsedOrNull(Setting setting, String text) {
        try {
            return setting.kind().parse(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @FXML
    private void save() {
        Map<Setting, String> changes = new EnumMap<>(Setting.class);
        entered.forEach((setting, value) -> {
            String now = value.get().trim();
            if (!now.equals(shown.get(setting))) {
                changes.put(setting, now);
            }
        });
        save.setDisable(true);
        showResult(messages.get("manager.settings.checking"), false);
        worker.execute(() -> {
            String message;
            boolean problem;
            String loaderSaid = null;
            try {
                config.save(changes);
                LOG.info("manager saved settings {} to {}", changes.keySet(), config.path());
                message = messages.get("manager.settings.saved", config.path().toString());
                problem = false;
            } catch (SettingsException | java.io.UncheckedIOException e) {
                message = messages.get("manager.settings.refused", e.getMessage());
                problem = true;
                loaderSaid = e.getMessage();
            }
            String said = message;
            boolean asProblem = problem;
            String refusal = loaderSaid;
            fx.execute(() -> {
                save.setDisable(false);
                if (!asProblem) {
                    changes.forEach(shown::put); // the file holds these now: a second save writes nothing again
                }
                showResult(said, asProblem);
                markRefused(refusal);
            });
        });
    }

    /**
     * Marks the setting the loader names first ("ticket-late-after: 3m must be longer than ...") in red and
     * scrolls it into view, so the manager finds it by its label; a null refusal clears the mark.
     */
    private void markRefused(String refusal) {
        cells.values().forEach(cell -> cell.getStyleClass().remove(REFUSED));
        if (refusal == null || refusal.indexOf(':') <= 0) {
            return;
        }
        String key = refusal.substring(0, refusal.indexOf(':')).trim();
        cells.forEach((setting, cell) -> {
            if (setting.key().equals(key)) {
                cell.getStyleClass().add(REFUSED);
                scrollTo(cell);
            }
        });
    }

    /** Scrolls the form so that {@code cell} is at the top of what shows (as far as the form goes). */
    private void scrollTo(VBox cell) {
        // the tab first, styled: the scroll's new height (a keyboard came, its keys' size set by CSS) is its doing
        scroll.getParent().applyCss();
        scroll.getParent().layout();
        scroll.layout();
        double hidden = form.getHeight() - scroll.getViewportBounds().getHeight();
        if (cell != null && hidden > 0) {
            double top = cell.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.max(0, Math.min(1, (top - form.getVgap()) / hidden)));
        }
    }

    private void showResult(String text, boolean problem) {
        result.setText(text);
        result.getStyleClass().remove("manager-problem");
        if (problem) {
            result.getStyleClass().add("manager-problem");
        }
    }
}
