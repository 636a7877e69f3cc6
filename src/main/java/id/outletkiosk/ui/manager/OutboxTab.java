package id.outletkiosk.ui.manager;

import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.ui.HealthTexts;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The outbox as a manager sees it: every order not yet at central, oldest first, with its reference,
 * age, total, attempts and last error. "Retry" puts a refused order back in the queue; "Discard" asks
 * first, with a reason that stays beside the order.
 */
final class OutboxTab {
    @FXML
    private VBox root;
    @FXML
    private Label summary;
    @FXML
    private TableView<OutboxEntry> orders;
    @FXML
    private Button retry;
    @FXML
    private Button discard;
    @FXML
    private Label problem;
    @FXML
    private VBox confirmation;
    @FXML
    private Label question;
    @FXML
    private FlowPane reasons;
    @FXML
    private TextField reason;

    private final ManagerPanelModel model;
    private final HealthTexts texts;
    private final Messages messages;
    private final InvalidationListener problemListener = observable -> showProblem();
    private OutboxEntry askingAbout;
    /** The order the manager picked, kept across the reloads that replace the rows every 2 s. */
    private long selectedSeq = -1;

    OutboxTab(ManagerPanelModel model, HealthTexts texts) {
        this.model = model;
        this.texts = texts;
        this.messages = texts.messages();
    }

    Parent build() {
        Parent view = Views.load(this, "outbox-tab.fxml", messages);
        orders.setPlaceholder(new Label(messages.get("manager.outbox.none")));
        orders.getColumns().add(HealthTexts.column(messages.get("manager.outbox.reference"), OutboxEntry::reference, 120));
        orders.getColumns().add(HealthTexts.column(messages.get("manager.outbox.placed"),
                entry -> texts.time(entry.createdAt()), 170));
        orders.getColumns().add(HealthTexts.column(messages.get("manager.outbox.total"),
                entry -> Rupiah.format(entry.kioskTotal()), 150));
        orders.getColumns().add(HealthTexts.column(messages.get("manager.outbox.state"),
                entry -> messages.get("manager.outbox.state." + entry.state().name())
                        + (entry.localCopy() ? " · " + messages.get("manager.outbox.kitchenHasIt") : ""), 280));
        orders.getColumns().add(HealthTexts.column(messages.get("manager.outbox.attempts"),
                entry -> Integer.toString(entry.attempts()), 130));
        orders.getColumns().add(HealthTexts.column(messages.get("manager.outbox.lastError"),
                entry -> entry.lastError() == null ? "" : entry.lastError(), 520));
        orders.setItems(model.openOrders());
        orders.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        orders.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                selectedSeq = now.seq();
            }
            showButtons();
        });
        model.openOrders().addListener((InvalidationListener) observable -> showSummary());
        model.actionProblemProperty().addListener(problemListener);
        for (String key : new String[] {"manager.outbox.reason.cancelled", "manager.outbox.reason.duplicate",
                "manager.outbox.reason.byHand"}) {
            Button chip = new Button(messages.get(key));
            chip.getStyleClass().add("manager-chip");
            chip.setOnAction(event -> reason.setText(chip.getText()));
            reasons.getChildren().add(chip);
        }
        showSummary();
        showButtons();
        return view;
    }

    private void showSummary() {
        model.openOrders().stream().filter(entry -> entry.seq() == selectedSeq).findFirst()
                .ifPresent(entry -> orders.getSelectionModel().select(entry));
        long refused = model.openOrders().stream().filter(entry -> entry.state() == OutboxState.ATTENTION).count();
        summary.setText(messages.get("manager.outbox.summary", model.openOrders().size() - refused, refused));
        if (askingAbout != null && model.openOrders().stream().noneMatch(entry -> entry.seq() == askingAbout.seq())) {
            keep(); // it went (sent, or discarded from elsewhere) while the question was up
        }
        showButtons();
    }

    private void showButtons() {
        OutboxEntry selected = orders.getSelectionModel().getSelectedItem();
        retry.setDisable(selected == null || selected.state() != OutboxState.ATTENTION || askingAbout != null);
        discard.setDisable(selected == null || askingAbout != null);
    }

    private void showProblem() {
        ManagerPanelModel.ActionProblem shown = model.actionProblemProperty().get();
        problem.setText(shown == null ? "" : shown.error() == null
                ? messages.get("manager.outbox.noLongerOpen", shown.reference())
                : messages.get("manager.outbox.actionFailed", shown.reference(), shown.error()));
    }

    @FXML
    private void retry() {
        OutboxEntry selected = orders.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.retry(selected);
        }
    }

    @FXML
    private void askDiscard() {
        askingAbout = orders.getSelectionModel().getSelectedItem();
        if (askingAbout == null) {
            return;
        }
        question.setText(messages.get(askingAbout.localCopy() ? "manager.outbox.askDiscardKitchen"
                : "manager.outbox.askDiscard", askingAbout.reference(), Rupiah.format(askingAbout.kioskTotal())));
        reason.clear();
        showConfirmation(true);
    }

    @FXML
    private void keep() {
        askingAbout = null;
        showConfirmation(false);
    }

    @FXML
    private void confirmDiscard() {
        if (askingAbout == null) {
            return;
        }
        String why = reason.getText() == null || reason.getText().isBlank()
                ? messages.get("manager.outbox.reason.none") : reason.getText().strip();
        model.discard(askingAbout, why);
        keep();
    }

    private void showConfirmation(boolean shown) {
        confirmation.setVisible(shown);
        confirmation.setManaged(shown);
        showButtons();
    }

    void dispose() {
        model.actionProblemProperty().removeListener(problemListener);
    }
}
