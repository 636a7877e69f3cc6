package id.outletkiosk.ui.manager;

import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.pricing.Rupiah;
import id.outletkiosk.ui.HealthTexts;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.Views;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The outbox as a manager sees it: one list, oldest first, of every order and every status change (a
 * cook's bump, a cancel) not yet at central, each saying in words what it is, how long it has waited,
 * attempts, whether the store server has it and central's last answer. One list rather than two
 * sections: the manager acts on "what is stuck" whatever its kind, and a list that is mostly empty
 * should not be split into two half-height tables. "Retry" puts a refused one back in the queue;
 * "Discard" asks first, with a reason that stays beside it.
 */
final class OutboxTab {
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    @FXML
    private VBox root;
    @FXML
    private Label summary;
    @FXML
    private TableView<OutboxItem> items;
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
    private final Clock clock;
    private final InvalidationListener problemListener = observable -> showProblem();
    /** When the ages were last worked out: moved on each reload, so ages grow without rebuilding the rows. */
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private final InvalidationListener snapshotListener = observable -> showAges();
    private OutboxItem askingAbout;
    /** The row the manager picked, kept across the reloads that replace the rows every 2 s. */
    private long selectedSeq = -1;

    OutboxTab(ManagerPanelModel model, HealthTexts texts) {
        this.model = model;
        this.texts = texts;
        this.messages = texts.messages();
        this.clock = model.desk().clock();
    }

    Parent build() {
        Parent view = Views.load(this, "outbox-tab.fxml", messages);
        showAges();
        Label none = new Label(messages.get("manager.outbox.none"));
        none.setWrapText(true);
        items.setPlaceholder(none);
        // every column wraps and has a floor: in the demo's 820 px kiosk window all six share about 700 px, and
        // the floors (with the two titles that cannot wrap) leave room for that
        items.getColumns().add(WrappingCell.column(messages.get("manager.outbox.kind"), this::kind, 170, 80));
        items.getColumns().add(WrappingCell.column(messages.get("manager.outbox.what"), this::what, 230, 110));
        TableColumn<OutboxItem, String> waiting = new TableColumn<>(messages.get("manager.outbox.waiting"));
        waiting.setCellValueFactory(row -> Bindings.createStringBinding(() -> texts.age(Duration.ofSeconds(
                Duration.between(row.getValue().createdAt(), now.get()).toSeconds())), now));
        waiting.setPrefWidth(150);
        waiting.setMinWidth(Math.max(100, WrappingCell.titleWidth(waiting.getText())));
        waiting.setSortable(false);
        items.getColumns().add(waiting);
        items.getColumns().add(WrappingCell.column(messages.get("manager.outbox.state"), this::state, 300, 100));
        items.getColumns().add(WrappingCell.column(messages.get("manager.outbox.attempts"),
                item -> Integer.toString(item.attempts()), 120, 100));
        var lastError = WrappingCell.column(messages.get("manager.outbox.lastError"),
                (OutboxItem item) -> item.lastError() == null ? "" : item.lastError(), 400, 110);
        lastError.setId("outbox-last-error");
        items.getColumns().add(lastError);
        items.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(OutboxItem item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(REFUSED, !empty && item != null && item.state() == OutboxState.ATTENTION);
            }
        });
        items.setItems(model.openItems());
        WrappingCell.fitColumns(items);
        items.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null) {
                selectedSeq = now.seq();
            }
            showButtons();
        });
        model.openItems().addListener((InvalidationListener) observable -> showSummary());
        model.actionProblemProperty().addListener(problemListener);
        model.snapshotProperty().addListener(snapshotListener);
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

    private void showAges() {
        now.set(clock.instant());
    }

    /** "Order" or "Status change". */
    private String kind(OutboxItem item) {
        return messages.get(item instanceof OutboxEntry ? "manager.outbox.kind.order" : "manager.outbox.kind.status");
    }

    /** "K1-0003 · Rp 45.000" for an order, "#17 → Ready" for a status change. */
    private String what(OutboxItem item) {
        if (item instanceof OutboxEntry order) {
            return order.reference() + " · " + Rupiah.format(order.kioskTotal());
        }
        StatusChangeEntry change = (StatusChangeEntry) item; // the interface is sealed: there is no third kind
        return "#" + change.orderShortNumber() + " → " + messages.get("manager.outbox.to." + change.target().wireName());
    }

    /** What a person calls it in a sentence: "Order K1-0003", "Status change #17 → Ready". */
    private String name(OutboxItem item) {
        return kind(item) + " " + (item instanceof OutboxEntry order ? order.reference() : what(item));
    }

    private String state(OutboxItem item) {
        String state = messages.get("manager.outbox.state." + item.state().name());
        if (!item.localCopy()) {
            return state;
        }
        return state + " · " + messages.get(item instanceof OutboxEntry ? "manager.outbox.kitchenHasIt"
                : "manager.outbox.storeServerHasIt");
    }

    private void showSummary() {
        model.openItems().stream().filter(item -> item.seq() == selectedSeq).findFirst()
                .ifPresent(item -> items.getSelectionModel().select(item));
        long refused = model.openItems().stream().filter(item -> item.state() == OutboxState.ATTENTION).count();
        summary.setText(messages.get("manager.outbox.summary", model.openItems().size() - refused, refused));
        if (askingAbout != null && model.openItems().stream().noneMatch(item -> item.seq() == askingAbout.seq())) {
            keep(); // it went (sent, or discarded from elsewhere) while the question was up
        }
        showButtons();
    }

    private void showButtons() {
        OutboxItem selected = items.getSelectionModel().getSelectedItem();
        retry.setDisable(selected == null || selected.state() != OutboxState.ATTENTION || askingAbout != null);
        discard.setDisable(selected == null || askingAbout != null);
    }

    private void showProblem() {
        ManagerPanelModel.ActionProblem shown = model.actionProblemProperty().get();
        problem.setText(shown == null ? "" : shown.error() == null
                ? messages.get("manager.outbox.noLongerOpen", name(shown.item()))
                : messages.get("manager.outbox.actionFailed", name(shown.item()), shown.error()));
    }

    @FXML
    private void retry() {
        OutboxItem selected = items.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.retry(selected);
        }
    }

    @FXML
    private void askDiscard() {
        askingAbout = items.getSelectionModel().getSelectedItem();
        if (askingAbout == null) {
            return;
        }
        if (askingAbout instanceof OutboxEntry order) {
            question.setText(messages.get(order.localCopy() ? "manager.outbox.askDiscardKitchen"
                    : "manager.outbox.askDiscard", order.reference(), Rupiah.format(order.kioskTotal())));
        } else {
            question.setText(messages.get(askingAbout.localCopy() ? "manager.outbox.askDiscardChangeStore"
                    : "manager.outbox.askDiscardChange", what(askingAbout)));
        }
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

    /** Central's reason in full, over as many lines as it needs: a manager decides on it, so none of it is cut. */
    void dispose() {
        model.actionProblemProperty().removeListener(problemListener);
        model.snapshotProperty().removeListener(snapshotListener);
    }
}
