package id.outletkiosk.ui;

import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import id.outletkiosk.health.Alert;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The calm strip at the bottom of every screen: sync state, last sync time, data version, outdated warning.
 * Its facts wrap onto a second line in a narrow window rather than being cut to "…".
 */
public final class StatusBarView extends FlowPane {
    private Messages messages;
    private final Clock clock;
    private final Label state = new Label();
    private final Label lastSync = new Label();
    private final Label version = new Label();
    private final Label outdated = new Label();
    private final Label transport = new Label();
    private final Label outbox = new Label();
    private final Button refresh;
    private SyncStatus shown;
    private FeedStatus shownFeed;
    private OutboxStatus shownOutbox;
    private final Label demoLabel = new Label();
    private final Label alerts = new Label();
    private List<Alert> shownAlerts = List.of();
    private final long pollSeconds;
    /** "last sync 10:42" and the outdated warning. */
    private final AgeingClock ageing = new AgeingClock(() -> show(shown));

    public StatusBarView(ObservableValue<SyncStatus> status, Messages messages, Clock clock, Runnable onRefresh,
            boolean demo, long pollSeconds) {
        this.messages = messages;
        this.pollSeconds = pollSeconds;
        this.clock = clock;
        getStyleClass().add("status-bar");
        state.setId("sync-state");
        // a long error wraps within 560 px; the whole of it is in the tooltip and the log
        state.setMaxWidth(560);
        state.setWrapText(true);
        state.setMinWidth(Region.USE_PREF_SIZE);
        lastSync.setId("last-sync");
        version.setId("data-version");
        outdated.setId("outdated-warning");
        outdated.getStyleClass().add("status-outdated");
        // every fact shows in full: a narrow bar wraps onto a second line instead
        lastSync.setMinWidth(Region.USE_PREF_SIZE);
        version.setMinWidth(Region.USE_PREF_SIZE);
        refresh = new Button(messages.get("status.refresh"));
        refresh.setId("refresh-button");
        refresh.setOnAction(event -> {
            if (onRefresh != null) {
                onRefresh.run();
            }
        });
        refresh.setDisable(onRefresh == null);
        transport.setId("transport");
        transport.setMinWidth(Region.USE_PREF_SIZE);
        outbox.setId("outbox");
        outbox.getStyleClass().add("status-outdated");
        outbox.setMinWidth(Region.USE_PREF_SIZE);
        showOutbox(null);
        alerts.setId("status-alerts");
        alerts.getStyleClass().add("status-outdated");
        alerts.setMaxWidth(640);
        alerts.setWrapText(true);
        alerts.setMinWidth(Region.USE_PREF_SIZE);
        outdated.setMinWidth(Region.USE_PREF_SIZE);
        showAlerts(List.of());
        getChildren().addAll(transport, state, lastSync, version, outbox, outdated, alerts);
        if (demo) {
            demoLabel.setText(messages.get("status.demo"));
            getChildren().add(demoLabel);
        }
        if (onRefresh != null) {
            getChildren().add(refresh); // a customer's screen has no refresh: that is the manager's
        }
        status.addListener((observable, before, now) -> show(now));
        show(status.getValue());
        ageing.start();
    }

    /** Stops the bar's clock, on the FX thread, when its window closes (see {@link AgeingClock}). */
    public void stopAgeing() {
        ageing.stop();
    }

    /** Whether the bar's clock still runs: from the bar's making until its window closes. */
    public boolean ageing() {
        return ageing.running();
    }

    /**
     * The customer's variant: a small neutral dot and nothing else. Transport, sync state, data version
     * and waiting orders are the staff's business (the manager's panel has them); the bar stays as the
     * place a manager long-presses to open that panel, and the dot's shade tells staff at a glance
     * whether the terminal is online, on the store server or offline.
     */
    public void forCustomers() {
        Region dot = new Region();
        dot.setId("status-dot");
        dot.getStyleClass().add("status-dot");
        // the transport label's style says online, store server or offline (set after its text changes)
        transport.getStyleClass().addListener((javafx.beans.InvalidationListener) observable -> showDot(dot));
        showDot(dot);
        getStyleClass().setAll("status-bar-customer");
        getChildren().setAll(dot);
    }

