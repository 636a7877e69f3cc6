package id.outletkiosk.ui.manager;

import id.outletkiosk.config.ConfigFile;
import id.outletkiosk.config.Role;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backend, store server, outlet and role, as the config file has them. "Save" checks the whole file
 * with the change the way the next start will read it, writes only if it loads, and says what the
 * loader said otherwise. The running terminal keeps its settings until it starts again.
 */
final class SettingsTab {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsTab.class);
    private static final List<Setting> EDITED = List.of(Setting.BACKEND, Setting.LOCAL_HTTP, Setting.OUTLET, Setting.ROLE);

    @FXML
    private Label fileLabel;
    @FXML
    private TextField backend;
    @FXML
    private TextField localServer;
    @FXML
    private TextField outlet;
    @FXML
    private ToggleGroup roles;
    @FXML
    private ToggleButton kiosk;
    @FXML
    private ToggleButton kitchen;
    @FXML
    private ToggleButton manager;
    @FXML
    private Label overridden;
    @FXML
    private Button save;
    @FXML
    private Label result;

    private final ConfigFile config;
    private final Settings current;
    private final Messages messages;
    private final Executor worker;
    private final Executor fx;
    private final Map<String, String> environment;

    SettingsTab(ConfigFile config, Settings current, Messages messages, Executor worker, Executor fx,
            Map<String, String> environment) {
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
        backend.setText(saved.getOrDefault(Setting.BACKEND, ""));
        backend.setPromptText(current.hasBackend() ? messages.get("manager.settings.now", current.backend()) : "");
        localServer.setText(saved.getOrDefault(Setting.LOCAL_HTTP, ""));
        localServer.setPromptText(current.localHttp() == null ? ""
                : messages.get("manager.settings.now", current.localHttp()));
        outlet.setText(saved.getOrDefault(Setting.OUTLET, Integer.toString(current.outlet())));
        Role role = Role.parse(saved.getOrDefault(Setting.ROLE, current.role().wireName()));
        roles.selectToggle(switch (role == null ? current.role() : role) {
            case KIOSK -> kiosk;
            case KITCHEN -> kitchen;
            case MANAGER -> manager;
        });
        List<String> fromEnvironment = EDITED.stream().filter(setting -> environment.containsKey(setting.envName()))
                .map(Setting::envName).toList();
        if (!fromEnvironment.isEmpty()) {
            overridden.setText(messages.get("manager.settings.overridden", String.join(", ", fromEnvironment)));
            overridden.setVisible(true);
            overridden.setManaged(true);
        }
        return view;
    }

    @FXML
    private void save() {
        Map<Setting, String> changes = new EnumMap<>(Setting.class);
        changes.put(Setting.BACKEND, backend.getText());
        changes.put(Setting.LOCAL_HTTP, localServer.getText());
        changes.put(Setting.OUTLET, outlet.getText());
        ToggleButton chosen = (ToggleButton) roles.getSelectedToggle();
        changes.put(Setting.ROLE, chosen == kitchen ? "kitchen" : chosen == manager ? "manager" : "kiosk");
        save.setDisable(true);
        showResult(messages.get("manager.settings.checking"), false);
        worker.execute(() -> {
            String message;
            boolean problem;
            try {
                config.save(changes);
                LOG.info("manager saved settings {} to {}", changes.keySet(), config.path());
                message = messages.get("manager.settings.saved", config.path().toString());
                problem = false;
            } catch (SettingsException | java.io.UncheckedIOException e) {
                message = messages.get("manager.settings.refused", e.getMessage());
                problem = true;
            }
            String shown = message;
            boolean asProblem = problem;
            fx.execute(() -> {
                save.setDisable(false);
                showResult(shown, asProblem);
            });
        });
    }

    private void showResult(String text, boolean problem) {
        result.setText(text);
        result.getStyleClass().remove("manager-problem");
        if (problem) {
            result.getStyleClass().add("manager-problem");
        }
    }
}