    private void showDot(Region dot) {
        dot.getStyleClass().removeAll("transport-online", "transport-degraded", "transport-offline");
        transport.getStyleClass().stream().filter(style -> style.startsWith("transport-")).findFirst()
                .ifPresent(dot.getStyleClass()::add);
    }

    /** The kiosk's customer chose another language: the same facts in their words. */
    public void setMessages(Messages newMessages) {
        messages = newMessages;
        refresh.setText(messages.get("status.refresh"));
        if (!demoLabel.getText().isEmpty()) {
            demoLabel.setText(messages.get("status.demo"));
        }
        show(shown);
        showTransport(shownFeed);
        showOutbox(shownOutbox);
        showAlerts(shownAlerts);
    }

    /**
     * The health alerts a staff screen shows: the first in a few words (the stale menu already has its own
     * warning), the rest as "+N", all of them in full in the tooltip; the manager's panel has the details.
     */
    public void showAlerts(List<Alert> current) {
        shownAlerts = current;
        List<Alert> own = current.stream().filter(alert -> alert.kind() != Alert.Kind.MENU_OUTDATED).toList();
        alerts.setVisible(!own.isEmpty());
        alerts.setManaged(!own.isEmpty());
        if (own.isEmpty()) {
            return;
        }
        HealthTexts texts = new HealthTexts(messages, clock);
        alerts.setText("⚠ " + texts.headline(own.get(0)) + (own.size() > 1 ? "  +" + (own.size() - 1) : ""));
        alerts.setTooltip(new Tooltip(String.join("\n", own.stream().map(texts::alert).toList())));
    }

    /** Orders not yet at the backend, and those a manager must look at; hidden when there are none. */
    public void showOutbox(OutboxStatus status) {
        shownOutbox = status;
        boolean waiting = status != null && (status.queued() > 0 || status.attention() > 0);
        outbox.setVisible(waiting);
        outbox.setManaged(waiting);
        if (waiting) {
            outbox.setText(status.attention() > 0 ? messages.get("status.attention", status.attention())
                    : messages.get("status.outbox", status.queued()));
        }
    }

    /** Shows where live orders come from: online, the store server, polling it, or offline since when. */
    public void showTransport(FeedStatus feed) {
        shownFeed = feed;
        if (feed == null) {
            return;
        }
        String text = switch (feed.mode()) {
            case ONLINE, LOCAL -> messages.get("transport." + feed.mode().name());
            case POLLING -> messages.get("transport.POLLING", pollSeconds);
            case OFFLINE -> messages.get("transport.OFFLINE", timeOf(feed.modeSince()));
        };
        transport.setText("● " + text);
        transport.getStyleClass().removeAll("transport-online", "transport-degraded", "transport-offline");
        transport.getStyleClass().add(switch (feed.mode()) {
            case ONLINE -> "transport-online";
            case LOCAL, POLLING -> "transport-degraded";
            case OFFLINE -> "transport-offline";
        });
    }

    private void show(SyncStatus status) {
        shown = status;
        if (status == null) {
            return;
        }
        String stateText = messages.get("status.state." + status.state().name(),
                Math.round(status.progress() * 100));
        state.setText(stateText);
        state.getStyleClass().remove("status-error");
        if (status.state() == SyncState.ERROR) {
            state.getStyleClass().add("status-error");
            state.setText(stateText + ": " + status.lastError());
            state.setTooltip(new Tooltip(status.lastError()));
        } else {
            state.setTooltip(null);
        }
        lastSync.setText(status.lastSuccess() == null ? messages.get("status.neverSynced")
                : messages.get("status.lastSync", timeOf(status.lastSuccess())));
        version.setText(messages.get("status.version", Long.toString(status.dataVersion())));
        boolean isOutdated = status.isOutdatedAt(clock.instant());
        outdated.setText(isOutdated ? "⚠ " + messages.get("status.outdated") : "");
        outdated.setVisible(isOutdated);
        outdated.setManaged(isOutdated);
        refresh.setDisable(refresh.getOnAction() == null || status.state() == SyncState.SYNCING);
    }

    private String timeOf(Instant instant) {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        boolean today = instant.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        DateTimeFormatter format = DateTimeFormatter.ofPattern(today ? "HH:mm" : "d MMM HH:mm",
                messages.locale() == null ? Locale.ROOT : messages.locale());
        return format.format(instant.atZone(zone));
    }
}
